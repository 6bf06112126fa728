import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database, Db } from "@/db";
import { ConflictError } from "@/lib/errors";
import { toCodePoints } from "@/lib/anchoring/selectors";
import { markdownText } from "@/lib/markdown";
import { createAgent } from "@/modules/agents/save";
import { createAnnotation } from "@/modules/annotations/save";
import { createArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { addLawTextVersion } from "@/modules/laws/texts";
import { addComment } from "@/modules/workflow/comments";
import { reviewQueue, type QueueEntry } from "@/modules/workflow/queue";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let writer: Ctx;
let editor: Ctx;
let reviewer: Ctx;
let writerName: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "UZ", "Uzbekistan");
  const made = await makeUser(database.db, "contributor", { name: "Aida Writer" });
  writer = made.ctx;
  writerName = made.user.name;
  editor = (await makeUser(database.db, "editor", { name: "Bakyt Editor" })).ctx;
  reviewer = (await makeUser(database.db, "editor", { name: "Chyngyz Reviewer" })).ctx;
});
afterAll(() => database.close());

const lawForm = (title: string, summary = "") => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "bill",
  titles: [{ lang: "en", title }],
  summary,
});

async function move(
  ctx: Ctx,
  type: "law" | "article" | "agent" | "annotation",
  id: number,
  action: string,
  comment = "",
) {
  await moveItem(ctx, { type, id, action, baseRevision: await workingRevision(ctx, type, id), comment });
}

const find = (items: QueueEntry[], title: string) => {
  const found = items.find((i) => i.title === title);
  if (!found?.details) throw new Error(`${title} is not in the list with its details`);
  return { ...found, details: found.details };
};

/** A context whose database counts the queries started through it. */
function counting(ctx: Ctx) {
  const counter = { n: 0 };
  const starts = new Set(["select", "selectDistinct", "insert", "update", "delete", "execute"]);
  const db = new Proxy(ctx.db, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (typeof property === "string" && starts.has(property)) counter.n++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Db;
  return { ctx: { ...ctx, db }, counter };
}

test("the queue makes as many queries for ten items as for one", async () => {
  const { ctx: onlyOne, counter: one } = counting((await makeUser(database.db, "editor")).ctx);
  const author = (await makeUser(database.db, "contributor")).ctx;
  // First in the file, so that nothing else waits: one item, then ten.
  const first = (await createLaw(author, lawForm("Counted 0", "Some text."))).id;
  await publishItem(database.db, "law", first);
  await updateLaw(author, first, {
    ...lawForm("Counted 0", "Some other text."),
    baseRevision: await workingRevision(author, "law", first),
  });
  await move(author, "law", first, "submit", "A note.");
  expect((await reviewQueue(onlyOne)).waiting).toHaveLength(1);
  const withOne = one.n;
  expect(withOne).toBeGreaterThan(0);
  const { ctx: many, counter: ten } = counting((await makeUser(database.db, "editor")).ctx);
  for (let i = 1; i < 10; i++) {
    const id = (await createLaw(author, lawForm(`Counted ${i}`))).id;
    await move(author, "law", id, "submit", `Note ${i}`);
  }
  const queue = await reviewQueue(many);
  expect(queue.waiting).toHaveLength(10);
  expect(queue.waiting.every((i) => i.details?.note)).toBe(true);
  expect(ten.n).toBe(withOne);
});

test("a new item shows its submitter, their note, its jurisdiction and that it is new", async () => {
  const id = (await createLaw(writer, lawForm("A new law with a note"))).id;
  const before = Date.now();
  await move(writer, "law", id, "submit", "Please check the date of adoption.");
  const item = find((await reviewQueue(reviewer)).waiting, "A new law with a note");
  expect(item.details).toMatchObject({
    submittedBy: writerName,
    note: "Please check the date of adoption.",
    jurisdictions: [{ code: "KG", name: "Kyrgyzstan" }],
    size: { kind: "new" },
    liveNumber: null,
  });
  expect(item.details.submittedAt!.getTime()).toBeGreaterThanOrEqual(before);
  expect(item.details.reviewMoves.map((m) => m.action)).toEqual(["approve", "request_changes"]);
});

test("a later comment by the submitter is not taken for their note; no note reads as none", async () => {
  const id = (await createLaw(writer, lawForm("Submitted without a note"))).id;
  await move(writer, "law", id, "submit");
  await addComment(writer, { type: "law", id, body: "A thought after submitting." });
  const item = find((await reviewQueue(reviewer)).waiting, "Submitted without a note");
  expect(item.details.note).toBeNull();
});

test("a change to a published item is sized against the live revision, in words and fields", async () => {
  const id = (await createLaw(writer, lawForm("A published law", "One two three four five."))).id;
  await publishItem(database.db, "law", id);
  await updateLaw(writer, id, {
    ...lawForm("A published law", "One two six seven eight nine four five."),
    baseRevision: await workingRevision(writer, "law", id),
  });
  await move(writer, "law", id, "submit");
  const item = find((await reviewQueue(reviewer)).waiting, "A published law");
  expect(item.details.liveNumber).not.toBeNull();
  expect(item.details.workingNumber).toBeGreaterThan(item.details.liveNumber!);
  expect(item.details.size).toEqual({ kind: "changed", fields: 1, wordsAdded: 4, wordsRemoved: 1 });
});

test("an article lists its jurisdictions; an agent has none", async () => {
  const article = await createArticle(writer, {
    kind: "news",
    title: "A report on two countries",
    lang: "en",
    jurisdictionCodes: ["UZ", "KG"],
  });
  await move(writer, "article", article.id, "submit");
  const agent = await createAgent(writer, { kind: "person", preferredName: "Aibek Agent" });
  await move(writer, "agent", agent.id, "submit");
  const waiting = (await reviewQueue(reviewer)).waiting;
  expect(find(waiting, "A report on two countries").details.jurisdictions.map((j) => j.code)).toEqual(["KG", "UZ"]);
  expect(find(waiting, "Aibek Agent").details.jurisdictions).toEqual([]);
});

test("approving from the queue is refused to the submitter, who is offered no approval there", async () => {
  const id = (await createLaw(editor, lawForm("The editor's own law"))).id;
  await move(editor, "law", id, "submit", "My own change.");
  const own = find((await reviewQueue(editor)).submitted, "The editor's own law");
  expect(own.details.reviewMoves.map((m) => m.action)).toEqual(["request_changes"]);
  const refusal = move(editor, "law", id, "approve");
  await expect(refusal).rejects.toBeInstanceOf(ConflictError);
  await expect(refusal).rejects.toThrow("Someone other than its authors must approve and publish a change.");
  // Another editor may, and the item then leaves their "Waiting for me" for publishing.
  await move(reviewer, "law", id, "request_changes", "Cite the gazette.");
  expect((await reviewQueue(reviewer)).waiting.map((i) => i.title)).not.toContain("The editor's own law");
});

test("an editor who wrote part of a change sees it waiting, but is offered no approval of it", async () => {
  const id = (await createLaw(writer, lawForm("Written by two"))).id;
  await updateLaw(editor, id, {
    ...lawForm("Written by two", "The editor's sentence."),
    baseRevision: await workingRevision(editor, "law", id),
  });
  await move(writer, "law", id, "submit");
  const item = find((await reviewQueue(editor)).waiting, "Written by two");
  expect(item.details.reviewMoves.map((m) => m.action)).toEqual(["request_changes"]);
  expect(find((await reviewQueue(reviewer)).waiting, "Written by two").details.reviewMoves).toHaveLength(2);
});

/** What the browser sends for a selection of `quote` in the text as rendered. */
async function passage(markdown: string, quote: string, target: { type: "law" | "article"; id: number }) {
  const text = markdownText(markdown);
  const at = text.indexOf(quote);
  return {
    targetRevision: await workingRevision(writer, target.type, target.id),
    exact: quote,
    prefix: text.slice(Math.max(0, at - 32), at),
    suffix: text.slice(at + quote.length, at + quote.length + 32),
    start: toCodePoints(text, at),
    end: toCodePoints(text, at + quote.length),
  };
}

test("an annotation is named by its kind, what it annotates and the start of its passage, with no query more", async () => {
  const lawBody = "Citizens repressed for political reasons between 1917 and 1953 are rehabilitated in full.";
  const law = (await createLaw(writer, lawForm("Law on rehabilitation"))).id;
  const text = await addLawTextVersion(writer, law, {
    lang: "en",
    body: lawBody,
    baseRevision: await workingRevision(writer, "law", law),
  });
  await move(writer, "law", law, "submit");
  const articleBody = "The Kazakh law of 1993 served as the model.";
  const article = await createArticle(writer, {
    kind: "opinion",
    title: "Two laws compared",
    lang: "en",
    body: articleBody,
    jurisdictionCodes: ["UZ"],
  });
  await move(writer, "article", article.id, "submit");
  const { ctx: counted, counter } = counting((await makeUser(database.db, "editor")).ctx);
  await reviewQueue(counted);
  const withoutNotes = counter.n;

  const onLaw = await createAnnotation(writer, {
    targetType: "law",
    targetId: law,
    textId: text.id,
    kind: "fact_check",
    audience: "public",
    body: "The decree of 1918 is older than the period named.",
    passage: await passage(lawBody, lawBody, { type: "law", id: law }),
  });
  await move(writer, "annotation", onLaw.id, "submit");
  const onArticle = await createAnnotation(writer, {
    targetType: "article",
    targetId: article.id,
    kind: "note",
    audience: "internal",
    body: "Check the year.",
    passage: await passage(articleBody, "The Kazakh law of 1993", { type: "article", id: article.id }),
  });
  await move(writer, "annotation", onArticle.id, "submit");

  counter.n = 0;
  const waiting = (await reviewQueue(counted)).waiting;
  expect(counter.n).toBe(withoutNotes);
  const lawNote = waiting.find((i) => i.type === "annotation" && i.id === onLaw.id);
  expect(lawNote?.title).toBe(
    "Fact-check on Law on rehabilitation: “Citizens repressed for political reasons between 1917 and 19…”",
  );
  expect(lawNote?.details?.jurisdictions).toEqual([{ code: "KG", name: "Kyrgyzstan" }]);
  const articleNote = waiting.find((i) => i.type === "annotation" && i.id === onArticle.id);
  expect(articleNote?.title).toBe("Note on Two laws compared: “The Kazakh law of 1993”");
  expect(waiting.map((i) => i.title)).not.toContain("(untitled)");
});
