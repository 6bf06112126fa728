import { connection, type NextRequest } from "next/server";
import { publicationVersion } from "@/modules/public/clock";
import { feedQuery, publishedFeed } from "@/modules/public/syndication";
import { siteOrigin } from "@/modules/public/site";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const notFound = () =>
  new Response("No such feed. See /feed.xml for everything published.\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });

/**
 * An Atom feed of the latest published laws and articles: all of them, or those of one
 * jurisdiction, topic or kind (?jurisdiction=KG, ?topic=rehabilitation, ?kind=news), alone or
 * together.
 */
export async function GET(request: NextRequest) {
  await connection();
  const parsed = feedQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return notFound();
  const feed = await publishedFeed(parsed.data, await publicationVersion());
  if (!feed) return notFound();
  const origin = await siteOrigin();
  const updated = (feed.entries[0]?.updated ?? new Date(0)).toISOString();
  const body = `<?xml version="1.0" encoding="UTF-8"?>
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
  return new Response(body, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
}
