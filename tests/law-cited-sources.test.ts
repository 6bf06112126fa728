import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { readLaw } from "@/modules/public/law";
import { createSource } from "@/modules/sources/save";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
});
afterAll(() => database.close());

test("a timeline account links to its source's address even when the law does not list that source", async () => {
  const { ctx: editor } = await makeUser(database.db, "editor");
  const listed = await createSource(editor, { title: "Official gazette", url: "https://example.org/gazette" });
  const cited = await createSource(editor, { title: "Parliament's press release", url: "https://example.org/press" });
  const untraced = await createSource(editor, { title: "A newspaper of the day" });
  const law = await createLaw(editor, {
    jurisdictionCode: "KG",
    type: "law",
    status: "adopted",
    titles: [{ lang: "en", title: "On rehabilitation" }],
    sourceIds: [listed.id],
  });
  await addEvent(editor, law.id, {
    kind: "adopted",
    accounts: [
      { date: "2024-06-14", sourceId: String(listed.id), note: "" },
      { date: "2024-06-13", sourceId: String(cited.id), note: "" },
      { date: "2024-06-14", sourceId: String(untraced.id), note: "" },
    ],
    baseRevision: await workingRevision(editor, "law", law.id),
  });
  await publishItem(database.db, "law", law.id);

  const page = await readLaw(database.db, "KG", law.slug);
  const accounts = page && "timeline" in page ? page.timeline[0]!.accounts : [];
  expect(accounts.map((a) => [a.sourceTitle, a.sourceUrl])).toEqual([
    ["Official gazette", "https://example.org/gazette"],
    ["Parliament's press release", "https://example.org/press"],
    ["A newspaper of the day", null],
  ]);
});
