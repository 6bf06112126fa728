import type { Db } from "@/db";
import { markdownText } from "@/lib/markdown";
import { createAgent } from "@/modules/agents/save";
import { quotePassage } from "@/modules/annotations/passage";
import { createAnnotation } from "@/modules/annotations/save";
import { createArticle } from "@/modules/articles/save";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createFigure } from "@/modules/figures/save";
import { createJurisdiction } from "@/modules/jurisdictions/save";
import { addEvent } from "@/modules/laws/events";
import { addLawRelation } from "@/modules/laws/relations";
import { createLaw } from "@/modules/laws/save";
import { addLawTextVersion } from "@/modules/laws/texts";
import { createSource } from "@/modules/sources/save";
import { createTopic } from "@/modules/topics/save";
import { editorialStatus } from "@/modules/workflow/status";
import { moveItem } from "@/modules/workflow/transitions";
import type { ContentType } from "@/db/schema/vocabulary";
import { urlPayloads, xssPayloads } from "../hostile/xss-payloads";

/** Where the hostile-input suite finds what this seed made: every item holds payloads in every field. */
export const hostileJurisdiction = "XS";
export const anchor = "Anchor sentence for the note.";

const all = xssPayloads.map((p) => p.text);

/** The payloads in as few groups as fit a field of `max` characters, so every payload is in every field. */
export function chunks(max: number, separator = " "): string[] {
  const groups: string[] = [];
  let current = "";
  for (const text of all) {
    const next = current ? `${current}${separator}${text}` : text;
    if (next.length > max && current) {
      groups.push(current);
      current = text;
    } else current = next;
  }
  if (current) groups.push(current);
  return groups;
}

const every = (max: number, separator = "\n\n") => chunks(max, separator);
const pick = <T>(list: T[], i: number) => list[i % list.length]!;

/** Everything the payloads travel through, published through the workflow as an editor would. */
export async function seed(db: Db): Promise<void> {
  const ctx: Ctx = { db, actor: commandLineActor };
  const working = async (type: ContentType, id: number) => (await editorialStatus(ctx, type, id)).workingRevisionId;
  const publish = async (type: ContentType, id: number) => {
    for (const action of ["submit", "approve", "publish"] as const)
      await moveItem(ctx, { type, id, action, baseRevision: await working(type, id) });
  };

  await createJurisdiction(ctx, {
    code: hostileJurisdiction,
    kind: "country",
    name: "Xssland <img src=x onerror=__xss(999)>",
    otherNames: all.filter((t) => t.length <= 200).map((name) => ({ name, lang: "en" })),
  });

  const topicIds = [];
  for (const [i, name] of chunks(200).entries()) {
    topicIds.push((await createTopic(ctx, { name, description: pick(every(2000), i) })).id);
  }

  const sourceIds = [];
  for (const [i, title] of chunks(500).entries()) {
    const url = pick(urlPayloads, i).text;
    sourceIds.push((await createSource(ctx, { title, url, archivedUrl: url, note: pick(every(5000), i) })).id);
  }

  const agentIds = [];
  for (const [i, preferredName] of chunks(300).entries()) {
    const agent = await createAgent(ctx, {
      kind: i % 2 ? "media_outlet" : "person",
      preferredName,
      description: pick(every(5000), i),
      names: i === 0 ? all.filter((t) => t.length <= 300).map((name) => ({ name, lang: "" })) : [],
      links: urlPayloads.map((u, j) => ({ label: pick(chunks(200), i + j), url: u.text })),
    });
    await publish("agent", agent.id);
    agentIds.push(agent.id);
  }

  const lawIds: number[] = [];
  for (const [i, title] of chunks(1000).entries()) {
    const law = await createLaw(ctx, {
      jurisdictionCode: hostileJurisdiction,
      type: "law",
      status: "adopted",
      titles: [{ lang: "en", title }],
      summary: all.join("\n\n"),
      identifiers: [{ registry: pick(chunks(200), i), value: pick(chunks(200), i + 1) }],
      topicIds,
      sourceIds,
    });
    await addLawTextVersion(ctx, law.id, {
      lang: "en",
      body: `${anchor}\n\n${all.join("\n\n")}`,
      sourceId: pick(sourceIds, i),
      baseRevision: await working("law", law.id),
    });
    for (const note of every(2000))
      await addEvent(ctx, law.id, {
        kind: "adopted",
        agentId: pick(agentIds, i),
        note,
        accounts: [{ date: "2024-12", sourceId: pick(sourceIds, i), note: pick(chunks(1000), i) }],
        baseRevision: await working("law", law.id),
      });
    if (lawIds.length > 0)
      await addLawRelation(ctx, law.id, {
        kind: "cites",
        toLawId: lawIds[0],
        note: pick(every(2000), i),
        baseRevision: await working("law", law.id),
      });
    await publish("law", law.id);
    lawIds.push(law.id);
  }

  const titles = chunks(1000);
  const articleIds: number[] = [];
  for (let i = 0; i < Math.max(titles.length, urlPayloads.length); i++) {
    const article = await createArticle(ctx, {
      kind: i % 2 ? "opinion" : "news",
      lang: "en",
      title: pick(titles, i),
      body: `${anchor}\n\n${all.join("\n\n")}`,
      originalDate: "2024-12",
      originalUrl: pick(urlPayloads, i).text,
      authorIds: agentIds.slice(0, 3),
      publisherId: pick(agentIds, i + 1),
      creditedAgentId: pick(agentIds, i + 2),
      lawIds,
      topicIds,
      sourceIds,
      jurisdictionCodes: [hostileJurisdiction],
    });
    await publish("article", article.id);
    articleIds.push(article.id);
  }

  for (const [i, body] of every(20_000).entries()) {
    const articleId = pick(articleIds, i);
    const passage = quotePassage(markdownText(`${anchor}\n\n${all.join("\n\n")}`), anchor);
    const note = await createAnnotation(ctx, {
      targetType: "article",
      targetId: articleId,
      kind: "context",
      audience: "public",
      body,
      links: [`law:${pick(lawIds, i)}`, `agent:${pick(agentIds, i)}`],
      sourceIds: sourceIds.slice(0, 2),
      passage: { targetRevision: await working("article", articleId), ...passage },
    });
    await publish("annotation", note.id);
  }

  for (const [i, label] of chunks(500).entries()) {
    await createFigure(ctx, {
      label,
      jurisdictionCode: hostileJurisdiction,
      unit: "people",
      note: pick(every(5000), i),
      accounts: [{ value: String(800 + i), asOf: "2024", sourceId: pick(sourceIds, i) }],
    });
  }
}
