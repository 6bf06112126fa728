import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { articles, figures, laws, liveDocuments } from "@/db/schema";
import { synopsisDocument, synopsisPdf } from "@/db/seed/demo-documents";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { searchAgentOptions } from "@/modules/agents/search";
import { getArticle } from "@/modules/articles/read";
import { getFigure } from "@/modules/figures/read";
import { listEvents } from "@/modules/laws/events";
import { listLawRelations } from "@/modules/laws/relations";
import { listPeriods } from "@/modules/laws/periods";
import { getLaw } from "@/modules/laws/read";
import { readLaw } from "@/modules/public/law";
import { readSearch } from "@/modules/public/search";
import { searchQuery } from "@/modules/public/search-url";
import { loadDemoContent } from "@/modules/system/demo-content";
import { editorialStatus } from "@/modules/workflow/status";
import { createTestDatabase } from "./db";

let database: Database;
let ctx: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, actor: commandLineActor };
  await loadDemoContent(database.db);
});
afterAll(() => database.close());

async function lawId(jurisdictionCode: string) {
  const [row] = await database.db.select({ id: laws.id }).from(laws).where(eq(laws.jurisdictionCode, jurisdictionCode));
  return row!.id;
}

test("the Kyrgyz law carries its timeline at the precision the report gives, and its comparison", async () => {
  const id = await lawId("KG");
  const law = await getLaw(ctx, id);
  expect(law.title).toBeTruthy();
  expect(await listPeriods(ctx, id)).toMatchObject([
    {
      start: { date: "1917-01-01", precision: "year" },
      end: { date: "1953-01-01", precision: "year" },
      disputed: false,
    },
  ]);
  // Published through the workflow: its working revision is the live one readers see.
  const status = await editorialStatus(ctx, "law", id);
  expect(status).toMatchObject({ review: "published", visibility: "live", liveRevisionId: status.workingRevisionId });
  const live = await database.db
    .select({ scope: liveDocuments.scope, slug: liveDocuments.slug })
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "law"), eq(liveDocuments.itemId, id)));
  expect(live).toEqual([{ scope: "KG", slug: law.slug }]);
  const events = await listEvents(ctx, id);
  expect(events.map((e) => [e.kind, e.date?.precision ?? null, e.agentName])).toEqual([
    ["initiated", "month", null],
    ["adopted", "day", "Jogorku Kenesh"],
    ["signed", "month", "Sadyr Japarov"],
    ["returned", null, "Sadyr Japarov"],
  ]);
  // Two reports date the adoption differently: both accounts are kept, the dated one preferred.
  const adopted = events.find((e) => e.kind === "adopted")!;
  expect(adopted.disputed).toBe(true);
  expect(adopted.accounts.map((a) => [a.date?.date, a.date?.precision])).toEqual([
    ["2024-11-20", "day"],
    ["2024-12-01", "month"],
  ]);
  const relations = await listLawRelations(ctx, id);
  expect([...relations.outgoing, ...relations.incoming].map((r) => r.kind)).toContain("comparable");
});

test("the news report credits TRT and the commentary is labelled opinion", async () => {
  const [news] = await database.db.select({ id: articles.id }).from(articles).where(eq(articles.kind, "news"));
  const [opinion] = await database.db.select({ id: articles.id }).from(articles).where(eq(articles.kind, "opinion"));
  expect((await getArticle(ctx, news!.id)).creditedAgent?.name).toBe("TRT");
  const commentary = await getArticle(ctx, opinion!.id);
  expect(commentary.laws).toHaveLength(2);
  expect(commentary.body).toContain("does not endorse");
});

test("Uzbekistan's figure of 856 acquitted people is there with its source", async () => {
  expect(await database.db.select().from(figures)).toHaveLength(2);
  const [row] = await database.db
    .select({ id: figures.id })
    .from(figures)
    .where(and(eq(figures.jurisdictionCode, "UZ")));
  const figure = await getFigure(ctx, row!.id);
  expect(figure.accounts.map((a) => a.value)).toEqual(["856"]);
  expect(figure.accounts[0]?.sourceId).not.toBeNull();
  // Approved by the seed, so that a new reader sees it on Uzbekistan's page.
  expect(figure.approvedAt).not.toBeNull();
});

test("the president is found by every spelling of his name", async () => {
  for (const spelling of ["Japarov", "Zhaparov", "Жапаров"]) {
    expect(
      (await searchAgentOptions(ctx, spelling)).map((o) => o.label),
      spelling,
    ).toContain("Sadyr Japarov");
  }
});

test("loading again adds nothing", async () => {
  expect(await loadDemoContent(database.db)).toEqual({ lawsAdded: 0 });
  expect(await database.db.select().from(articles)).toHaveLength(2);
});

test("the Kyrgyz law carries the editors' synopsis as a published PDF, and searching a phrase of its last page finds the law there", async () => {
  const [law] = await database.db.select({ slug: laws.slug }).from(laws).where(eq(laws.jurisdictionCode, "KG"));
  const page = await readLaw(database.db, "KG", law!.slug);
  expect(page?.kind === "law" && page.documents).toEqual([
    expect.objectContaining({
      name: synopsisDocument.name,
      role: "editorial",
      mediaType: "application/pdf",
      pageCount: 3,
      capturedOn: synopsisDocument.capturedOn,
      href: expect.stringMatching(/^\/files\/[0-9a-f]{64}\/marginalia-synopsis-kyrgyz-rehabilitation-law\.pdf$/),
    }),
  ]);
  const results = await readSearch(database.db, searchQuery.parse({ q: synopsisDocument.phrase }));
  expect(results.hits.map((hit) => [hit.path, hit.foundIn?.page])).toEqual([[`/laws/kg/${law!.slug}`, 3]]);
  // The same bytes on every seed: the file's hash is the same for everyone who checks it.
  expect(page?.kind === "law" && page.documents[0]?.sha256).toBe(
    createHash("sha256").update(synopsisPdf()).digest("hex"),
  );
});
