import { connection } from "next/server";
import { publicationVersion } from "@/modules/public/clock";
import { publicPages } from "@/modules/public/sitemap";
import { siteOrigin } from "@/modules/public/site";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Every public page: the indexes, jurisdictions and topics with published content, and each published item. */
export async function GET() {
  await connection();
  const origin = await siteOrigin();
  const pages = await publicPages(await publicationVersion());
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pages.map((p) => `  <url><loc>${escape(origin + p.path)}</loc>${p.lastmod ? `<lastmod>${p.lastmod.toISOString()}</lastmod>` : ""}</url>`).join("\n")}
</urlset>
`;
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
