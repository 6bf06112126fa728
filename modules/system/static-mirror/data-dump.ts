import { dumpAnnotations } from "./annotation-dump";
import { getJson, pool, sitePath } from "./http";
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
          if (!api) return item;
          const document = await getJson<Listed>(base, api);
          writer.write(`data/${api.slice("/api/v1/".length)}.json`, JSON.stringify(document));
          return document;
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
