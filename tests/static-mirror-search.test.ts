import MiniSearch from "minisearch";
import { describe, expect, test } from "vitest";
import type { Dump } from "@/modules/system/static-mirror/data-dump";
import {
  searchDocuments,
  searchIndexScript,
  searchOptions,
  type SearchDocument,
} from "@/modules/system/static-mirror/search-index";

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

describe("the mirror's search index", () => {
  const documents = searchDocuments(dump, [site]);
  const index = new MiniSearch<SearchDocument>(searchOptions);
  index.addAll(documents);
  const find = (q: string) => index.search(q, { prefix: true, fuzzy: 0.2, combineWith: "AND" }).map((hit) => hit.path);

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
  });

  test("names and titles are found in Latin letters, folded as the site folds them", () => {
    expect(find("zhaparov")).toEqual(["agents/sadyr-japarov/index.html"]);
    expect(find("japarov")).toEqual(["agents/sadyr-japarov/index.html"]);
    expect(find("zhertv massovykh")).toEqual(["laws/kz/on-rehabilitation/index.html"]);
    expect(find("z930002200")).toEqual(["laws/kz/on-rehabilitation/index.html"]);
    expect(find("asanova")).toEqual(["articles/a-comment/index.html"]);
  });

  test("the script sets one global, with the fold table of the letters any-ascii spells", () => {
    const script = searchIndexScript(documents);
    expect(script.startsWith("window.MarginaliaSearch = {")).toBe(true);
    const data = JSON.parse(script.slice("window.MarginaliaSearch = ".length, -2)) as {
      fold: Record<string, string>;
      count: number;
    };
    expect(data.count).toBe(5);
    expect(data.fold["Ж"]).toBe("Zh");
    expect(data.fold["ž"]).toBe("z");
    expect(script).not.toContain("</");
  });
});
