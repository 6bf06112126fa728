import type { ContentType } from "@/db/schema/vocabulary";
import { addressOf } from "@/modules/workflow/publish";
import { searchRowValues, type SearchDocument } from "@/modules/workflow/project-search";
import { snapshotHash, type Snapshot } from "@/modules/workflow/revise";
import type { BulkWriter, Table } from "@/modules/system/bulk/writer";
import type { Ids } from "@/modules/system/bulk/ids";
import type { Random } from "./random";

/**
 * Where an item stands: live; never published (a draft, perhaps in review); or live with a newer
 * revision that is not (readers must keep seeing the live one).
 */
export type State = "published" | "draft" | "pending";

export function pickState(rng: Random, draftShare: number): State {
  const r = rng.next();
  return r < draftShare / 2 ? "draft" : r < draftShare ? "pending" : "published";
}

/** What readers see of an item once recorded: its live revision, or nothing. */
export type Live = { revisionId: number; publishedAt: string; firstPublishedAt: string } | null;

const revisions: Table = {
  name: "revisions",
  fields:
    "id int, item_type content_type, item_id int, number int, parent_id int, snapshot jsonb, hash text, message text, created_at timestamptz",
  identity: true,
};
const editorialItems: Table = {
  name: "editorial_items",
  fields:
    "item_type content_type, item_id int, review review_state, visibility visibility, working_revision_id int, live_revision_id int, submitted_at timestamptz, approved_at timestamptz, changed_at timestamptz",
};
const publications: Table = {
  name: "publications",
  fields:
    "item_type content_type, item_id int, revision_id int, scope text, slug text, title text, first_published_at timestamptz, published_at timestamptz",
};
const publishedRevisions: Table = {
  name: "published_revisions",
  fields: "item_type content_type, item_id int, number int, revision_id int, published_at timestamptz",
};
const publicSearch: Table = {
  name: "public_search",
  fields:
    "item_type content_type, item_id int, revision_id int, scope text, slug text, title text, kind text, jurisdiction_codes text[], aliases text[], names text, body text, summary text, text text, published_at timestamptz",
  columns:
    "item_type, item_id, revision_id, scope, slug, title, kind, jurisdiction_codes, aliases, names, body, document, published_at",
  // As writeSearchRow builds it (modules/workflow/project-search.ts).
  select:
    "item_type, item_id, revision_id, scope, slug, title, kind, jurisdiction_codes, aliases, names, body, setweight(to_tsvector('simple', names), 'A') || setweight(to_tsvector('simple', summary), 'B') || setweight(to_tsvector('simple', text), 'C'), published_at",
};

const day = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * day).toISOString();

/**
 * Writes an item's revisions and editorial state as the workflow leaves them, and for a live item
 * what publishing writes (modules/workflow/publish.ts makeLive): its publication (address from
 * addressOf), every revision that was live (citable versions) and its search row (searchRowValues).
 * `earlier` is a snapshot published before the live one, for items with two citable versions.
 */
export class Publisher {
  constructor(
    private readonly out: BulkWriter,
    private readonly ids: Ids,
  ) {}

  async record(
    item: { type: ContentType; id: number; createdAt: string },
    state: State,
    snapshots: { working: Snapshot; live?: Snapshot; earlier?: Snapshot },
    message: string,
  ): Promise<Live> {
    const history: { snapshot: Snapshot; published: boolean }[] = [];
    if (snapshots.earlier && state !== "draft") history.push({ snapshot: snapshots.earlier, published: true });
    if (state === "pending") history.push({ snapshot: snapshots.live ?? snapshots.working, published: true });
    history.push({ snapshot: snapshots.working, published: state === "published" });
    let parentId: number | null = null;
    let at = item.createdAt;
    let firstPublishedAt: string | null = null;
    let live: { id: number; at: string } | null = null;
    for (const [index, step] of history.entries()) {
      const id = this.ids.next("revisions");
      await this.out.add(revisions, {
        id,
        item_type: item.type,
        item_id: item.id,
        number: index + 1,
        parent_id: parentId,
        snapshot: step.snapshot,
        hash: snapshotHash(step.snapshot),
        message: index === 0 ? "" : message,
        created_at: at,
      });
      if (step.published) {
        const publishedAt = addDays(at, 1 + (id % 13));
        firstPublishedAt ??= publishedAt;
        live = { id, at: publishedAt };
        await this.out.add(publishedRevisions, {
          item_type: item.type,
          item_id: item.id,
          number: index + 1,
          revision_id: id,
          published_at: publishedAt,
        });
        at = addDays(publishedAt, 30 + (id % 60));
      }
      parentId = id;
    }
    const workingId = parentId!;
    const review = state === "published" ? "published" : workingId % 3 === 0 ? "in_review" : "draft";
    await this.out.add(editorialItems, {
      item_type: item.type,
      item_id: item.id,
      review,
      visibility: live ? "live" : "unpublished",
      working_revision_id: workingId,
      live_revision_id: live?.id ?? null,
      submitted_at: review === "in_review" ? at : null,
      approved_at: state === "published" ? live!.at : null,
      changed_at: state === "published" ? live!.at : at,
    });
    if (!live) return null;
    const liveSnapshot = history.findLast((h) => h.published)!.snapshot;
    await this.out.add(publications, {
      item_type: item.type,
      item_id: item.id,
      revision_id: live.id,
      ...addressOf(item.type, liveSnapshot),
      first_published_at: firstPublishedAt,
      published_at: live.at,
    });
    return { revisionId: live.id, publishedAt: live.at, firstPublishedAt: firstPublishedAt! };
  }

  /** The item's row of the public search index, as writeSearchRow writes it; `search_words` follow in bulk at the end. */
  async search(type: ContentType, itemId: number, live: NonNullable<Live>, doc: SearchDocument): Promise<void> {
    const { names, summary, text, aliases, body } = searchRowValues(doc);
    await this.out.add(publicSearch, {
      item_type: type,
      item_id: itemId,
      revision_id: live.revisionId,
      scope: doc.scope,
      slug: doc.slug,
      title: doc.title,
      kind: doc.kind,
      jurisdiction_codes: doc.jurisdictionCodes,
      aliases,
      names,
      body,
      summary,
      text,
      published_at: live.publishedAt,
    });
  }
}
