import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { annotations, editorialItems } from "@/db/schema";
import { toCodePoints } from "@/lib/anchoring/selectors";
import { ForbiddenError, NotAuthenticatedError, ValidationError } from "@/lib/errors";
import { markdownText } from "@/lib/markdown";
import { deleteAnnotation } from "@/modules/annotations/delete";
import { listRecentAnnotations } from "@/modules/annotations/list";
import { annotationsOnText, currentPlacement, proposeFoundPassage } from "@/modules/annotations/review";
import { createAnnotation, updateAnnotation } from "@/modules/annotations/save";
import { createArticle, updateArticle } from "@/modules/articles/save";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { addLawTextVersion, removeLawTextVersion, updateLawTextVersion } from "@/modules/laws/texts";
import { readAnnotationsById, readAnnotationsOn, readTarget } from "@/modules/public/annotations";
import { annotationCollection, webAnnotation } from "@/modules/public/web-annotation";
import { readSearch } from "@/modules/public/search";
import { searchQuery } from "@/modules/public/search-url";
import { loadDemoContent } from "@/modules/system/demo-content";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let contributor: Ctx;
let editor: Ctx;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  contributor = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
  admin = { db: database.db, actor: commandLineActor };
});
afterAll(() => database.close());

const article1 =
  "This Law rehabilitates citizens repressed for political reasons between 1917 and 1953 under the RSFSR Criminal Code.";
const article2 = "Persons convicted for signs of a kulak economy are rehabilitated in full.";
const lawBody = `## Article 1\n\n${article1}\n\n## Article 2\n\n${article2}\n`;

/** A draft law with one English text; returns the ids an editor's page would hold. */
async function makeLaw(body = lawBody) {
  const law = await createLaw(contributor, {
    jurisdictionCode: "KG",
    type: "law",
    status: "adopted",
    titles: [{ lang: "en", title: `On rehabilitation ${Math.random().toString(36).slice(2, 8)}` }],
  });
  const text = await addLawTextVersion(contributor, law.id, {
    lang: "en",
    body,
    baseRevision: await workingRevision(contributor, "law", law.id),
  });
  return { lawId: law.id, textId: text.id };
}

/** What the browser sends for a selection of `quote` in the text as rendered. */
function select(markdown: string, quote: string, targetRevision: number, occurrence = 0) {
  const text = markdownText(markdown);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`"${quote}" is not in the text`);
  return {
    targetRevision,
    exact: quote,
    prefix: text.slice(Math.max(0, at - 32), at),
    suffix: text.slice(at + quote.length, at + quote.length + 32),
    start: toCodePoints(text, at),
    end: toCodePoints(text, at + quote.length),
  };
}

async function annotate(
  ctx: Ctx,
  law: { lawId: number; textId: number },
  quote: string,
  more: Record<string, unknown> = {},
  body = lawBody,
) {
  return createAnnotation(ctx, {
    targetType: "law",
    targetId: law.lawId,
    textId: law.textId,
    kind: "context",
    audience: "public",
    body: "The RSFSR Criminal Code applied in the Kirghiz SSR until 1961.",
    passage: select(body, quote, await workingRevision(ctx, "law", law.lawId)),
    ...more,
  });
}

const publicNotes = (lawId: number) => readAnnotationsOn(database.db, { type: "law", id: lawId });
const passageOf = async (lawId: number) => (await publicNotes(lawId)).map((a) => a.exact);

async function editText(law: { lawId: number; textId: number }, body: string) {
  await updateLawTextVersion(contributor, law.textId, {
    lang: "en",
    body,
    baseRevision: await workingRevision(contributor, "law", law.lawId),
  });
}

describe("annotating a passage", () => {
  test("the server stores the passage as it finds it in the text, with its context, as a draft", async () => {
    const law = await makeLaw();
    const note = await annotate(contributor, law, "RSFSR Criminal Code");
    const text = markdownText(lawBody);
    const at = text.indexOf("RSFSR Criminal Code");
    expect(note.passage).toMatchObject({
      exact: "RSFSR Criminal Code",
      prefix: text.slice(at - 32, at),
      suffix: text.slice(at + 19, at + 19 + 32),
      start: at,
      end: at + 19,
    });
    expect(note.target).toEqual({ type: "law", id: law.lawId, textId: law.textId });
    const [row] = await database.db
      .select({ review: editorialItems.review, visibility: editorialItems.visibility })
      .from(editorialItems)
      .where(eq(editorialItems.itemId, note.id));
    expect(row).toEqual({ review: "draft", visibility: "unpublished" });
  });

  test("a selection that is not in the text is refused at the passage and nothing is written", async () => {
    const law = await makeLaw();
    const before = await annotationCount();
    const passage = { ...select(lawBody, "kulak economy", await workingRevision(contributor, "law", law.lawId)) };
    await expect(
      createAnnotation(contributor, {
        targetType: "law",
        targetId: law.lawId,
        textId: law.textId,
        kind: "note",
        audience: "public",
        body: "A note.",
        passage: { ...passage, exact: "words that are nowhere in this law", prefix: "", suffix: "" },
      }),
    ).rejects.toMatchObject({ fieldErrors: { passage: [expect.stringContaining("not in this text")] } });
    expect(await annotationCount()).toBe(before);
  });

  test("bad input gets an error at each field: no kind, no body, no text version, an unknown link", async () => {
    const law = await makeLaw();
    const passage = select(lawBody, "kulak economy", await workingRevision(contributor, "law", law.lawId));
    const error = await createAnnotation(contributor, {
      targetType: "law",
      targetId: law.lawId,
      kind: "gossip",
      audience: "public",
      body: "  ",
      passage,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["body", "kind"]);
    await expect(
      createAnnotation(contributor, {
        targetType: "law",
        targetId: law.lawId,
        kind: "note",
        audience: "public",
        body: "x",
        passage,
      }),
    ).rejects.toMatchObject({ fieldErrors: { textId: [expect.any(String)] } });
    await expect(annotate(contributor, law, "kulak economy", { links: ["agent:999999"] })).rejects.toMatchObject({
      fieldErrors: { links: [expect.stringContaining("no longer exists")] },
    });
  });

  test("only signed-in contributors may annotate", async () => {
    const law = await makeLaw();
    await expect(annotate(anonymous(database.db), law, "kulak economy")).rejects.toBeInstanceOf(NotAuthenticatedError);
  });

  test("overlapping and nested passages are both kept", async () => {
    const law = await makeLaw();
    const outer = await annotate(contributor, law, "repressed for political reasons between 1917 and 1953");
    const inner = await annotate(contributor, law, "political reasons");
    const overlapping = await annotate(contributor, law, "between 1917 and 1953 under the RSFSR");
    const { annotations: listed } = await annotationsOnText(editor, { type: "law", id: law.lawId, textId: law.textId });
    expect(listed.map((a) => a.id)).toEqual([outer.id, inner.id, overlapping.id]);
    expect(listed.every((a) => a.placement.state === "anchored")).toBe(true);
  });
});

describe("publishing annotations", () => {
  test("a public note shows only once both it and its law are published, and goes when either is withdrawn", async () => {
    const law = await makeLaw();
    const note = await annotate(contributor, law, "RSFSR Criminal Code");
    expect(await publicNotes(law.lawId)).toEqual([]);
    await publishItem(database.db, "annotation", note.id);
    // The law is still a draft: its notes wait for it.
    expect(await publicNotes(law.lawId)).toEqual([]);
    await publishItem(database.db, "law", law.lawId);
    const [shown] = await publicNotes(law.lawId);
    expect(shown).toMatchObject({
      id: note.id,
      kind: "context",
      exact: "RSFSR Criminal Code",
      start: note.passage.start,
    });
    expect(shown!.body).toContain("until 1961");

    await withdraw("annotation", note.id);
    expect(await publicNotes(law.lawId)).toEqual([]);
    await publishItem(database.db, "annotation", note.id);
    expect(await passageOf(law.lawId)).toEqual(["RSFSR Criminal Code"]);
    await withdraw("law", law.lawId);
    expect(await publicNotes(law.lawId)).toEqual([]);
  });

  test("an internal note is never served publicly, even when published", async () => {
    const law = await makeLaw();
    await publishItem(database.db, "law", law.lawId);
    const note = await annotate(contributor, law, "kulak economy", {
      audience: "internal",
      body: "Check the 1931 decree.",
    });
    await publishItem(database.db, "annotation", note.id);
    expect(await publicNotes(law.lawId)).toEqual([]);
    expect((await readSearch(database.db, searchQuery.parse({ q: "1931 decree" }))).total).toBe(0);
  });

  test("a draft edit of a published note stays hidden until it is published", async () => {
    const law = await makeLaw();
    const note = await annotate(contributor, law, "kulak economy");
    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "annotation", note.id);
    await updateAnnotation(contributor, note.id, {
      kind: "fact_check",
      audience: "public",
      body: "Draft wording that readers must not see.",
      baseRevision: await workingRevision(contributor, "annotation", note.id),
    });
    expect((await publicNotes(law.lawId))[0]).toMatchObject({ kind: "context" });
    expect((await publicNotes(law.lawId))[0]!.body).not.toContain("Draft wording");
    await publishItem(database.db, "annotation", note.id);
    expect((await publicNotes(law.lawId))[0]).toMatchObject({
      kind: "fact_check",
      body: "Draft wording that readers must not see.",
    });
  });

  test("published public notes are found by search, linking to the highlighted passage", async () => {
    const law = await makeLaw();
    const note = await annotate(contributor, law, "kulak economy", {
      body: "Dekulakization began in 1930 (Politburo resolution).",
    });
    await publishItem(database.db, "law", law.lawId);
    expect((await readSearch(database.db, searchQuery.parse({ q: "dekulakization" }))).total).toBe(0);
    await publishItem(database.db, "annotation", note.id);
    const results = await readSearch(database.db, searchQuery.parse({ q: "dekulakization" }));
    expect(results.hits.map((h) => h.path)).toEqual([
      expect.stringMatching(new RegExp(`^/laws/kg/[^?]+\\?text=${law.textId}#annotation-${note.id}$`)),
    ]);
    await withdraw("law", law.lawId);
    expect((await readSearch(database.db, searchQuery.parse({ q: "dekulakization" }))).total).toBe(0);
  });
});

describe("carrying annotations forward when the text changes", () => {
  test("a passage that moved stays anchored, at its new place, once the new text is published", async () => {
    const law = await makeLaw();
    const note = await annotate(contributor, law, "kulak economy");
    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "annotation", note.id);
    const moved = lawBody.replace(
      "## Article 2",
      "## Article 1-1\n\nA new article inserted before the passage.\n\n## Article 2",
    );
    await editText(law, moved);
    // Readers keep the live text and its note until the edit is published.
    expect((await publicNotes(law.lawId))[0]!.start).toBe(note.passage.start);
    await publishItem(database.db, "law", law.lawId);
    const [shown] = await publicNotes(law.lawId);
    const text = markdownText(moved);
    expect(shown).toMatchObject({ exact: "kulak economy", start: toCodePoints(text, text.indexOf("kulak economy")) });
    expect(shown!.start).toBeGreaterThan(note.passage.start);
  });

  test("a passage edited inside drifts: hidden from readers until its move to the new passage is reviewed and published", async () => {
    const law = await makeLaw();
    const note = await annotate(contributor, law, "signs of a kulak economy");
    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "annotation", note.id);
    await editText(law, lawBody.replace("signs of a kulak economy", "signs of a so-called kulak economy"));
    const review = await annotationsOnText(editor, { type: "law", id: law.lawId, textId: law.textId });
    const [listed] = review.annotations;
    expect(listed!.placement).toMatchObject({
      state: "drifted",
      passage: { exact: expect.stringContaining("so-called kulak") },
    });
    expect(listed!.made.exact).toBe("signs of a kulak economy");
    await publishItem(database.db, "law", law.lawId);
    expect(await publicNotes(law.lawId)).toEqual([]);

    const found = {
      annotationId: note.id,
      annotationRevision: listed!.revisionId,
      targetRevision: review.targetRevisionId,
    };
    await expect(proposeFoundPassage(anonymous(database.db), found)).rejects.toBeInstanceOf(NotAuthenticatedError);
    // One person moving the note changes nothing readers see: it is a draft like any edit.
    const moved = await proposeFoundPassage(editor, found);
    expect(moved.passage.exact).toContain("so-called kulak economy");
    expect(await publicNotes(law.lawId)).toEqual([]);
    const after = await annotationsOnText(editor, { type: "law", id: law.lawId, textId: law.textId });
    expect(after.annotations[0]).toMatchObject({ review: "draft", placement: { state: "anchored" } });
    // The same move again, on the revision it replaced, is refused.
    await expect(proposeFoundPassage(editor, found)).rejects.toThrow(/changed since you opened it/);

    // Whoever moved it cannot approve it; another editor can.
    const baseRevision = () => workingRevision(editor, "annotation", note.id);
    await moveItem(editor, { type: "annotation", id: note.id, action: "submit", baseRevision: await baseRevision() });
    await expect(
      moveItem(editor, { type: "annotation", id: note.id, action: "approve", baseRevision: await baseRevision() }),
    ).rejects.toThrow(/Someone other than its authors/);
    const secondEditor = (await makeUser(database.db, "editor")).ctx;
    for (const action of ["approve", "publish"] as const)
      await moveItem(secondEditor, { type: "annotation", id: note.id, action, baseRevision: await baseRevision() });
    expect(await passageOf(law.lawId)).toEqual([expect.stringContaining("so-called kulak economy")]);
  });

  test("a deleted passage orphans its note, which is kept with its old quote and can be re-attached", async () => {
    const law = await makeLaw();
    const note = await annotate(contributor, law, "Persons convicted for signs of a kulak economy");
    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "annotation", note.id);
    const rewritten = lawBody.replace(article2, "Article 2 was repealed in 2025.");
    await editText(law, rewritten);
    await publishItem(database.db, "law", law.lawId);
    expect(await publicNotes(law.lawId)).toEqual([]);
    const review = await annotationsOnText(editor, { type: "law", id: law.lawId, textId: law.textId });
    expect(review.annotations[0]).toMatchObject({
      id: note.id,
      placement: { state: "orphaned", passage: null },
      made: { exact: "Persons convicted for signs of a kulak economy" },
    });
    expect(await annotationCount()).toBeGreaterThan(0);
    await expect(
      proposeFoundPassage(editor, {
        annotationId: note.id,
        annotationRevision: review.annotations[0]!.revisionId,
        targetRevision: review.targetRevisionId,
      }),
    ).rejects.toThrow(/re-attach/);

    await updateAnnotation(contributor, note.id, {
      kind: "context",
      audience: "public",
      body: "Article 2 covered convictions for signs of a kulak economy.",
      passage: select(rewritten, "Article 2 was repealed in 2025.", review.targetRevisionId),
      baseRevision: await workingRevision(contributor, "annotation", note.id),
    });
    await publishItem(database.db, "annotation", note.id);
    expect(await passageOf(law.lawId)).toEqual(["Article 2 was repealed in 2025."]);
  });

  test("Cyrillic text with an emoji before the passage: positions count code points", async () => {
    const body = "## Статья 1\n\n🕊️ Реабилитировать граждан, репрессированных по политическим мотивам.";
    const law = await makeLaw(body);
    const note = await annotate(contributor, law, "репрессированных", {}, body);
    const text = markdownText(body);
    expect(note.passage.start).toBe([...text.slice(0, text.indexOf("репрессированных"))].length);
    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "annotation", note.id);
    await editText(law, body.replace("## Статья 1", "Преамбула 🕊️🕊️ добавлена.\n\n## Статья 1"));
    await publishItem(database.db, "law", law.lawId);
    expect(await passageOf(law.lawId)).toEqual(["репрессированных"]);
  });
});

async function annotationCount() {
  const [row] = await database.db.select({ n: count() }).from(annotations);
  return row!.n;
}

async function withdraw(type: "law" | "annotation", id: number) {
  await moveItem(admin, { type, id, action: "withdraw", baseRevision: await workingRevision(admin, type, id) });
}

describe("open data: W3C Web Annotation JSON-LD", () => {
  test("a published public annotation is served with a stable IRI, its body, and both selectors on the public page", async () => {
    const law = await makeLaw();
    const note = await annotate(contributor, law, "RSFSR Criminal Code", { kind: "fact_check" });
    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "annotation", note.id);
    const [found] = await readAnnotationsById(database.db, [note.id]);
    const json = webAnnotation(found!, "https://archive.example");
    expect(json).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `https://archive.example/api/v1/annotations/${note.id}`,
      type: "Annotation",
      motivation: "assessing",
      body: expect.arrayContaining([
        expect.objectContaining({
          type: "TextualBody",
          format: "text/markdown",
          value: expect.stringContaining("1961"),
        }),
        expect.objectContaining({ purpose: "classifying", value: "Fact-check" }),
      ]),
      target: {
        type: "SpecificResource",
        source: expect.stringMatching(new RegExp(`^https://archive\\.example/laws/kg/[^?]+\\?text=${law.textId}$`)),
        selector: [
          {
            type: "TextQuoteSelector",
            exact: "RSFSR Criminal Code",
            prefix: note.passage.prefix,
            suffix: note.passage.suffix,
          },
          { type: "TextPositionSelector", start: note.passage.start, end: note.passage.end },
        ],
      },
    });
    const page = found!.targetPath;
    const target = await readTarget(database.db, `https://archive.example${page}`);
    expect(target).toMatchObject({ type: "law", id: law.lawId, textId: law.textId });
    const collection = annotationCollection(
      await readAnnotationsOn(database.db, { type: "law", id: law.lawId }),
      "https://archive.example",
      "https://archive.example/api/v1/annotations?target=x",
      "Annotations",
    );
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: 1, first: { type: "AnnotationPage" } });
    expect(collection.first.items[0]).not.toHaveProperty("@context");
  });

  test("drafts, internal notes, withdrawn notes and notes on draft laws are never served", async () => {
    const law = await makeLaw();
    const draft = await annotate(contributor, law, "kulak economy");
    const internal = await annotate(contributor, law, "RSFSR Criminal Code", { audience: "internal" });
    await publishItem(database.db, "annotation", internal.id);
    expect(await readTarget(database.db, "/laws/kg/no-such-law")).toBeNull();
    expect(await readAnnotationsOn(database.db, { type: "law", id: law.lawId })).toEqual([]);
    await publishItem(database.db, "law", law.lawId);
    const withdrawn = await annotate(contributor, law, "political reasons");
    await publishItem(database.db, "annotation", withdrawn.id);
    await withdraw("annotation", withdrawn.id);
    expect(await readAnnotationsById(database.db, [draft.id, internal.id, withdrawn.id])).toEqual([]);
    expect(await readAnnotationsOn(database.db, { type: "law", id: law.lawId })).toEqual([]);
  });
});

describe("the demo content", () => {
  test("the Kyrgyz law's synopsis carries two public notes; the internal one stays in the admin", async () => {
    await loadDemoContent(database.db);
    const target = await readTarget(database.db, "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression");
    const notes = await readAnnotationsOn(database.db, { type: "law", id: target!.id });
    expect(notes.map((n) => [n.kind, n.exact])).toEqual([
      ["context", "RSFSR Criminal Code, which applied in Kyrgyzstan until 1961"],
      ["cross_reference", "taken between 1917 and 1953"],
    ]);
    // The cross-reference links the passage of the commentary that discusses this provision.
    const [passage, kazakh] = notes[1]!.links;
    expect(passage).toMatchObject({
      type: "annotation",
      href: expect.stringMatching(
        /^\/articles\/commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours#annotation-\d+$/,
      ),
      passage: { on: "article", exact: "compares it with Kazakhstan's 1993 law" },
    });
    expect(kazakh!.href).toBe("/laws/kz/on-the-rehabilitation-of-victims-of-mass-political-repression-1993");
    const body = webAnnotation(notes[1]!, "https://archive.example").body;
    expect(body).toContainEqual({
      type: "SpecificResource",
      purpose: "linking",
      source: "https://archive.example/articles/commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours",
      selector: expect.objectContaining({ type: "TextQuoteSelector", exact: "compares it with Kazakhstan's 1993 law" }),
    });
    const { annotations: all } = await annotationsOnText(editor, notes[0]!.target);
    expect(all.map((a) => a.audience)).toEqual(["public", "public", "internal"]);
  });
});

describe("carrying annotations to a newer text version", () => {
  async function addText(law: { lawId: number }, body: string, effectiveDate: string, lang = "en") {
    return addLawTextVersion(contributor, law.lawId, {
      lang,
      body,
      effectiveDate,
      baseRevision: await workingRevision(contributor, "law", law.lawId),
    });
  }

  test("a newer text in the same language takes the note where its passage stands; one amended away stays on its own version", async () => {
    const law = await makeLaw();
    const kept = await annotate(contributor, law, "RSFSR Criminal Code");
    const amended = await annotate(contributor, law, "signs of a kulak economy");
    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "annotation", kept.id);
    await publishItem(database.db, "annotation", amended.id);
    const newer = lawBody
      .replace("## Article 1", "## Preamble\n\nAdded by the 2025 amendments.\n\n## Article 1")
      .replace("signs of a kulak economy", "any other ground");
    const russian = await addText(law, "## Статья 1\n\nРеабилитировать.", "2025-06-01", "ru");
    const v2 = await addText(law, newer, "2025-06-01");
    await publishItem(database.db, "law", law.lawId);

    const shown = await publicNotes(law.lawId);
    const byId = new Map(shown.map((a) => [a.id, a]));
    const text = markdownText(newer);
    expect(byId.get(kept.id)).toMatchObject({
      target: { textId: v2.id },
      exact: "RSFSR Criminal Code",
      start: toCodePoints(text, text.indexOf("RSFSR Criminal Code")),
    });
    expect(byId.get(kept.id)!.targetPath).toMatch(new RegExp(`\\?text=${v2.id}$`));
    // The amended passage is not in the newer text: it stays on the version it was made on.
    expect(byId.get(amended.id)).toMatchObject({ target: { textId: law.textId }, exact: "signs of a kulak economy" });

    const onNewer = await annotationsOnText(editor, { type: "law", id: law.lawId, textId: v2.id });
    expect(onNewer.annotations.map((a) => a.id)).toEqual([kept.id]);
    const onOlder = await annotationsOnText(editor, { type: "law", id: law.lawId, textId: law.textId });
    expect(onOlder.annotations.map((a) => a.id)).toEqual([amended.id]);
    const onRussian = await annotationsOnText(editor, { type: "law", id: law.lawId, textId: russian.id });
    expect(onRussian.annotations).toEqual([]);
    // The annotation's own page leads to the text it is on now.
    expect((await currentPlacement(editor, kept.id))!.target.textId).toBe(v2.id);
    expect((await currentPlacement(editor, amended.id))!.target.textId).toBe(law.textId);
  });

  test("a note that drifted on the newer version it was carried to moves there, for review like any change", async () => {
    const law = await makeLaw();
    const note = await annotate(contributor, law, "signs of a kulak economy");
    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "annotation", note.id);
    const v2 = await addText(
      law,
      lawBody.replace("signs of a kulak economy", "signs of a so-called kulak economy"),
      "2025-06-01",
    );
    await removeLawTextVersion(contributor, law.textId, await workingRevision(contributor, "law", law.lawId));

    const review = await annotationsOnText(editor, { type: "law", id: law.lawId, textId: v2.id });
    const [listed] = review.annotations;
    expect(listed).toMatchObject({ id: note.id, placement: { state: "drifted", textId: v2.id } });
    const moved = await proposeFoundPassage(editor, {
      annotationId: note.id,
      annotationRevision: listed!.revisionId,
      targetRevision: review.targetRevisionId,
    });
    expect(moved.target.textId).toBe(v2.id);
    expect(moved.passage.exact).toContain("so-called kulak economy");
    expect((await currentPlacement(editor, note.id))!.placement.state).toBe("anchored");

    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "annotation", note.id);
    const [shown] = await publicNotes(law.lawId);
    expect(shown).toMatchObject({ target: { textId: v2.id }, exact: expect.stringContaining("so-called kulak") });
  });

  test("a passage cannot be moved onto another law's text", async () => {
    const law = await makeLaw();
    const other = await makeLaw();
    const note = await annotate(contributor, law, "signs of a kulak economy");
    const before = await workingRevision(contributor, "annotation", note.id);
    await expect(
      updateAnnotation(contributor, note.id, {
        kind: "context",
        audience: "public",
        body: "Moved.",
        textId: other.textId,
        passage: select(lawBody, "signs of a kulak economy", await workingRevision(contributor, "law", law.lawId)),
        baseRevision: before,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await workingRevision(contributor, "annotation", note.id)).toBe(before);
  });
});

describe("annotating an article", () => {
  test("a passage of an article's body is annotated, published and carried through an edit of the body", async () => {
    const articleBody =
      "The commentary argues that **the 1961 cut-off** leaves later convictions out of the law's reach.";
    const article = await createArticle(contributor, {
      kind: "opinion",
      title: `Commentary on the cut-off ${Math.random().toString(36).slice(2, 8)}`,
      lang: "en",
      body: articleBody,
    });
    const base = () => workingRevision(contributor, "article", article.id);
    const note = await createAnnotation(contributor, {
      targetType: "article",
      targetId: article.id,
      kind: "fact_check",
      audience: "public",
      body: "The Kirghiz SSR adopted its own criminal code in 1960.",
      passage: select(articleBody, "the 1961 cut-off", await base()),
    });
    expect(note.target).toEqual({ type: "article", id: article.id, textId: null });
    await publishItem(database.db, "article", article.id);
    await publishItem(database.db, "annotation", note.id);
    const [shown] = await readAnnotationsOn(database.db, { type: "article", id: article.id });
    expect(shown).toMatchObject({ exact: "the 1961 cut-off", targetPath: `/articles/${article.slug}` });

    await updateArticle(contributor, article.id, {
      kind: "opinion",
      title: article.title,
      lang: "en",
      body: `A new opening paragraph.\n\n${articleBody}`,
      baseRevision: await base(),
    });
    await publishItem(database.db, "article", article.id);
    const [moved] = await readAnnotationsOn(database.db, { type: "article", id: article.id });
    expect(moved!.start).toBeGreaterThan(shown!.start);
    expect(moved!.exact).toBe("the 1961 cut-off");
  });
});

describe("deleting an annotation", () => {
  test("its author deletes a draft; a published one cannot be deleted, and another contributor may not", async () => {
    const law = await makeLaw();
    const draft = await annotate(contributor, law, "kulak economy");
    const other = (await makeUser(database.db, "contributor")).ctx;
    await expect(deleteAnnotation(other, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await deleteAnnotation(contributor, draft.id)).toEqual({ type: "law", id: law.lawId, textId: law.textId });
    const { annotations: left } = await annotationsOnText(editor, { type: "law", id: law.lawId, textId: law.textId });
    expect(left).toEqual([]);

    const published = await annotate(contributor, law, "RSFSR Criminal Code");
    await publishItem(database.db, "annotation", published.id);
    await expect(deleteAnnotation(editor, published.id)).rejects.toThrow(/published/);
  });
});

describe("the editors' list of annotations", () => {
  test("pages through every annotation, most recently changed first, without repeats", async () => {
    const law = await makeLaw();
    for (const quote of ["kulak economy", "RSFSR Criminal Code", "political reasons"])
      await annotate(contributor, law, quote);
    const seen: number[] = [];
    const times: number[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const { items, next } = await listRecentAnnotations(editor, { after, limit: 7 });
      seen.push(...items.map((i) => i.id));
      times.push(...items.map((i) => i.updatedAt.getTime()));
      if (!next) break;
      after = next;
    }
    const [total] = await database.db.select({ n: count() }).from(annotations);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total!.n);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await expect(listRecentAnnotations(anonymous(database.db))).rejects.toBeInstanceOf(NotAuthenticatedError);
    // A hand-edited cursor starts again from the first page, rather than failing.
    expect((await listRecentAnnotations(editor, { after: "not-a-cursor", limit: 1 })).items[0]!.id).toBe(seen[0]);
  });
});

describe("links of a public note", () => {
  test("a link to something withdrawn since leaves the note at once; a note cannot link to its own passage", async () => {
    const law = await makeLaw();
    const article = await createArticle(contributor, {
      kind: "news",
      title: `Report on the law ${Math.random().toString(36).slice(2, 8)}`,
      lang: "en",
      body: "Parliament adopted the law.",
    });
    await publishItem(database.db, "law", law.lawId);
    await publishItem(database.db, "article", article.id);
    const note = await annotate(contributor, law, "kulak economy", {
      kind: "cross_reference",
      links: [`article:${article.id}`],
    });
    await publishItem(database.db, "annotation", note.id);
    expect((await publicNotes(law.lawId))[0]!.links.map((l) => l.href)).toEqual([`/articles/${article.slug}`]);
    await moveItem(admin, {
      type: "article",
      id: article.id,
      action: "withdraw",
      baseRevision: await workingRevision(admin, "article", article.id),
    });
    expect((await publicNotes(law.lawId))[0]!.links).toEqual([]);

    await expect(
      updateAnnotation(contributor, note.id, {
        kind: "cross_reference",
        audience: "public",
        body: "Links itself.",
        links: [`annotation:${note.id}`],
        baseRevision: await workingRevision(contributor, "annotation", note.id),
      }),
    ).rejects.toMatchObject({ fieldErrors: { links: [expect.stringContaining("its own passage")] } });
  });
});
