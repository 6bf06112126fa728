import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { editorialItems, liveDocuments, publicArticles, publicLaws, publicSearch } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { agentSnapshot } from "@/modules/agents/snapshot";
import { articleSnapshot } from "@/modules/articles/snapshot";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { lawSnapshot } from "@/modules/laws/snapshot";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { parseArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { projectArticle } from "@/modules/workflow/project-article";
import { projectLaw } from "@/modules/workflow/project-law";
import { projectSearch } from "@/modules/workflow/project-search";
import { makeLive } from "@/modules/workflow/publish";
import { recordRevision, type Snapshot } from "@/modules/workflow/revise";

const snapshotters: Partial<Record<ContentType, (ctx: Ctx, id: number) => Promise<Snapshot>>> = {
  law: lawSnapshot,
  article: articleSnapshot,
  agent: agentSnapshot,
};

/** The item types whose search row projectSearch writes from their live snapshot. */
const searchedBySnapshot: ContentType[] = ["law", "article", "agent"];

/**
 * Gives items made before revisions existed (migration 0011) their first revision, and publishes
 * again those that were published then, so nothing readers saw disappears. Runs at every start;
 * does nothing once done.
 */
export async function backfillRevisions(db: Db): Promise<number> {
  const pending = await db
    .select({ itemType: editorialItems.itemType, itemId: editorialItems.itemId })
    .from(editorialItems)
    .where(isNull(editorialItems.workingRevisionId));
  for (const item of pending) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(editorialItems)
        .where(and(eq(editorialItems.itemType, item.itemType), eq(editorialItems.itemId, item.itemId)))
        .for("update");
      const snapshotOf = snapshotters[item.itemType];
      if (!row || row.workingRevisionId !== null || !snapshotOf) return;
      const snapshot = await snapshotOf({ db: tx, actor: commandLineActor }, item.itemId);
      const who = { actor: commandLineActor };
      const revisionId = await recordRevision(tx, who, row, snapshot, { action: `${row.itemType}.backfill` });
      if (row.review === "published") await makeLive(tx, { ...row, workingRevisionId: revisionId }, new Date());
    });
  }
  return pending.length;
}

/**
 * Fills the public index (migrations 0012, 0020 and 0035) for laws and articles, and the search index
 * (migration 0014) for every item, that were live before they existed. Runs at every start; does nothing once done,
 * since publishing keeps them up to date.
 */
export async function backfillPublicIndex(db: Db): Promise<number> {
  const missing = await db
    .select({
      lawId: liveDocuments.itemId,
      revisionId: liveDocuments.revisionId,
      snapshot: liveDocuments.snapshot,
      firstPublishedAt: liveDocuments.firstPublishedAt,
      publishedAt: liveDocuments.publishedAt,
    })
    .from(liveDocuments)
    .leftJoin(publicLaws, eq(publicLaws.lawId, liveDocuments.itemId))
    .where(and(eq(liveDocuments.itemType, "law"), isNull(publicLaws.lawId)));
  for (const law of missing) {
    // Each item whole or not at all: the next start looks for items without their row.
    await db.transaction((tx) => projectLaw(tx, law.lawId, law.revisionId, parseLawSnapshot(law.snapshot), law));
  }
  const unlisted = await db
    .select({
      articleId: liveDocuments.itemId,
      revisionId: liveDocuments.revisionId,
      snapshot: liveDocuments.snapshot,
      firstPublishedAt: liveDocuments.firstPublishedAt,
      publishedAt: liveDocuments.publishedAt,
    })
    .from(liveDocuments)
    .leftJoin(publicArticles, eq(publicArticles.articleId, liveDocuments.itemId))
    .where(and(eq(liveDocuments.itemType, "article"), isNull(publicArticles.articleId)));
  for (const article of unlisted) {
    await db.transaction((tx) =>
      projectArticle(tx, article.articleId, article.revisionId, parseArticleSnapshot(article.snapshot), article),
    );
  }
  const unsearchable = await db
    .select({
      itemType: liveDocuments.itemType,
      itemId: liveDocuments.itemId,
      revisionId: liveDocuments.revisionId,
      snapshot: liveDocuments.snapshot,
      publishedAt: liveDocuments.publishedAt,
    })
    .from(liveDocuments)
    .leftJoin(
      publicSearch,
      and(eq(publicSearch.itemType, liveDocuments.itemType), eq(publicSearch.itemId, liveDocuments.itemId)),
    )
    // Annotations are searchable as projectAnnotation places them, not from their snapshot: a live
    // one without a row (internal, or not placed on its target's live text) is as it should be, and
    // reading every one of them again at each start took seconds at archive scale.
    .where(and(isNull(publicSearch.itemId), inArray(liveDocuments.itemType, searchedBySnapshot)));
  for (const item of unsearchable) {
    await projectSearch(db, item.itemType, item.itemId, item.revisionId, item.snapshot, item.publishedAt);
  }
  return missing.length + unlisted.length + unsearchable.length;
}
