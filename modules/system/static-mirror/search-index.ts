import anyAscii from "any-ascii";
import { foldForSearch } from "@/lib/text";
import type { Dump } from "./data-dump";
import { sitePath } from "./http";
import { mirrorTarget } from "./paths";

/**
 * The mirror's search index, built from the JSON dump: titles, names and their variants,
 * identifiers and summaries of laws, articles, agents, topics and jurisdictions. Text is folded as
 * the site's search folds it (foldForSearch: Жапаров, Žaparov and Zhaparov meet), and the page
 * folds what the reader types with the same table (`fold`, made here by any-ascii for the Latin,
 * Greek and Cyrillic letters).
 *
 * An archive of 60,000 items would make one index of 60 MB, too much for a reader to load before
 * a first result. So the index is split as pagefind splits its own: the words by their first two
 * letters (`search/terms/re.js` holds every word that starts with "re", with the items that have
 * it), the items' titles and snippets by the 100 (`search/docs/0.js`); the page loads the files of
 * the words typed and of the results shown, 20 at a time. Each file is a script that hands its part to a global,
 * since a page opened from a folder (file://) cannot fetch JSON.
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

/** How much a word counts where it is found: a title weighs more than the start of a text. */
const fieldWeights = { title: 3, names: 2, text: 1 } as const;
/** Items per file of titles and snippets: a page of 20 results loads at most 20 small files. */
const documentsPerFile = 100;
/** The file a word is in: its first two letters (a word of one letter, alone). */
export const termFile = (term: string) => term.slice(0, 2);

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

/**
 * The index's files by their path in the mirror: `search/index-data.js` (the fold table, the item
 * count and which word files there are), `search/terms/<first two letters>.js` (each word with its
 * items and scores: [item, score, item, score, …]) and `search/docs/<n>.js` (items n×100 on, each
 * as [type, label, path, also, snippet]).
 */
export function searchIndexFiles(documents: SearchDocument[]): Map<string, string> {
  const files = new Map<string, Map<string, Map<number, number>>>();
  documents.forEach((document, item) => {
    for (const [field, weight] of Object.entries(fieldWeights))
      for (const term of document[field as keyof typeof fieldWeights].split(" ")) {
        if (!term) continue;
        const key = termFile(term);
        const terms = files.get(key) ?? files.set(key, new Map()).get(key)!;
        const items = terms.get(term) ?? terms.set(term, new Map()).get(term)!;
        items.set(item, (items.get(item) ?? 0) + weight);
      }
  });
  const out = new Map<string, string>();
  for (const [key, terms] of files) {
    const data = Object.fromEntries([...terms].map(([term, items]) => [term, [...items].flat()]));
    out.set(`search/terms/${key}.js`, `MarginaliaSearch.addTerms(${script(key)}, ${script(data)});\n`);
  }
  for (let n = 0; n * documentsPerFile < documents.length; n++) {
    const part = documents
      .slice(n * documentsPerFile, (n + 1) * documentsPerFile)
      .map((d) => [d.type, d.label, d.path, d.also, d.snippet]);
    out.set(`search/docs/${n}.js`, `MarginaliaSearch.addDocuments(${n}, ${script(part)});\n`);
  }
  const index = {
    fold: foldTable(),
    count: documents.length,
    perFile: documentsPerFile,
    terms: [...files.keys()].sort(),
  };
  out.set("search/index-data.js", `window.MarginaliaSearch = ${script(index)};\n`);
  return out;
}

// `<` escaped: the data holds the archive's text, and each file must stay a script.
const script = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
