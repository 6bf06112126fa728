import { connection } from "next/server";
import { publicationVersion } from "@/modules/public/clock";
import { publishedEntries } from "@/modules/public/syndication";
import { siteOrigin } from "@/modules/public/site";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Every public page: the home page, the laws index, and each published law and article. */
export async function GET() {
  await connection();
  const origin = await siteOrigin();
  const entries = await publishedEntries(await publicationVersion());
  const urls = [
    { loc: `${origin}/`, lastmod: entries[0]?.updated },
    { loc: `${origin}/laws`, lastmod: entries.find((e) => e.kind === "law")?.updated },
    ...entries.map((e) => ({ loc: `${origin}${e.path}`, lastmod: e.updated })),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${escape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ""}</url>`).join("\n")}
</urlset>
`;
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
