import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { ForbiddenError } from "@/lib/errors";
import { agentSnapshot } from "@/modules/agents/snapshot";
import { articleSnapshot } from "@/modules/articles/snapshot";
import { canonicalJson } from "@/modules/audit/chain";
import { verifyAuditChain } from "@/modules/audit/verify";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { lawSnapshot } from "@/modules/laws/snapshot";
import { readLaw } from "@/modules/public/law";
import { readSearch } from "@/modules/public/search";
import { searchQuery } from "@/modules/public/search-url";
import { importArchive } from "@/modules/system/import/run";
import type { ImportFile } from "@/modules/system/import/report";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser } from "./factories";

let database: Database;
let admin: Ctx;
let editor: Ctx;
let contributor: Ctx;

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await database.db.execute<T & Record<string, unknown>>(query)).rows as T[];
const count = async (table: string) =>
  Number((await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);

/** A made-up archive: one topic, one source, two agents, two laws (one amending the other) and an article. */
function archive(overrides: { lawSummary?: string; agentRef?: unknown } = {}) {
  return {
    format: "marginalia-import",
    version: 1,
    topics: [{ slug: "example-archives", name: "Example archives", description: "Made up for the import tests." }],
    sources: [{ externalId: "src-gazette", title: "Example Gazette No. 1", url: "https://example.org/gazette/1" }],
    agents: [
      {
        externalId: "agent-parliament",
        kind: "legislature",
        name: "Example Parliament",
        names: [{ name: "Пример парламент", lang: "ru" }],
      },
      { externalId: "agent-writer", kind: "person", name: "Aida Exampleova", names: [] },
    ],
    laws: [
      {
        externalId: "law-archives",
        jurisdiction: "KG",
        type: "law",
        status: "in_force",
        title: "Example Law on Archives",
        summary: overrides.lawSummary ?? "A law made up for the import tests.",
        titles: [
          { lang: "en", title: "Example Law on Archives", preferred: true },
          { lang: "ru", title: "Пример закона об архивах" },
        ],
        identifiers: [{ registry: "Example register", value: "No. 12" }],
        topics: ["example-archives"],
        sources: ["src-gazette"],
        timeline: [
          { kind: "adopted", date: "2021-03-04", agent: overrides.agentRef ?? "agent-parliament" },
          {
            kind: "in_force",
            accounts: [
              { date: "2021-04", sourceTitle: "Example Gazette No. 1", preferred: true },
              { date: "2021-05-01", sourceTitle: "A newspaper we made up", sourceUrl: "https://example.org/news/7" },
            ],
          },
        ],
        texts: [
          { lang: "en", official: true, body: "## Article 1\n\nArchives are kept.", effectiveDate: "2021-04-01" },
        ],
      },
      {
        externalId: "law-amendment",
        jurisdiction: { code: "KG" },
        type: "law",
        status: "adopted",
        title: "Example Amendment to the Law on Archives",
        related: [{ kind: "amends", law: "law-archives", note: "" }],
      },
    ],
    articles: [
      {
        externalId: "article-1",
        kind: "analysis",
        title: "What the example archives law changes",
        body: "An analysis we wrote for the tests.",
        originalDate: "2021-06",
        authors: ["agent-writer"],
        laws: ["law-archives"],
        topics: ["example-archives"],
        sources: [{ externalId: "src-gazette" }],
      },
    ],
    figures: [
      {
        externalId: "figure-files",
        label: "Example files opened to readers",
        jurisdiction: "kg",
        accounts: [{ value: "1,200", asOf: "2022", sourceTitle: "Example Gazette No. 1", preferred: true }],
        laws: ["law-archives"],
      },
    ],
  };
}
const file = (data: unknown, name = "archive.json"): ImportFile[] => [{ name, text: JSON.stringify(data) }];

beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  admin = (await makeUser(database.db, "admin")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
  contributor = (await makeUser(database.db, "contributor")).ctx;
});
afterAll(async () => {
  await database?.close();
});

describe("import", () => {
  it("reports what a dry run would do and writes nothing", async () => {
    const before = await count("editorial_items");
    const report = await importArchive(admin, file(archive()), { dryRun: true, publish: false });
    expect(report.errors).toEqual([]);
    expect(report.dryRun).toBe(true);
    expect(report.counts.laws).toEqual({ create: 2, update: 0, unchanged: 0 });
    expect(report.counts.agents.create).toBe(2);
    expect(report.counts.articles.create).toBe(1);
    expect(report.counts.figures.create).toBe(1);
    expect(report.items.map((i) => i.title)).toContain("Example Law on Archives");
    expect(await count("editorial_items")).toBe(before);
    expect(await count("laws")).toBe(0);
  });

  it("refuses the whole file on one bad reference, naming file, row and field", async () => {
    const report = await importArchive(admin, file(archive({ agentRef: "agent-nobody" })), {
      dryRun: false,
      publish: false,
    });
    expect(report.errors).toEqual([
      expect.objectContaining({
        file: "archive.json",
        row: 1,
        field: "laws.timeline.0.agent",
        reason: expect.stringContaining('"agent-nobody"'),
      }),
    ]);
    expect(await count("laws")).toBe(0);
    expect(await count("topics")).toBe(0);
  });

  it("keeps contributors out, and lets only admins publish at import or add topics", async () => {
    await expect(importArchive(contributor, file(archive()), { dryRun: true, publish: false })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(importArchive(editor, file(archive()), { dryRun: true, publish: true })).rejects.toThrow(
      ForbiddenError,
    );
    const report = await importArchive(editor, file(archive()), { dryRun: false, publish: false });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 1, field: "slug", reason: expect.stringContaining("Only an admin") }),
    ]);
    expect(await count("laws")).toBe(0);
  });

  it("creates drafts whose working revision is what the editors' forms would record", async () => {
    const report = await importArchive(admin, file(archive()), { dryRun: false, publish: false });
    expect(report.errors).toEqual([]);
    expect(report.dryRun).toBe(false);
    const items = await rows<{
      item_type: string;
      item_id: number;
      review: string;
      visibility: string;
      snapshot: unknown;
    }>(
      sql`select e.item_type, e.item_id, e.review, e.visibility, r.snapshot from editorial_items e join revisions r on r.id = e.working_revision_id order by e.item_type, e.item_id`,
    );
    expect(items).toHaveLength(5);
    expect(new Set(items.map((i) => `${i.review}/${i.visibility}`))).toEqual(new Set(["draft/unpublished"]));
    const ctx = { db: database.db, actor: commandLineActor };
    for (const item of items) {
      const fresh =
        item.item_type === "law"
          ? await lawSnapshot(ctx, item.item_id)
          : item.item_type === "agent"
            ? await agentSnapshot(ctx, item.item_id)
            : await articleSnapshot(ctx, item.item_id);
      expect(canonicalJson(fresh), `${item.item_type} ${item.item_id}`).toBe(canonicalJson(item.snapshot));
    }
    const [law] = await rows<{ id: number; slug: string }>(
      sql`select id, slug from laws where title = 'Example Law on Archives'`,
    );
    expect(law!.slug).toBe("example-law-on-archives");
    const snapshot = await lawSnapshot(ctx, law!.id);
    expect(snapshot.events.map((e) => [e.kind, e.agentName, e.accounts.length])).toEqual([
      ["adopted", "Example Parliament", 1],
      ["in_force", null, 2],
    ]);
    // Cited by title and URL only: made once, and found again by its title.
    expect(await count("sources")).toBe(2);
    expect(await count("law_relations")).toBe(1);
    const [figure] = await rows<{ value: string; wording: string; source: string; approved_at: Date | null }>(
      sql`select a.value, a.wording, s.title as source, f.approved_at from figures f join figure_accounts a on a.figure_id = f.id join sources s on s.id = a.source_id`,
    );
    expect(figure).toEqual({ value: "1200", wording: "1,200", source: "Example Gazette No. 1", approved_at: null });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it("changes nothing when the same file is imported again", async () => {
    const revisions = await count("revisions");
    const report = await importArchive(admin, file(archive()), { dryRun: false, publish: false });
    expect(report.errors).toEqual([]);
    expect(report.counts.laws).toEqual({ create: 0, update: 0, unchanged: 2 });
    expect(report.counts.agents).toEqual({ create: 0, update: 0, unchanged: 2 });
    expect(report.counts.articles).toEqual({ create: 0, update: 0, unchanged: 1 });
    expect(report.counts.figures).toEqual({ create: 0, update: 0, unchanged: 1 });
    expect(await count("revisions")).toBe(revisions);
    expect(await count("figures")).toBe(1);
    expect(await count("laws")).toBe(2);
    expect(await count("sources")).toBe(2);
  });

  it("records a changed record as a new working revision of the same item", async () => {
    const report = await importArchive(admin, file(archive({ lawSummary: "A revised summary." })), {
      dryRun: false,
      publish: false,
    });
    expect(report.counts.laws).toEqual({ create: 0, update: 1, unchanged: 1 });
    const [law] = await rows<{ id: number; summary: string }>(
      sql`select id, summary from laws where title = 'Example Law on Archives'`,
    );
    expect(law!.summary).toBe("A revised summary.");
    const revisions = await rows<{ number: number; summary: string }>(
      sql`select number, snapshot->>'summary' as summary from revisions where item_type = 'law' and item_id = ${law!.id} order by number`,
    );
    expect(revisions.map((r) => r.summary)).toEqual(["A law made up for the import tests.", "A revised summary."]);
    expect(await count("laws")).toBe(2);
  });

  it("refuses a new law the address of another, and a law moved to another jurisdiction", async () => {
    const data = archive();
    data.laws.push({ ...data.laws[1]!, externalId: "law-copy", slug: "example-law-on-archives" } as never);
    (data.laws[0] as { jurisdiction: unknown }).jurisdiction = "KZ";
    await makeJurisdiction(database.db, "KZ", "Kazakhstan");
    const report = await importArchive(admin, file(data), { dryRun: true, publish: false });
    expect(report.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [1, "laws.jurisdiction", expect.stringContaining("already in the archive under KG")],
      [3, "laws.slug", 'Another law has, or had, the address "example-law-on-archives".'],
    ]);
  });

  it("publishes in the same step when an admin asks, for readers and search", async () => {
    const report = await importArchive(admin, file(archive({ lawSummary: "A revised summary." })), {
      dryRun: false,
      publish: true,
    });
    expect(report.published).toBe(true);
    const [law] = await rows<{ slug: string }>(sql`select slug from laws where title = 'Example Law on Archives'`);
    const page = await readLaw(database.db, "KG", law!.slug);
    expect(page).toMatchObject({ title: "Example Law on Archives", summary: "A revised summary." });
    const results = await readSearch(database.db, searchQuery.parse({ q: "Пример закона" }));
    expect(results.total).toBeGreaterThan(0);
    const [entry] = await rows<{ details: { published: number } }>(
      sql`select details from audit_log where action = 'archive.import' order by id desc limit 1`,
    );
    expect(entry!.details.published).toBe(5);
    const [figure] = await rows<{ approved: boolean; source: string | null }>(
      sql`select f.approved_at is not null as approved, a.approved_source_title as source from figures f join figure_accounts a on a.figure_id = f.id`,
    );
    expect(figure).toEqual({ approved: true, source: "Example Gazette No. 1" });
  });
});

describe("import of the documented examples", () => {
  let examples: Database;
  const examplesDir = path.join(process.cwd(), "docs/import-examples");
  const csvFiles = () =>
    fs
      .readdirSync(path.join(examplesDir, "csv"))
      .map((name) => ({ name, text: fs.readFileSync(path.join(examplesDir, "csv", name), "utf8") }));

  beforeAll(async () => {
    examples = await createTestDatabase();
    await makeJurisdiction(examples.db, "KG", "Kyrgyzstan");
  });
  afterAll(async () => {
    await examples?.close();
  });

  it("reads the CSV files and the JSON file as the same records: the second import changes nothing", async () => {
    const ctx: Ctx = { db: examples.db, actor: commandLineActor };
    const fromCsv = await importArchive(ctx, csvFiles(), { dryRun: false, publish: false });
    expect(fromCsv.errors).toEqual([]);
    for (const kind of ["topics", "sources", "agents", "laws", "articles", "figures"] as const)
      expect(fromCsv.counts[kind].create, kind).toBe(1);
    const json = [{ name: "example.json", text: fs.readFileSync(path.join(examplesDir, "example.json"), "utf8") }];
    const again = await importArchive(ctx, json, { dryRun: false, publish: false });
    expect(again.errors).toEqual([]);
    for (const kind of ["topics", "sources", "agents", "laws", "articles", "figures"] as const)
      expect(again.counts[kind], kind).toEqual({ create: 0, update: 0, unchanged: 1 });
    const [law] = (
      await examples.db.execute<{ title: string; titles: string }>(
        sql`select l.title, string_agg(t.lang || ':' || t.title, ' | ' order by t.id) as titles from laws l join law_titles t on t.law_id = l.id group by l.id`,
      )
    ).rows;
    expect(law).toEqual({
      title: "Example Law on Archives",
      titles: "und:Example Law on Archives | ru:Примерный закон об архивах",
    });
  });

  it("names the CSV file, row and column of a bad cell, and writes nothing", async () => {
    const files = csvFiles().map((f) =>
      f.name === "law_timeline.csv" ? { ...f, text: f.text.replace(/2021-0\d-\d\d/, "2021-13-40") } : f,
    );
    const before = Number(
      (await examples.db.execute<{ n: number }>(sql`select count(*)::int as n from revisions`)).rows[0]!.n,
    );
    const report = await importArchive({ db: examples.db, actor: commandLineActor }, files, {
      dryRun: false,
      publish: false,
    });
    expect(report.errors).toEqual([
      expect.objectContaining({
        file: "law_timeline.csv",
        row: 3,
        field: "date",
        reason: expect.stringContaining("2021-13-40"),
      }),
    ]);
    const after = Number(
      (await examples.db.execute<{ n: number }>(sql`select count(*)::int as n from revisions`)).rows[0]!.n,
    );
    expect(after).toBe(before);
  });

  it("lets an editor import drafts that use the archive's topics", async () => {
    const { ctx } = await makeUser(examples.db, "editor");
    const text = JSON.stringify({
      format: "marginalia-import",
      version: 1,
      laws: [
        {
          externalId: "editor-law",
          jurisdiction: "KG",
          type: "decree",
          status: "adopted",
          title: "Example Decree on Reading Rooms",
          topics: ["example-archives"],
          timeline: [{ kind: "adopted", agent: { name: "Example Assembly" }, date: "~1994" }],
        },
      ],
    });
    const report = await importArchive(ctx, [{ name: "decree.json", text }], { dryRun: false, publish: false });
    expect(report.errors).toEqual([]);
    expect(report.counts.laws.create).toBe(1);
    const [row] = (
      await examples.db.execute<{ created_by_id: number; review: string }>(
        sql`select l.created_by_id, e.review from laws l join editorial_items e on e.item_type = 'law' and e.item_id = l.id where l.title = 'Example Decree on Reading Rooms'`,
      )
    ).rows;
    expect(row).toEqual({ created_by_id: ctx.actor!.id, review: "draft" });
  });
});
