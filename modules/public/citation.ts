/** What a citation of a law names: the exact version, where to find it, and when it was read. */
export type CitedLaw = {
  title: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  year: number | null;
  identifier: string | null;
  slug: string;
  version: number;
  versionDate: Date;
  permalink: string;
  // The reader's own day; null where it is not known (a page stored for every reader).
  accessed: Date | null;
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const longDay = (d: Date) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);

/** A reference a reader can paste into a text: title, jurisdiction and year, version, address, access date. */
export function plainCitation(law: CitedLaw): string {
  const where = [law.jurisdictionName, law.year].filter(Boolean).join(", ");
  return [
    `${law.title} (${where}).`,
    law.identifier ? `${law.identifier}.` : "",
    `Marginalia, version ${law.version} of ${longDay(law.versionDate)}.`,
    law.accessed ? `${law.permalink} (accessed ${longDay(law.accessed)}).` : `${law.permalink}.`,
  ]
    .filter(Boolean)
    .join(" ");
}

// BibTeX reads these as commands or delimiters; everything else (Cyrillic included) passes as UTF-8.
const bibEscape = (text: string) =>
  text
    .replace(/[\\{}]/g, (c) => `\\${c}`)
    .replace(/[%&$#_^~]/g, (c) => (c === "^" || c === "~" ? `\\${c}{}` : `\\${c}`));

export function bibtexCitation(law: CitedLaw): string {
  const key = `marginalia-${law.jurisdictionCode.toLowerCase()}-${law.slug}-v${law.version}`.replace(
    /[^a-z0-9-]/g,
    "-",
  );
  const fields: [string, string][] = [
    ["title", `{${bibEscape(law.title)}}`],
    ["author", `{${bibEscape(law.jurisdictionName)}}`],
    ...(law.year ? ([["year", String(law.year)]] as [string, string][]) : []),
    ...(law.identifier ? ([["number", bibEscape(law.identifier)]] as [string, string][]) : []),
    ["note", `Version ${law.version}, published in Marginalia on ${isoDay(law.versionDate)}`],
    ["howpublished", `\\url{${law.permalink}}`],
    ...(law.accessed ? ([["urldate", isoDay(law.accessed)]] as [string, string][]) : []),
  ];
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n")}\n}`;
}

const dateParts = (d: Date) => [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]];

/** CSL-JSON, which Zotero and citation processors read. */
export function cslJsonCitation(law: CitedLaw): string {
  const item = {
    id: `marginalia-${law.jurisdictionCode.toLowerCase()}-${law.slug}-v${law.version}`,
    type: "legislation",
    title: law.title,
    authority: law.jurisdictionName,
    jurisdiction: law.jurisdictionCode.toLowerCase(),
    ...(law.year ? { issued: { "date-parts": [[law.year]] } } : {}),
    ...(law.identifier ? { number: law.identifier } : {}),
    version: String(law.version),
    "container-title": "Marginalia",
    URL: law.permalink,
    ...(law.accessed ? { accessed: { "date-parts": dateParts(law.accessed) } } : {}),
  };
  return JSON.stringify([item], null, 2);
}
