import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ContentType } from "@/db/schema/vocabulary";
import { toCodePoints } from "@/lib/anchoring/selectors";
import { markdownText } from "@/lib/markdown";
import { agentSnapshot } from "@/modules/agents/snapshot";
import { annotationSnapshot } from "@/modules/annotations/snapshot";
import { articleSnapshot } from "@/modules/articles/snapshot";
import { parseArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { canonicalJson } from "@/modules/audit/chain";
import { verifyAuditChain } from "@/modules/audit/verify";
import { commandLineActor } from "@/modules/auth/context";
import { lawSnapshot } from "@/modules/laws/snapshot";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { readAgent } from "@/modules/public/agent";
import { readAnnotationsOn } from "@/modules/public/annotations";
import { readArticlesIndex } from "@/modules/public/articles-index";
import { readLaw } from "@/modules/public/law";
import { readLawIndex } from "@/modules/public/law-index";
import { lawIndexQuery } from "@/modules/public/law-index-url";
import { readSearch } from "@/modules/public/search";
import { searchQuery } from "@/modules/public/search-url";
import { projectAnnotation } from "@/modules/workflow/project-annotations";
import { projectArticle } from "@/modules/workflow/project-article";
import { projectLaw } from "@/modules/workflow/project-law";
import { projectSearch } from "@/modules/workflow/project-search";
import { snapshotHash } from "@/modules/workflow/revise";
import { parseSnapshot, snapshotShapes } from "@/modules/workflow/snapshots";
import { OptionsError, parseSeedArgs, type SeedOptions } from "@/scripts/synthetic/options";
import { ArchiveNotEmptyError, seedSynthetic } from "@/scripts/synthetic/seed";
import { createTestDatabase } from "./db";

const options: SeedOptions = {
  laws: 30,
  articles: 60,
  annotations: 200,
  agents: 40,
  draftShare: 0.3,
  seed: 7,
  append: false,
};

let database: Database;
type Item = { item_type: ContentType; item_id: number; visibility: string; working: number; live: number | null };
let items: Item[];

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await database.db.execute<T & Record<string, unknown>>(query)).rows as T[];
const of = (type: ContentType, filter: (i: Item) => boolean = () => true) =>
  items.filter((i) => i.item_type === type && filter(i));
const snapshotOf = async (revisionId: number) =>
  (await rows<{ snapshot: Record<string, unknown> }>(sql`select snapshot from revisions where id = ${revisionId}`))[0]!
    .snapshot;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedSynthetic(database.db, options);
  items = await rows<Item>(
    sql`select item_type, item_id, visibility, working_revision_id as working, live_revision_id as live from editorial_items`,
  );
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("seed:synthetic", () => {
  it("makes as many items as asked, some of them drafts and some live with a newer unpublished revision", async () => {
    const [counts] = await rows<Record<string, number>>(
      sql`select (select count(*)::int from laws) as laws, (select count(*)::int from articles) as articles,
                 (select count(*)::int from annotations) as annotations, (select count(*)::int from agents) as agents`,
    );
    expect(counts).toEqual({ laws: 30, articles: 60, annotations: 200, agents: 40 });
    for (const type of ["law", "article", "annotation", "agent"] as const) {
      expect(of(type, (i) => i.live === null).length, `${type} drafts`).toBeGreaterThan(0);
      expect(of(type, (i) => i.live !== null && i.live !== i.working).length, `${type} pending`).toBeGreaterThan(0);
      expect(of(type, (i) => i.live === i.working).length, `${type} live`).toBeGreaterThan(0);
    }
  });

  it("stores every revision in its type's current snapshot shape, hashed as the workflow hashes it", async () => {
    const revisions = await rows<{ item_type: ContentType; snapshot: Record<string, unknown>; hash: string }>(
      sql`select item_type, snapshot, hash from revisions`,
    );
    expect(revisions.length).toBeGreaterThan(options.laws + options.articles + options.annotations);
    for (const r of revisions) {
      expect(r.snapshot.schemaVersion).toBe(snapshotShapes[r.item_type].version);
      // Written in the current shape: reading it changes nothing.
      expect(canonicalJson(parseSnapshot(r.item_type, r.snapshot))).toBe(canonicalJson(r.snapshot));
      expect(snapshotHash(r.snapshot)).toBe(r.hash);
    }
  });

  it("keeps each item's working copy as its working revision records it, so saving it unchanged changes nothing", async () => {
    const ctx = { db: database.db, actor: commandLineActor };
    const snapshotters: Record<ContentType, (id: number) => Promise<Record<string, unknown>>> = {
      law: (id) => lawSnapshot(ctx, id),
      article: (id) => articleSnapshot(ctx, id),
      agent: (id) => agentSnapshot(ctx, id),
      annotation: (id) => annotationSnapshot(database.db, id),
    };
    for (const item of items) {
      const stored = await snapshotOf(item.working);
      expect(snapshotHash(await snapshotters[item.item_type](item.item_id)), `${item.item_type} ${item.item_id}`).toBe(
        snapshotHash(stored),
      );
    }
  });

  it("shows readers each live law as its live revision, and no draft", async () => {
    for (const law of of("law")) {
      const working = parseLawSnapshot(await snapshotOf(law.working));
      const view = await readLaw(database.db, working.jurisdictionCode, working.slug);
      if (law.live === null) {
        expect(view).toBeNull();
        continue;
      }
      const live = parseLawSnapshot(await snapshotOf(law.live));
      expect(view).toMatchObject({ title: live.title, summary: live.summary });
      if (law.live !== law.working) expect(working.summary).not.toBe(live.summary);
    }
    const index = await readLawIndex(database.db, lawIndexQuery.parse({}));
    expect(index.total).toBe(of("law", (i) => i.live !== null).length);
  });

  it("lists live articles under their live headline, and agents on their pages", async () => {
    const first = await readArticlesIndex(database.db, { page: 1 });
    const listed = [...first.articles];
    for (let page = 2; page <= first.pageCount; page++)
      listed.push(...(await readArticlesIndex(database.db, { page })).articles);
    const live = of("article", (i) => i.live !== null);
    expect(listed.map((a) => a.id).sort((a, b) => a - b)).toEqual(live.map((a) => a.item_id).sort((a, b) => a - b));
    for (const article of live) {
      const title = (await snapshotOf(article.live!)).title;
      expect(listed.find((a) => a.id === article.item_id)?.title).toBe(title);
    }
    expect(listed.some((a) => a.title.endsWith("(updated)"))).toBe(false);

    for (const agent of of("agent")) {
      const slug = (await snapshotOf(agent.working)).slug as string;
      const page = await readAgent(database.db, slug);
      expect(page?.kind === "agent", slug).toBe(agent.live !== null);
    }
  });

  it("finds live laws by a word of their title in search", async () => {
    const law = of("law", (i) => i.live !== null)[0]!;
    const live = parseLawSnapshot(await snapshotOf(law.live!));
    const results = await readSearch(database.db, searchQuery.parse({ q: live.identifiers[0]?.value ?? live.title }));
    expect(results.total).toBeGreaterThan(0);
  });

  it("places public notes on the text readers see, at passages that are there", async () => {
    const targets = await rows<{ target_type: "law" | "article"; target_id: number }>(
      sql`select distinct target_type, target_id from public_annotations`,
    );
    expect(targets.length).toBeGreaterThan(3);
    let checked = 0;
    for (const target of targets) {
      const item = of(target.target_type, (i) => i.item_id === target.target_id)[0]!;
      const snapshot = await snapshotOf(item.live!);
      const notes = await readAnnotationsOn(database.db, { type: target.target_type, id: target.target_id });
      const rendered = new Map<number | null, string>();
      for (const note of notes) {
        const markdown =
          target.target_type === "law"
            ? parseLawSnapshot(snapshot).texts.find((t) => t.id === note.target.textId)!.body
            : (snapshot.body as string);
        if (!rendered.has(note.target.textId)) rendered.set(note.target.textId, markdownText(markdown));
        const text = rendered.get(note.target.textId)!;
        const chars = [...text];
        expect(chars.slice(note.start, note.end).join("")).toBe(note.exact);
        expect(text.indexOf(note.prefix + note.exact + note.suffix)).toBeGreaterThanOrEqual(0);
        expect(toCodePoints(text, text.indexOf(note.prefix + note.exact) + note.prefix.length)).toBeLessThanOrEqual(
          note.start,
        );
        checked++;
      }
    }
    const [shown] = await rows<{ n: number }>(sql`select count(*)::int as n from public_annotations`);
    expect(checked).toBe(shown!.n);
    // Internal notes and drafts stay off public pages.
    const [leaked] = await rows<{ n: number }>(
      sql`select count(*)::int as n from public_annotations p join annotations a on a.id = p.annotation_id
          left join editorial_items e on e.item_type = 'annotation' and e.item_id = a.id
          where a.audience <> 'public' or e.live_revision_id is null`,
    );
    expect(leaked!.n).toBe(0);
  });

  it("writes the public tables exactly as the product's own publication does", async () => {
    // Inside the transaction it must read through it: PGlite runs one connection, which the transaction holds.
    const snapshotTables = async (db: Pick<Database["db"], "execute"> = database.db) =>
      (
        await db.execute<{ t: string }>(
          sql`select (select json_agg(p order by law_id)::text from public_laws p) ||
                   (select json_agg(json_build_array(s.item_type, s.item_id, s.revision_id, s.scope, s.slug, s.title, s.kind,
                      s.jurisdiction_codes, s.aliases, s.names, s.body, s.document::text, s.published_at) order by s.item_type, s.item_id)::text from public_search s) ||
                   (select json_agg(a order by annotation_id)::text from public_annotations a) ||
                   (select json_agg(a order by article_id)::text from public_articles a) ||
                   (select json_agg(l order by from_type, from_id, kind, position)::text from public_links l) ||
                   (select json_agg(t order by vocabulary, value, item_type, item_id)::text from public_tags t) ||
                   (select json_agg(c order by from_type, from_id, position)::text from public_source_citations c) ||
                   (select json_agg(x order by annotation_revision_id)::text from (select annotation_revision_id, target_revision_id, annotation_id, state, method, text_id, start, "end", exact, prefix, suffix from annotation_anchors) x) as t`,
        )
      ).rows;
    // The read model is there to compare: articles, what laws and articles refer to, and tags of both kinds.
    const [model] = await rows<Record<string, number>>(
      sql`select (select count(*)::int from public_articles) as articles,
                 (select count(distinct kind)::int from public_links) as link_kinds,
                 (select count(*)::int from public_tags where direct) as direct_tags,
                 (select count(*)::int from public_tags where not direct) as derived_tags,
                 (select count(*)::int from public_source_citations) as citations,
                 (select count(*)::int from public_laws where milestone_kind is not null) as milestones`,
    );
    expect(model!.articles).toBe(of("article", (i) => i.live !== null).length);
    expect(model!.link_kinds).toBe(6);
    expect(model!.direct_tags).toBeGreaterThan(0);
    expect(model!.derived_tags).toBeGreaterThan(0);
    expect(model!.citations).toBeGreaterThan(0);
    expect(model!.milestones).toBeGreaterThan(0);
    const before = await snapshotTables();
    await database.db
      .transaction(async (tx) => {
        const live = await tx.execute<{
          item_type: ContentType;
          item_id: number;
          revision_id: number;
          snapshot: Record<string, unknown>;
          first_published_at: string;
          published_at: string;
        }>(sql`select item_type, item_id, revision_id, snapshot, first_published_at, published_at from live_documents`);
        for (const doc of live.rows) {
          const dates = { firstPublishedAt: new Date(doc.first_published_at), publishedAt: new Date(doc.published_at) };
          if (doc.item_type === "law")
            await projectLaw(tx, doc.item_id, doc.revision_id, parseLawSnapshot(doc.snapshot), dates);
          if (doc.item_type === "article")
            await projectArticle(tx, doc.item_id, doc.revision_id, parseArticleSnapshot(doc.snapshot), dates);
          if (doc.item_type === "annotation") await projectAnnotation(tx, doc.item_id);
          else await projectSearch(tx, doc.item_type, doc.item_id, doc.revision_id, doc.snapshot, dates.publishedAt);
        }
        expect(await snapshotTables(tx)).toEqual(before);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  });

  it("leaves the audit log verifiable, with one entry naming the load", async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    const entries = await rows<{ action: string }>(sql`select action from audit_log`);
    expect(entries.filter((e) => e.action === "archive.synthetic_seed")).toHaveLength(1);
  });

  it("refuses a second load into an archive with content unless told to append, then appends", async () => {
    await expect(seedSynthetic(database.db, options)).rejects.toThrow(ArchiveNotEmptyError);
    const [before] = await rows<{ n: number }>(sql`select count(*)::int as n from laws`);
    expect(before!.n).toBe(30);
    await seedSynthetic(database.db, { ...options, laws: 5, articles: 5, annotations: 5, agents: 10, append: true });
    const [after] = await rows<{ n: number }>(sql`select count(*)::int as n from laws`);
    expect(after!.n).toBe(35);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  }, 60_000);

  it("explains bad flags", () => {
    expect(() => parseSeedArgs(["--laws", "ten"])).toThrow(
      new OptionsError('--laws must be a whole number from 1 to 1,000,000, not "ten".'),
    );
    expect(() => parseSeedArgs(["--annotations", "-5"])).toThrow(OptionsError);
    expect(() => parseSeedArgs(["--draft-share", "2"])).toThrow(/--draft-share must be a number from 0 to 0.9/);
    expect(() => parseSeedArgs(["--lawz", "3"])).toThrow(/Unknown option '--lawz'/);
    expect(parseSeedArgs(["--laws", "100"])).toMatchObject({
      laws: 100,
      articles: 500,
      annotations: 400,
      agents: 40,
      append: false,
    });
    expect(parseSeedArgs(["--help"])).toBe("help");
  });
});

class Rollback extends Error {}
