import { connection, type NextRequest } from "next/server";
import { z } from "zod";
import { publicSitemapFile } from "@/modules/public/sitemap";
import { siteOrigin } from "@/modules/public/site";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const fileNumber = z.coerce.number().int().min(1).max(10_000).optional();

/**
 * Every public page: the indexes, jurisdictions and topics with published content, and each
 * published item; an index of numbered files (?page=n) once there are more than one file holds.
 */
export async function GET(request: NextRequest) {
  await connection();
  const page = fileNumber.safeParse(request.nextUrl.searchParams.get("page") ?? undefined);
  const file = page.success ? await publicSitemapFile(page.data) : null;
  if (!file) return new Response("No such sitemap file.\n", { status: 404, headers: { "content-type": "text/plain" } });
  const origin = await siteOrigin();
  const body =
    file.kind === "index"
      ? `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${Array.from({ length: file.files }, (_, i) => `  <sitemap><loc>${escape(`${origin}/sitemap.xml?page=${i + 1}`)}</loc></sitemap>`).join("\n")}
</sitemapindex>
`
      : `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${file.pages.map((p) => `  <url><loc>${escape(origin + p.path)}</loc>${p.lastmod ? `<lastmod>${p.lastmod.toISOString()}</lastmod>` : ""}</url>`).join("\n")}
</urlset>
`;
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
