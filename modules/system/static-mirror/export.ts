import fs from "node:fs";
import path from "node:path";
import { Crawler } from "./crawl";
import { dumpData } from "./data-dump";
import { get } from "./http";
import { sitemapLocations } from "./html";
import { manifestName, MirrorWriter, readManifest, type WriteCounts } from "./manifest";
import { searchPageFile } from "./paths";
import { searchDocuments, searchIndexFiles } from "./search-index";
import { mirrorSearchPage, searchScript } from "./search-page";

export type ExportSummary = WriteCounts & {
  files: number;
  pages: number;
  bytes: number;
  missing: string[];
  siteOrigin: string;
};

/** Where the crawl starts besides the sitemap's addresses: the indexes, feeds and the sitemap itself. */
const seeds = ["/", "/laws", "/articles", "/topics", "/jurisdictions", "/api-docs", "/feed.xml", "/sitemap.xml"];

/**
 * Writes the static mirror of the public site at `base` into `dir` (docs/static-mirror.md): the
 * JSON dump first (the pages link to it), then the search page and its index, then every page
 * the crawl reaches; files the last export wrote and this one did not are removed.
 */
export async function exportStatic(
  base: URL,
  dir: string,
  progress: (files: number) => void = () => {},
): Promise<ExportSummary> {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = readManifest(dir);
  // Files of the mirror could overwrite others of the same name: only an empty folder or a mirror.
  if (!manifest && fs.readdirSync(dir).length > 0)
    throw new Error(`${dir} is neither empty nor a mirror (it has no ${manifestName}): export into a new folder`);
  const writer = new MirrorWriter(dir, manifest ?? { version: 1, exporter: 0, files: {} });
  const siteOrigin = await publicOrigin(base);
  const origins = [siteOrigin, base.origin];
  const crawler = new Crawler(base, origins, writer);
  // A large archive's first export takes an hour: how far it is, now and then, and saved so far.
  let ticks = 0;
  const ticker = setInterval(() => {
    progress(writer.counts.written + writer.counts.unchanged);
    if (++ticks % 4 === 0) writer.checkpoint();
  }, 15_000);
  try {
    await mirror(base, origins, writer, crawler);
  } catch (error) {
    writer.checkpoint();
    throw error;
  } finally {
    clearInterval(ticker);
  }
  writer.finish();

  const files = Object.keys(writer.next.files);
  const bytes = files.reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0);
  return {
    ...writer.counts,
    files: files.length,
    pages: files.filter((file) => file.endsWith(".html")).length,
    bytes,
    missing: crawler.missing,
    siteOrigin,
  };
}

/** The dump, the search page and its index, then every page the crawl reaches. */
async function mirror(base: URL, origins: string[], writer: MirrorWriter, crawler: Crawler) {
  const dump = await dumpData(base, origins, writer);
  for (const [file, script] of searchIndexFiles(searchDocuments(dump, origins))) writer.write(file, script);
  writer.write("search/search.js", searchScript);

  const search = await get(base, "/search");
  if (search.status !== 200) throw new Error(`The site's search page answered ${search.status}`);
  const links: string[] = [];
  const page = crawler.html(searchPageFile, await search.text(), new URL("/search", base), links);
  writer.write(searchPageFile, mirrorSearchPage(page), { links });

  await crawler.run([...seeds, ...links]);
}

/** The site's public origin (SITE_URL), as its sitemap spells it; the crawled one if it has none. */
async function publicOrigin(base: URL): Promise<string> {
  const response = await get(base, "/sitemap.xml");
  if (response.status !== 200)
    throw new Error(`${base.origin} is not a Marginalia site: /sitemap.xml answered ${response.status}`);
  const first = sitemapLocations(await response.text())[0];
  return first && URL.canParse(first) ? new URL(first).origin : base.origin;
}
