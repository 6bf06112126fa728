import { cacheLife, cacheTag } from "next/cache";
import { rendering, type Rendering } from "@/lib/http/cached-response";
import { getDatabase } from "@/db";
import { publicCacheTag } from "./clock";
import { addressesTag, listTag, vocabularyTag } from "./cache-tags";
import { readPublicPageCount, readPublicPages, sitemapFile, sitemapFileSize } from "./sitemap";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * /sitemap.xml (`file` undefined) or /sitemap.xml?page=n, rendered once for every crawler until a
 * publication adds, moves, redates or removes a page; a 404 for a file number that does not exist.
 * Tagged with the lists whose items it names, the addresses, and the vocabularies (jurisdiction
 * and topic pages).
 */
export async function sitemapDocument(file: number | undefined, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), listTag("article"), listTag("agent"), addressesTag, vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  // Past one file, the index and a file number past the last need only the number of pages, not
  // every address (58,000 at issue 13's scale).
  const files = Math.ceil((await readPublicPageCount(db)) / sitemapFileSize);
  // One file is the sitemap itself: numbered files exist only past one (sitemapFile).
  if (file !== undefined && (file > files || files <= 1)) return noSuchFile;
  const found =
    file === undefined && files > 1
      ? ({ kind: "index", files } as const)
      : sitemapFile(await readPublicPages(db), file);
  if (!found) return noSuchFile;
  const xml =
    found.kind === "index"
      ? `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${Array.from({ length: found.files }, (_, i) => `  <sitemap><loc>${escape(`${origin}/sitemap.xml?page=${i + 1}`)}</loc></sitemap>`).join("\n")}
</sitemapindex>
`
      : `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${found.pages.map((p) => `  <url><loc>${escape(origin + p.path)}</loc>${p.lastmod ? `<lastmod>${p.lastmod.toISOString()}</lastmod>` : ""}</url>`).join("\n")}
</urlset>
`;
  return rendering(xml, "application/xml; charset=utf-8");
}

/** Also the answer to a file number the sitemap cannot read (app/sitemap.xml/route.ts). */
export const noSuchFile = rendering("No such sitemap file.\n", "text/plain", 404);
