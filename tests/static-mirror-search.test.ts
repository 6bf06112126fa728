import { describe, expect, test } from "vitest";
import type { Dump } from "@/modules/system/static-mirror/data-dump";
import { searchDocuments, searchIndexFiles } from "@/modules/system/static-mirror/search-index";
import { searchCore } from "@/modules/system/static-mirror/search-page";

const site = "https://archive.example.org";
const dump: Dump = {
  laws: [
    {
      url: `${site}/laws/kz/on-rehabilitation`,
      title: "On the rehabilitation of victims of mass political repression",
      titles: [{ lang: "ru", title: "О реабилитации жертв массовых политических репрессий" }],
      identifiers: [{ registry: "adilet", value: "Z930002200_" }],
      summary: "Rehabilitates the victims.",
      jurisdiction: { code: "KZ", name: "Kazakhstan" },
    },
  ],
  articles: [
    {
      url: `${site}/articles/a-comment`,
      title: "A comment",
      authors: [{ name: "Aigul Asanova" }],
      publisher: null,
      body: "It **compares** the [Kyrgyz law](https://example.org) with its neighbours'.",
    },
  ],
  agents: [
    {
      url: `${site}/agents/sadyr-japarov`,
      name: "Sadyr Japarov",
      otherNames: [{ name: "Жапаров Садыр" }, { name: "Zhaparov" }],
      description: "President.",
    },
  ],
  topics: [{ url: `${site}/topics/red-terror`, name: "Red Terror" }],
  jurisdictions: [{ url: `${site}/jurisdictions/kg`, name: "Kyrgyzstan", code: "KG" }],
  figures: [],
  sources: [],
};

type Index = { fold: Record<string, string>; count: number; perFile: number; terms: string[] };
type Terms = Record<string, number[]>;

/** The index's files as the page reads them: each script run, handing its part to the global. */
function loadIndex(files: Map<string, string>) {
  const window = {} as { MarginaliaSearch: Index };
  new Function("window", files.get("search/index-data.js")!)(window);
  const terms: Record<string, Terms> = {};
  const documents: Record<number, string[][]> = {};
  const global = {
    addTerms: (key: string, part: Terms) => (terms[key] = part),
    addDocuments: (n: number, part: string[][]) => (documents[n] = part),
  };
  for (const [file, script] of files)
    if (file !== "search/index-data.js") new Function("MarginaliaSearch", script)(global);
  return { index: window.MarginaliaSearch, terms, documents };
}

const { fold, rank } = new Function(`${searchCore}; return { fold, rank };`)() as {
  fold: (text: string, table: Record<string, string>) => string;
  rank: (words: string[], files: Record<string, Terms>) => [number, number][];
};

describe("the mirror's search index", () => {
  const documents = searchDocuments(dump, [site]);
  const files = searchIndexFiles(documents);
  const { index, terms, documents: parts } = loadIndex(files);
  /** What the page finds for what a reader types: the paths of the results, best first. */
  const find = (q: string) =>
    rank(fold(q, index.fold).split(" ").filter(Boolean), terms).map(([item]) => {
      const row = parts[Math.floor(item / index.perFile)]![item % index.perFile]!;
      return row[2];
    });

  test("each item links to its file in the mirror, with its other names and a plain snippet", () => {
    expect(documents.map((d) => d.path)).toEqual([
      "laws/kz/on-rehabilitation/index.html",
      "articles/a-comment/index.html",
      "agents/sadyr-japarov/index.html",
      "topics/red-terror/index.html",
      "jurisdictions/kg/index.html",
    ]);
    expect(documents[2]!.also).toBe("Жапаров Садыр · Zhaparov");
    expect(documents[1]!.snippet).toBe("It compares the Kyrgyz law with its neighbours'.");
    expect(parts[0]![2]).toEqual([
      "Person or organization",
      "Sadyr Japarov",
      "agents/sadyr-japarov/index.html",
      "Жапаров Садыр · Zhaparov",
      "President.",
    ]);
  });

  test("names and titles are found in any script and spelling, and by the start of a word", () => {
    expect(find("zhaparov")).toEqual(["agents/sadyr-japarov/index.html"]);
    expect(find("Жапаров")).toEqual(["agents/sadyr-japarov/index.html"]);
    expect(find("japarov")).toEqual(["agents/sadyr-japarov/index.html"]);
    expect(find("zhertv massovykh")).toEqual(["laws/kz/on-rehabilitation/index.html"]);
    expect(find("Z930002200_")).toEqual(["laws/kz/on-rehabilitation/index.html"]);
    expect(find("asanova")).toEqual(["articles/a-comment/index.html"]);
    expect(find("rehabilit")).toEqual(["laws/kz/on-rehabilitation/index.html"]);
  });

  test("every word must be found; a title ranks above a mention", () => {
    expect(find("zhertv asanova")).toEqual([]);
    expect(find("nothing-like-this")).toEqual([]);
    // "Kyrgyzstan" is the jurisdiction's name, and in the article's text only as "Kyrgyz".
    expect(find("kyrgyz")).toEqual(["jurisdictions/kg/index.html", "articles/a-comment/index.html"]);
  });

  test("the words are split by their first two letters, the items by the 500, each file a script that hands its part over", () => {
    expect(index.count).toBe(5);
    expect(index.terms).toContain("zh");
    expect(Object.keys(terms.zh!)).toEqual(expect.arrayContaining(["zhaparov", "zhertv"]));
    expect(Object.keys(terms.zh!).every((term) => term.startsWith("zh"))).toBe(true);
    expect([...files.keys()].filter((file) => file.startsWith("search/docs/"))).toEqual(["search/docs/0.js"]);
    expect(index.fold["Ж"]).toBe("Zh");
    expect(index.fold["ž"]).toBe("z");
    for (const script of files.values()) expect(script).not.toContain("</");
  });
});
