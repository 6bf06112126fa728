import type { Tx } from "@/db";
import { makeLive } from "@/modules/workflow/publish";
import { lockItem } from "@/modules/workflow/revise";
import type { Plan } from "./plan";
import { afterProgress, type ImportProgress } from "./report";

/**
 * Publishes what an import recorded, through the same step as any publication (its page, the
 * public read model, search, caches): agents first, then the laws that name them, then the
 * articles that discuss the laws. Returns how many items went live.
 */
export async function publishImported(
  tx: Tx,
  plan: Plan,
  now: Date,
  progress: (p: ImportProgress) => void,
): Promise<{ type: "agent" | "law" | "article"; id: number }[]> {
  const items = [
    ...plan.agents.map((i) => ({ type: "agent" as const, id: i.id })),
    ...plan.laws.map((i) => ({ type: "law" as const, id: i.id })),
    ...plan.articles.map((i) => ({ type: "article" as const, id: i.id })),
  ];
  const published: typeof items = [];
  for (const [index, item] of items.entries()) {
    const row = await lockItem(tx, item);
    if (row.visibility !== "archived" && row.workingRevisionId !== row.liveRevisionId) {
      await makeLive(tx, row, now);
      published.push(item);
    }
    if ((index + 1) % 200 === 0 || index + 1 === items.length) {
      progress({ phase: "publishing", done: index + 1, total: items.length });
      await afterProgress();
    }
  }
  return published;
}
