/**
 * A long law with many published annotations, for the public benchmark: its page is the heaviest
 * a reader asks for (every passage highlighted, every note rendered). Made through the editors'
 * own functions, so it is published and projected exactly as a real one.
 */
import type { Db } from "@/db";
import { markdownText } from "@/lib/markdown";
import { quotePassage } from "@/modules/annotations/passage";
import { createAnnotation } from "@/modules/annotations/save";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { addLawTextVersion } from "@/modules/laws/texts";
import { editorialStatus } from "@/modules/workflow/status";
import { moveItem } from "@/modules/workflow/transitions";

export const annotatedLawSlug = "bench-annotated-code";

const kinds = ["context", "fact_check", "cross_reference", "translation", "correction", "note"] as const;

/** A law of `articles` numbered articles (about 230 characters each) with one public note on every `every`-th. */
export async function seedAnnotatedLaw(
  db: Db,
  { articles = 400, every = 2 } = {},
): Promise<{ annotations: number; characters: number }> {
  const ctx: Ctx = { db, actor: commandLineActor };
  const body = Array.from(
    { length: articles },
    (_, i) =>
      `## Article ${i + 1}\n\nCitizens repressed under decision ${i + 1} of the commission are rehabilitated; ` +
      `their heirs may apply to the archive of region ${(i % 7) + 1} for copies of case file ${1000 + i}, ` +
      `which is released within thirty days of the application.`,
  ).join("\n\n");
  const law = await createLaw(ctx, {
    jurisdictionCode: "KG",
    type: "code",
    status: "in_force",
    slug: annotatedLawSlug,
    titles: [{ lang: "en", title: "Benchmark code with annotations" }],
  });
  const working = async (type: "law" | "annotation", id: number) =>
    (await editorialStatus(ctx, type, id)).workingRevisionId;
  const text = await addLawTextVersion(ctx, law.id, { lang: "en", body, baseRevision: await working("law", law.id) });
  await publish(ctx, "law", law.id, working);
  const plain = markdownText(body);
  const targetRevision = await working("law", law.id);
  let made = 0;
  for (let i = 0; i < articles; i += every) {
    const created = await createAnnotation(ctx, {
      targetType: "law",
      targetId: law.id,
      textId: text.id,
      kind: kinds[made % kinds.length],
      audience: "public",
      body: `Decision ${i + 1} is recorded in **case file ${1000 + i}**; see the commission's register.`,
      passage: { targetRevision, ...quotePassage(plain, `decision ${i + 1} of the commission`) },
    });
    await publish(ctx, "annotation", created.id, working);
    made++;
  }
  return { annotations: made, characters: [...plain].length };
}

async function publish(
  ctx: Ctx,
  type: "law" | "annotation",
  id: number,
  working: (type: "law" | "annotation", id: number) => Promise<number>,
) {
  for (const action of ["submit", "approve", "publish"] as const)
    await moveItem(ctx, { type, id, action, baseRevision: await working(type, id) });
}
