import { searchAgentOptions } from "@/modules/agents/search";
import { listArticles } from "@/modules/articles/list";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { listFigures } from "@/modules/figures/list";
import { searchLawOptions } from "@/modules/laws/options";
import { searchSourceOptions } from "@/modules/sources/picker";
import { searchTopicOptions } from "@/modules/topics/picker";

export type RecordKind = "law" | "article" | "agent" | "source" | "topic" | "figure";
export type FoundRecord = { kind: RecordKind; label: string; hint?: string; href: string };

const perKind = 5;

/**
 * Records of every kind an editor opens, found by their title or name for the command palette:
 * at most five of each, laws first. Each lookup is the one its own picker or list uses.
 */
export async function findRecordsByTitle(ctx: Ctx, q: string): Promise<FoundRecord[]> {
  authorize(ctx, "admin.access");
  const query = q.trim().slice(0, 200);
  if (!query) return [];
  const [laws, articles, agents, sources, topics, figures] = await Promise.all([
    searchLawOptions(ctx, query, { limit: perKind }),
    listArticles(ctx, { q: query, limit: perKind }),
    searchAgentOptions(ctx, query, perKind),
    searchSourceOptions(ctx, query, perKind),
    searchTopicOptions(ctx, query, perKind),
    listFigures(ctx, { q: query, limit: perKind }),
  ]);
  return [
    ...laws.map((o) => ({ kind: "law" as const, label: o.label, hint: o.hint, href: `/admin/laws/${o.value}` })),
    ...articles.articles.map((a) => ({
      kind: "article" as const,
      label: a.title,
      hint: a.lang,
      href: `/admin/articles/${a.id}`,
    })),
    ...agents.map((o) => ({ kind: "agent" as const, label: o.label, hint: o.hint, href: `/admin/agents/${o.value}` })),
    ...sources.map((o) => ({
      kind: "source" as const,
      label: o.label,
      hint: o.hint,
      href: `/admin/sources/${o.value}`,
    })),
    ...topics.map((o) => ({ kind: "topic" as const, label: o.label, hint: o.hint, href: `/admin/topics/${o.value}` })),
    ...figures.figures.map((f) => ({
      kind: "figure" as const,
      label: f.label,
      hint: f.jurisdictionCode ?? undefined,
      href: `/admin/figures/${f.id}`,
    })),
  ];
}
