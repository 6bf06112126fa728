import { connection } from "next/server";
import { publicationVersion } from "@/modules/public/clock";
import { publishedEntries } from "@/modules/public/syndication";
import { siteOrigin } from "@/modules/public/site";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An Atom feed of the latest published laws and articles. */
export async function GET() {
  await connection();
  const origin = await siteOrigin();
  const entries = await publishedEntries(await publicationVersion(), 50);
  const updated = (entries[0]?.updated ?? new Date(0)).toISOString();
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Marginalia: laws and what is written about them</title>
  <id>${escape(origin)}/</id>
  <link rel="self" href="${escape(origin)}/feed.xml"/>
  <link href="${escape(origin)}/"/>
  <updated>${updated}</updated>
${entries
  .map(
    (e) => `  <entry>
    <title>${escape(e.title)}</title>
    <id>${escape(origin + e.path)}</id>
    <link href="${escape(origin + e.path)}"/>
    <published>${e.published.toISOString()}</published>
    <updated>${e.updated.toISOString()}</updated>
    <category term="${e.kind}"/>
    <summary>${escape(e.summary)}</summary>
    <author><name>Marginalia editors</name></author>
  </entry>`,
  )
  .join("\n")}
</feed>
`;
  return new Response(body, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
}
