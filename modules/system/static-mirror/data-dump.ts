import fs from "node:fs";
import path from "node:path";
import { dumpAnnotations } from "./annotation-dump";
import { get, getJson, pool, sitePath } from "./http";
import type { MirrorWriter } from "./manifest";

/**
 * The JSON dump: every list of the read API walked to its end (`data/laws.json`, in the list's
 * shape, `next` null), and each item's own document where the list's is shorter
 * (`data/laws/kg/its-slug.json`, as at /api/v1/laws/kg/its-slug), plus the OpenAPI document and
 * the annotations of each law and article page (./annotation-dump.ts).
 */
const lists = [
  { type: "laws", paged: true, items: true },
  { type: "articles", paged: true, items: true },
  { type: "agents", paged: true, items: true },
  { type: "topics", paged: false, items: true },
  { type: "jurisdictions", paged: false, items: true },
  { type: "figures", paged: true, items: false },
  { type: "sources", paged: true, items: false },
] as const;
export type DumpType = (typeof lists)[number]["type"];

type Listed = { url?: string; api?: string } & Record<string, unknown>;
type ListPage = { data: Listed[]; next?: string | null };

/** Each type's records as the API gives them: the item documents where there are some. */
export type Dump = Record<DumpType, Listed[]>;

/**
 * An item's own document, written as `data/<its API path>.json`. What the last export wrote is
 * asked for with its ETag: unchanged (304), the file is kept and read back.
 */
async function itemDocument(base: URL, api: string, writer: MirrorWriter): Promise<Listed> {
  const file = `data/${api.slice("/api/v1/".length)}.json`;
  const known = writer.known(file);
  const response = await get(base, api, {
    accept: "application/json",
    ...(known?.etag && { "if-none-match": known.etag }),
  });
  if (response.status === 304 && known) {
    writer.keep(file, known);
    return JSON.parse(fs.readFileSync(path.join(writer.dir, file), "utf8")) as Listed;
  }
  if (response.status !== 200) throw new Error(`${api} answered ${response.status}`);
  const text = await response.text();
  writer.write(file, text, { url: api, etag: response.headers.get("etag") ?? undefined });
  return JSON.parse(text) as Listed;
}

export async function dumpData(base: URL, origins: string[], writer: MirrorWriter): Promise<Dump> {
  const dump = {} as Dump;
  for (const list of lists) {
    const listed: Listed[] = [];
    let next: string | null = `/api/v1/${list.type}${list.paged ? "?limit=100" : ""}`;
    while (next) {
      const page: ListPage = await getJson<ListPage>(base, next);
      listed.push(...page.data);
      next = page.next ? sitePath(page.next, origins) : null;
    }
    writer.write(`data/${list.type}.json`, JSON.stringify({ data: listed, next: null }));
    dump[list.type] = list.items
      ? await pool(listed, 4, async (item) => {
          const api = item.api ? sitePath(item.api, origins) : null;
          return api ? itemDocument(base, api, writer) : item;
        })
      : listed;
  }
  writer.write("data/openapi.json", JSON.stringify(await getJson(base, "/api/v1/openapi.json")));
  const titles = new Map<string, string>();
  for (const item of [...dump.laws, ...dump.articles]) {
    const page = item.url ? sitePath(item.url, origins) : null;
    if (page && typeof item.title === "string") titles.set(page, item.title);
  }
  await dumpAnnotations(base, origins, titles, writer);
  return dump;
}
