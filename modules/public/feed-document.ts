import { cacheLife, cacheTag } from "next/cache";
import { rendering, type Rendering } from "@/lib/http/cached-response";
import { getDatabase } from "@/db";
import type { ContentType } from "@/db/schema/vocabulary";
import { publicCacheTag } from "./clock";
import { listTag, vocabularyTag } from "./cache-tags";
import { readFeed, type Feed, type FeedFilter } from "./syndication";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A feed's Atom document, rendered once for every reader until a publication changes what it
 * lists, or a 404 when it names a jurisdiction or topic that does not exist. Tagged with the lists
 * of the types it shows, and with the vocabularies when it names one (its title and which entries
 * it holds depend on them).
 */
export async function feedDocument(filter: FeedFilter, origin: string): Promise<Rendering> {
  "use cache";
  const types: ContentType[] = filter.kind ? [filter.kind === "law" ? "law" : "article"] : ["law", "article"];
  cacheTag(publicCacheTag, ...types.map(listTag));
  if (filter.jurisdiction || filter.topic) cacheTag(vocabularyTag);
  cacheLife("days");
  const feed = await readFeed((await getDatabase()).db, filter);
  if (!feed) return noSuchFeed;
  return rendering(atom(feed, origin), "application/atom+xml; charset=utf-8");
}

/** Also the answer to a query the feed cannot read (app/feed.xml/route.ts). */
export const noSuchFeed = rendering(
  "No such feed. See /feed.xml for everything published.\n",
  "text/plain; charset=utf-8",
  404,
);

function atom(feed: Feed, origin: string): string {
  const updated = (feed.entries[0]?.updated ?? new Date(0)).toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escape(feed.title)}</title>
  <id>${escape(origin + feed.path)}</id>
  <link rel="self" type="application/atom+xml" href="${escape(origin + feed.path)}"/>
  <link rel="alternate" type="text/html" href="${escape(origin + feed.pagePath)}"/>
  <updated>${updated}</updated>
${feed.entries
  .map(
    (e) => `  <entry>
    <title>${escape(e.title)}</title>
    <id>${escape(origin + e.path)}</id>
    <link href="${escape(origin + e.path)}"/>
    <published>${e.published.toISOString()}</published>
    <updated>${e.updated.toISOString()}</updated>
    <category term="${e.category}"/>
    <summary>${escape(e.summary)}</summary>
    <author><name>Marginalia editors</name></author>
  </entry>`,
  )
  .join("\n")}
</feed>
`;
}
