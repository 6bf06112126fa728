import { parse } from "csv-parse/sync";
import type { Origin, RecordKind, RowError } from "./records";
import type { ParsedRecord } from "./read";

/**
 * CSV: one file per type, named for it (laws.csv, law_timeline.csv…), a header row naming the
 * columns (docs/import-format.md), one record per row. Lists in a cell are separated by "|";
 * "lang: text" pairs name a language. A law's timeline, texts and relations come in their own
 * files, one row each, naming the law by its external_id.
 */
export const csvFiles = {
  "topics.csv": ["slug", "name", "description", "parent"],
  "sources.csv": ["external_id", "title", "url", "archived_url", "accessed_on", "note"],
  "agents.csv": ["external_id", "slug", "kind", "name", "names", "description", "links"],
  "laws.csv": [
    "external_id",
    "slug",
    "jurisdiction",
    "type",
    "status",
    "title",
    "titles",
    "summary",
    "identifiers",
    "topics",
    "sources",
  ],
  "law_timeline.csv": ["law_external_id", "kind", "date", "agent", "source", "note"],
  "law_texts.csv": ["law_external_id", "lang", "official", "effective_date", "source", "body"],
  "law_relations.csv": ["law_external_id", "kind", "related_law", "note"],
  "figures.csv": ["external_id", "label", "jurisdiction", "unit", "note", "laws"],
  "figure_accounts.csv": ["figure_external_id", "value", "as_of", "source", "preferred"],
  "articles.csv": [
    "external_id",
    "slug",
    "kind",
    "title",
    "lang",
    "original_date",
    "original_url",
    "authors",
    "publisher",
    "credited_agent",
    "laws",
    "topics",
    "jurisdictions",
    "sources",
    "body",
  ],
} as const;
export type CsvFileName = keyof typeof csvFiles;

const requiredColumns: Record<CsvFileName, string[]> = {
  "topics.csv": ["slug", "name"],
  "sources.csv": ["title"],
  "agents.csv": ["external_id", "kind", "name"],
  "laws.csv": ["external_id", "jurisdiction", "type", "status", "title"],
  "law_timeline.csv": ["law_external_id", "kind"],
  "law_texts.csv": ["law_external_id", "lang", "body"],
  "law_relations.csv": ["law_external_id", "kind", "related_law"],
  "figures.csv": ["external_id", "label"],
  "figure_accounts.csv": ["figure_external_id", "value"],
  "articles.csv": ["external_id", "kind", "title"],
};

type Row = Record<string, string>;
type CsvRow = { row: Row; origin: Origin };

export function isCsvFile(name: string): name is CsvFileName {
  return Object.hasOwn(csvFiles, baseName(name));
}

export function baseName(name: string): string {
  return name.split(/[\\/]/).pop()!.toLowerCase();
}

const list = (cell: string | undefined) =>
  (cell ?? "")
    .split("|")
    .map((x) => x.trim())
    .filter(Boolean);
/** "ru: Жапаров Садыр" → { lang: "ru", text: "Жапаров Садыр" }. */
const pairs = (cell: string | undefined, error: (reason: string) => void) =>
  list(cell).flatMap((entry) => {
    const match = /^([A-Za-z0-9-]{2,12})\s*:\s*(.+)$/.exec(entry);
    if (match) return [{ lang: match[1]!, text: match[2]!.trim() }];
    error(`"${entry}" is not "language: text" (for example "ru: Закон").`);
    return [];
  });
const blankToUndefined = (cell: string | undefined) => (cell?.trim() ? cell.trim() : undefined);
const yes = (cell: string | undefined) => /^(true|yes|1|y)$/i.test(cell?.trim() ?? "");
const refOf = (cell: string | undefined) => blankToUndefined(cell) ?? null;

/**
 * The records of a set of CSV files, in the JSON records' shape, each able to say which file, row
 * and column a field came from.
 */
export function readCsvFiles(files: { name: string; text: string }[]): { records: ParsedRecord[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows = new Map<CsvFileName, CsvRow[]>();
  for (const file of files) {
    const name = baseName(file.name) as CsvFileName;
    const parsed = parseCsv(file.name, file.text, name, errors);
    if (parsed) rows.set(name, [...(rows.get(name) ?? []), ...parsed]);
  }
  const records: ParsedRecord[] = [];
  const simple = (
    name: CsvFileName,
    kind: RecordKind,
    toRaw: (row: Row, error: (field: string, reason: string) => void) => unknown,
  ) => {
    for (const { row, origin } of rows.get(name) ?? []) {
      const error = (field: string, reason: string) => errors.push({ ...origin, field, reason });
      records.push({ kind, origin, raw: toRaw(row, error), locate: columnOf(origin) });
    }
  };
  simple("topics.csv", "topics", (r) => ({
    slug: r.slug,
    name: r.name,
    description: r.description ?? "",
    parent: blankToUndefined(r.parent),
  }));
  simple("sources.csv", "sources", (r) => ({
    externalId: blankToUndefined(r.external_id),
    title: r.title,
    url: r.url ?? "",
    archivedUrl: r.archived_url ?? "",
    accessedOn: blankToUndefined(r.accessed_on) ?? null,
    note: r.note ?? "",
  }));
  simple("agents.csv", "agents", (r, error) => ({
    externalId: r.external_id,
    slug: blankToUndefined(r.slug),
    kind: r.kind,
    name: r.name,
    names: pairs(r.names, (reason) => error("names", reason)).map((p) => ({ lang: p.lang, name: p.text })),
    description: r.description ?? "",
    links: list(r.links).map((url) => ({ label: "Website", url })),
  }));
  readLaws(rows, records, errors);
  simple("articles.csv", "articles", (r) => ({
    externalId: r.external_id,
    slug: blankToUndefined(r.slug),
    kind: r.kind,
    title: r.title,
    lang: blankToUndefined(r.lang) ?? "en",
    body: r.body ?? "",
    originalDate: blankToUndefined(r.original_date) ?? null,
    originalUrl: r.original_url ?? "",
    authors: list(r.authors),
    publisher: refOf(r.publisher),
    creditedAgent: refOf(r.credited_agent),
    laws: list(r.laws),
    topics: list(r.topics),
    jurisdictions: list(r.jurisdictions),
    sources: list(r.sources),
  }));
  readFigures(rows, records, errors);
  return { records, errors };
}

/** Figures, each with its sourced values from figure_accounts.csv, one row each. */
function readFigures(rows: Map<CsvFileName, CsvRow[]>, records: ParsedRecord[], errors: RowError[]) {
  const accounts = new Map<string, CsvRow[]>();
  for (const account of rows.get("figure_accounts.csv") ?? []) {
    const key = account.row.figure_external_id!.trim();
    accounts.set(key, [...(accounts.get(key) ?? []), account]);
  }
  for (const { row, origin } of rows.get("figures.csv") ?? []) {
    const id = row.external_id!.trim();
    const mine = accounts.get(id) ?? [];
    accounts.delete(id);
    records.push({
      kind: "figures",
      origin,
      raw: {
        externalId: id,
        label: row.label,
        jurisdiction: blankToUndefined(row.jurisdiction) ?? null,
        unit: row.unit ?? "",
        note: row.note ?? "",
        laws: list(row.laws),
        accounts: mine.map(({ row: a }) => ({
          value: a.value,
          asOf: blankToUndefined(a.as_of) ?? null,
          source: refOf(a.source),
          preferred: yes(a.preferred),
        })),
      },
      locate: (path) => {
        const [field, index] = path;
        const account = field === "accounts" && typeof index === "number" ? mine[index] : undefined;
        if (account) return { ...account.origin, field: columnName(path.slice(2), account.origin.file) };
        return { ...origin, field: field === "accounts" ? "figure_external_id" : columnName(path, origin.file) };
      },
    });
  }
  for (const [id, orphans] of accounts)
    for (const account of orphans)
      errors.push({
        ...account.origin,
        field: "figure_external_id",
        reason: `No row of figures.csv has the external_id "${id}".`,
      });
}

/** Laws, with their timeline, texts and relations gathered from their own files. */
function readLaws(rows: Map<CsvFileName, CsvRow[]>, records: ParsedRecord[], errors: RowError[]) {
  type Child = { value: Record<string, unknown>; origin: Origin };
  const children = (name: CsvFileName, toValue: (row: Row) => Record<string, unknown>) => {
    const byLaw = new Map<string, Child[]>();
    for (const { row, origin } of rows.get(name) ?? []) {
      const key = row.law_external_id!.trim();
      byLaw.set(key, [...(byLaw.get(key) ?? []), { value: toValue(row), origin }]);
    }
    return byLaw;
  };
  const timeline = children("law_timeline.csv", (r) => ({
    kind: r.kind,
    agent: refOf(r.agent),
    note: r.note ?? "",
    accounts:
      blankToUndefined(r.date) || blankToUndefined(r.source)
        ? [{ date: blankToUndefined(r.date) ?? null, source: refOf(r.source), preferred: true }]
        : [],
  }));
  const texts = children("law_texts.csv", (r) => ({
    lang: r.lang,
    official: yes(r.official),
    effectiveDate: blankToUndefined(r.effective_date) ?? null,
    source: refOf(r.source),
    body: r.body,
  }));
  const related = children("law_relations.csv", (r) => ({ kind: r.kind, law: r.related_law, note: r.note ?? "" }));
  const claimed = new Set<string>();
  for (const { row, origin } of rows.get("laws.csv") ?? []) {
    const id = row.external_id!.trim();
    claimed.add(id);
    const error = (field: string) => (reason: string) => errors.push({ ...origin, field, reason });
    const mine = { timeline: timeline.get(id) ?? [], texts: texts.get(id) ?? [], related: related.get(id) ?? [] };
    records.push({
      kind: "laws",
      origin,
      raw: {
        externalId: id,
        slug: blankToUndefined(row.slug),
        jurisdiction: row.jurisdiction,
        type: row.type,
        status: row.status,
        title: row.title,
        titles: pairs(row.titles, error("titles")).map((p) => ({ lang: p.lang, title: p.text })),
        summary: row.summary ?? "",
        identifiers: list(row.identifiers).map((entry) => {
          const [registry, ...value] = entry.split(":");
          if (!value.length) error("identifiers")(`"${entry}" is not "registry: number".`);
          return { registry: registry!.trim(), value: value.join(":").trim() };
        }),
        topics: list(row.topics),
        sources: list(row.sources),
        timeline: mine.timeline.map((c) => c.value),
        texts: mine.texts.map((c) => c.value),
        related: mine.related.map((c) => c.value),
      },
      locate: (path) => {
        const [list, index] = path;
        if ((list === "timeline" || list === "texts" || list === "related") && typeof index === "number") {
          const child = mine[list][index];
          if (child) return { ...child.origin, field: columnName(path.slice(2), child.origin.file) };
        }
        return { ...origin, field: columnName(path, origin.file) };
      },
    });
  }
  for (const byLaw of [timeline, texts, related])
    for (const [id, list] of byLaw)
      if (!claimed.has(id))
        for (const child of list)
          errors.push({
            ...child.origin,
            field: "law_external_id",
            reason: `No row of laws.csv has the external_id "${id}".`,
          });
}

/**
 * The CSV column a field of a record came from: the first part of its path that names a column of
 * the file (titles.0.lang → titles, accounts.0.date → date), else its last named part in snake_case.
 */
function columnName(path: PropertyKey[], file: string): string {
  const columns: readonly string[] = csvFiles[baseName(file) as CsvFileName] ?? [];
  const named = path
    .filter((p): p is string => typeof p === "string")
    .map((p) => (p === "law" ? "related_law" : p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return named.find((column) => columns.includes(column)) ?? named.at(-1) ?? "";
}

const columnOf = (origin: Origin) => (path: PropertyKey[]) => ({ ...origin, field: columnName(path, origin.file) });

function parseCsv(fileName: string, text: string, name: CsvFileName, errors: RowError[]): CsvRow[] | null {
  const bytes = Buffer.from(text.replace(/^\uFEFF/, ""));
  const lineAt = lineCounter(bytes);
  // csv-parse counts a CRLF inside a quoted cell as two lines, and names a record's last line:
  // each record's first line is counted here instead, from where the record before it ended.
  let end = 0;
  let width = 0;
  const starts: number[] = [];
  let parsed: { cells: string[]; line: number }[];
  try {
    const records = parse(bytes, {
      skip_empty_lines: true,
      relax_column_count: false,
      on_record: (cells, info) => {
        starts.push(lineAt(end));
        width ||= cells.length;
        end = info.bytes;
        return cells;
      },
    });
    parsed = records.map((cells, i) => ({ cells, line: starts[i]! }));
  } catch (error) {
    const at = error as { code?: string; message?: string; record?: string[] };
    // csv-parse's messages name its own line count; the error's row is the line the record starts on.
    const reason =
      at.code === "CSV_QUOTE_NOT_CLOSED"
        ? 'A quoted cell that starts on this row is never closed: end it with ", and write "" for a quote inside a cell.'
        : at.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" && at.record
          ? `This row has ${at.record.length} cells; the header row has ${width}.`
          : at.code === "CSV_INVALID_CLOSING_QUOTE"
            ? 'A quoted cell goes on after its closing quote: write "" for a quote inside a quoted cell.'
            : (at.message ?? "").replace(/ (at|on) line \d+.*$/, "");
    errors.push({ file: fileName, row: lineAt(end), field: "", reason: `This file is not valid CSV: ${reason}` });
    return null;
  }
  const [head, ...body] = parsed;
  if (!head) return [];
  const header = head.cells.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(csvFiles[name]);
  const before = errors.length;
  header.forEach((column, index) => {
    if (!known.has(column))
      errors.push({
        file: fileName,
        row: head.line,
        field: column,
        reason: `${name} has no column "${column}". Its columns: ${csvFiles[name].join(", ")}.`,
      });
    else if (header.indexOf(column) !== index)
      errors.push({ file: fileName, row: head.line, field: column, reason: `The column "${column}" appears twice.` });
  });
  for (const column of requiredColumns[name])
    if (!header.includes(column))
      errors.push({ file: fileName, row: head.line, field: column, reason: `${name} needs a "${column}" column.` });
  if (errors.length > before) return null;
  return body.map(({ cells, line }) => ({
    row: Object.fromEntries(header.map((column, i) => [column, cells[i]!])),
    origin: { file: fileName, row: line },
  }));
}

/** The line (from 1) a record starting at a byte offset is on, for offsets asked in increasing order. */
function lineCounter(bytes: Buffer) {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    // Blank lines between records are skipped, so the record starts at the next character.
    while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d)) offset++;
    for (; pos < offset; pos++) if (bytes[pos] === 0x0a || (bytes[pos] === 0x0d && bytes[pos + 1] !== 0x0a)) line++;
    return line;
  };
}
