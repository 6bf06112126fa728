import anyAscii from "any-ascii";
import MiniSearch from "minisearch";
import { foldForSearch } from "@/lib/text";
import type { Dump } from "./data-dump";
import { sitePath } from "./http";
import { mirrorTarget } from "./paths";

/**
 * The mirror's search index, built from the JSON dump with MiniSearch: titles, names and their
 * variants, identifiers and summaries of laws, articles, agents, topics and jurisdictions. Text is
 * folded as the site's search folds it (foldForSearch: Жапаров, Žaparov and Zhaparov meet), and the
 * page folds what the reader types with the same table (`fold`, made here by any-ascii for the
 * Latin, Greek and Cyrillic letters). It ships as a script that sets a global, since a page opened
 * from a folder (file://) cannot fetch JSON.
 */
export type SearchDocument = {
  id: number;
  type: string;
  label: string;
  path: string;
  also: string;
  snippet: string;
  title: string;
  names: string;
  text: string;
};

export const searchOptions = {
  fields: ["title", "names", "text"],
  storeFields: ["type", "label", "path", "also", "snippet"],
};

type Item = Record<string, unknown>;
const str = (value: unknown) => (typeof value === "string" ? value : "");
const list = (value: unknown) => (Array.isArray(value) ? (value as Item[]) : []);
const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Markdown's marks left out, for a snippet: links keep their words. */
const plainText = (markdown: string) =>
  markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#*_>`~|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

export function searchDocuments(dump: Dump, origins: string[]): SearchDocument[] {
  const documents: SearchDocument[] = [];
  const add = (item: Item, type: string, label: string, names: string[], text: string[]) => {
    const address = sitePath(str(item.url), origins);
    const target = address ? mirrorTarget(new URL(address, "http://x").pathname) : null;
    if (target?.kind !== "file") return;
    const others = [...new Set(names.filter((name) => name && name !== label))];
    documents.push({
      id: documents.length + 1,
      type,
      label,
      path: target.file,
      also: clip(others.join(" · "), 200),
      snippet: clip(text.find(Boolean) ?? "", 160),
      title: foldForSearch(label),
      names: foldForSearch(others.join(" ")),
      // The start of the text only: the index is loaded whole by every reader of the search page.
      text: foldForSearch(text.join(" ")).slice(0, 300),
    });
  };
  for (const law of dump.laws) {
    const titles = list(law.titles).map((t) => str(t.title));
    const identifiers = list(law.identifiers).map((i) => [str(i.registry), str(i.value)].filter(Boolean).join(" "));
    const jurisdiction = str((law.jurisdiction as Item | undefined)?.name);
    add(law, "Law", str(law.title), [...titles, ...identifiers], [str(law.summary), jurisdiction]);
  }
  for (const article of dump.articles) {
    const authors = list(article.authors).map((a) => str(a.name));
    const publisher = str((article.publisher as Item | null)?.name);
    const credited = str((article.creditedAgent as Item | null)?.name);
    add(
      article,
      "Article",
      str(article.title),
      [...authors, publisher, credited],
      [plainText(str(article.body).slice(0, 800))],
    );
  }
  for (const agent of dump.agents) {
    const names = list(agent.otherNames).map((n) => str(n.name));
    add(agent, "Person or organization", str(agent.name), names, [str(agent.description)]);
  }
  for (const topic of dump.topics) add(topic, "Topic", str(topic.name), [], [str(topic.description)]);
  for (const place of dump.jurisdictions) add(place, "Jurisdiction", str(place.name), [str(place.code)], []);
  return documents;
}

/** Letters any-ascii spells differently, for the page to fold a query as foldForSearch would. */
function foldTable(): Record<string, string> {
  const ranges: [number, number][] = [
    [0x00c0, 0x024f],
    [0x0370, 0x03ff],
    [0x0400, 0x052f],
    [0x1e00, 0x1eff],
  ];
  const table: Record<string, string> = {};
  for (const [from, to] of ranges)
    for (let code = from; code <= to; code++) {
      const letter = String.fromCodePoint(code);
      const folded = anyAscii(letter);
      if (folded !== letter) table[letter] = folded;
    }
  return table;
}

/** The script `search/index-data.js`: the serialized index, its options and the fold table. */
export function searchIndexScript(documents: SearchDocument[]): string {
  const index = new MiniSearch<SearchDocument>(searchOptions);
  index.addAll(documents);
  const data = { options: searchOptions, index: index.toJSON(), fold: foldTable(), count: documents.length };
  // `<` escaped: the data holds the archive's text, and this file must stay a script.
  return `window.MarginaliaSearch = ${JSON.stringify(data).replace(/</g, "\\u003c")};\n`;
}
