import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { readImportFiles, type ValidRecord } from "@/modules/system/import/read";
import type { RecordKind, recordSchemas } from "@/modules/system/import/records";
import type { ImportFile } from "@/modules/system/import/report";

/** Reading an import file: what editors rely on before anything is written (docs/import-format.md). */

const examples = path.resolve(import.meta.dirname, "../docs/import-examples");
const exampleJson = (): ImportFile => ({
  name: "example.json",
  text: fs.readFileSync(path.join(examples, "example.json"), "utf8"),
});
const exampleCsv = (): ImportFile[] =>
  fs
    .readdirSync(path.join(examples, "csv"))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(examples, "csv", name), "utf8") }));

/** The values of one type's records. */
const of = <K extends RecordKind>(records: ValidRecord[], kind: K) =>
  records.filter((r) => r.kind === kind).map((r) => r.value as z.output<(typeof recordSchemas)[K]>);

const json = (body: object): ImportFile => ({
  name: "import.json",
  text: JSON.stringify({ format: "marginalia-import", version: 1, ...body }),
});

const lawsCsv = "external_id,jurisdiction,type,status,title\nlaw-1,KG,law,adopted,A law\n";

describe("the documented examples", () => {
  test("example.json reads with no error and gives one record of each type", () => {
    const { records, errors } = readImportFiles([exampleJson()]);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.kind)).toEqual(["topics", "sources", "agents", "laws", "articles", "figures"]);

    const [law] = of(records, "laws");
    expect(law).toMatchObject({
      externalId: "example-law-on-archives",
      jurisdiction: "KG",
      title: "Example Law on Archives",
      identifiers: [{ registry: "Example Register", value: "EX-2021-7" }],
      topics: [{ slug: "example-archives" }],
      sources: [{ externalId: "example-gazette-2021-12" }],
    });
    expect(law!.timeline).toHaveLength(2);
    expect(law!.timeline.map((step) => [step.kind, step.agent, step.accounts[0]!.date])).toEqual([
      ["initiated", { externalId: "example-assembly" }, { date: "2020-11-01", precision: "month", approximate: false }],
      ["adopted", { externalId: "example-assembly" }, { date: "2021-03-10", precision: "day", approximate: false }],
    ]);
    expect(law!.texts).toEqual([
      expect.objectContaining({
        lang: "en",
        official: true,
        effectiveDate: { date: "2021-04-01", precision: "day", approximate: false },
        source: { externalId: "example-gazette-2021-12" },
      }),
    ]);
    expect(of(records, "articles")[0]).toMatchObject({
      laws: [{ externalId: "example-law-on-archives" }],
      publisher: { externalId: "example-assembly" },
      jurisdictions: ["KG"],
      originalDate: { date: "2021-03-12", precision: "day", approximate: false },
    });
  });

  test("the CSV examples read with no error and give the same records as example.json", () => {
    const fromCsv = readImportFiles(exampleCsv());
    expect(fromCsv.errors).toEqual([]);
    const values = (records: ValidRecord[]) => records.map(({ kind, value }) => ({ kind, value }));
    expect(values(fromCsv.records)).toEqual(values(readImportFiles([exampleJson()]).records));
    // Each record names the line it came from; the law's multi-line text is one row.
    expect(fromCsv.records.map((r) => r.origin)).toEqual(
      ["topics.csv", "sources.csv", "agents.csv", "laws.csv", "articles.csv", "figures.csv"].map((file) => ({
        file,
        row: 2,
      })),
    );
  });
});

describe("CSV cells", () => {
  test('lists are split on "|" and "lang: text" pairs name their language; Cyrillic round-trips', () => {
    const { records, errors } = readImportFiles([
      {
        name: "agents.csv",
        text:
          "external_id,kind,name,names,links\n" +
          "a-1,person,Example Person,ru: Пример Персона | ky: Мисал Адам,https://example.org/a|https://example.org/b\n",
      },
      {
        name: "laws.csv",
        text:
          "external_id,jurisdiction,type,status,title,titles,identifiers,topics\n" +
          "law-1,kg,law,adopted,Закон «Пример»,ru: Закон «Пример»: первая редакция,Reg: 1|Other: A:2,t-1 | t-2\n",
      },
    ]);
    expect(errors).toEqual([]);
    expect(of(records, "agents")[0]).toMatchObject({
      names: [
        { lang: "ru", name: "Пример Персона" },
        { lang: "ky", name: "Мисал Адам" },
      ],
      links: [
        { label: "Website", url: "https://example.org/a" },
        { label: "Website", url: "https://example.org/b" },
      ],
    });
    expect(of(records, "laws")[0]).toMatchObject({
      jurisdiction: "KG",
      title: "Закон «Пример»",
      titles: [{ lang: "ru", title: "Закон «Пример»: первая редакция", preferred: false }],
      identifiers: [
        { registry: "Reg", value: "1" },
        { registry: "Other", value: "A:2" },
      ],
      topics: [{ slug: "t-1" }, { slug: "t-2" }],
    });
  });

  test("an error inside a list cell is reported at that cell's column", () => {
    const { errors } = readImportFiles([
      {
        name: "agents.csv",
        text: "external_id,kind,name,names,links\na-1,person,A,Пример без языка,https://example.org\na-2,person,B,RU: Б,example.org\n",
      },
      {
        name: "laws.csv",
        text: "external_id,jurisdiction,type,status,title,identifiers\nlaw-1,KG,law,adopted,A,: 12\n",
      },
    ]);
    expect(errors).toEqual([
      { file: "agents.csv", row: 2, field: "names", reason: expect.stringContaining('is not "language: text"') },
      { file: "agents.csv", row: 3, field: "names", reason: "Use a language code such as ky, ru, en or uz-Latn." },
      { file: "agents.csv", row: 3, field: "links", reason: "Use an http(s) address." },
      { file: "laws.csv", row: 2, field: "identifiers", reason: "Name the registry." },
    ]);
  });

  test("a UTF-8 BOM and CRLF line ends are accepted, as spreadsheets write them", () => {
    const { records, errors } = readImportFiles([
      { name: "topics.csv", text: '\uFEFFslug,name\r\nt-1,Архивы\r\nt-2,"Two\r\nlines"\r\n\r\nt-3,Three\r\n' },
    ]);
    expect(errors).toEqual([]);
    expect(of(records, "topics").map((t) => t.name)).toEqual(["Архивы", "Two\r\nlines", "Three"]);
    // Rows are lines of the file: a cell over two lines and a blank line do not shift them.
    expect(records.map((r) => r.origin.row)).toEqual([2, 3, 6]);
  });
});

describe("errors name file, row and field", () => {
  test("a law_timeline.csv row naming a law not in laws.csv", () => {
    const { errors } = readImportFiles([
      { name: "laws.csv", text: lawsCsv },
      { name: "law_timeline.csv", text: "law_external_id,kind,date\nlaw-1,adopted,2021\nlaw-9,signed,2021\n" },
    ]);
    expect(errors).toEqual([
      {
        file: "law_timeline.csv",
        row: 3,
        field: "law_external_id",
        reason: 'No row of laws.csv has the external_id "law-9".',
      },
    ]);
  });

  test("a bad date in law_texts.csv row 3", () => {
    const { records, errors } = readImportFiles([
      { name: "laws.csv", text: lawsCsv },
      {
        name: "law_texts.csv",
        text: "law_external_id,lang,effective_date,body\nlaw-1,en,2021-04,Text\nlaw-1,ru,2021-02-30,Текст\n",
      },
    ]);
    expect(records).toEqual([]);
    expect(errors).toEqual([
      {
        file: "law_texts.csv",
        row: 3,
        field: "effective_date",
        reason: '"2021-02-30" is not a date: write 2023, 2023-01 or 2023-01-15.',
      },
    ]);
  });

  test("dates: year, month, day, approximate", () => {
    const { records, errors } = readImportFiles([
      { name: "laws.csv", text: lawsCsv },
      { name: "law_timeline.csv", text: "law_external_id,kind,date\nlaw-1,initiated,~1937\nlaw-1,adopted,1991-08\n" },
    ]);
    expect(errors).toEqual([]);
    expect(of(records, "laws")[0]!.timeline.map((s) => s.accounts[0]!.date)).toEqual([
      { date: "1937-01-01", precision: "year", approximate: true },
      { date: "1991-08-01", precision: "month", approximate: false },
    ]);
  });

  test("an unknown column and a missing required column are reported at row 1", () => {
    const { records, errors } = readImportFiles([
      { name: "agents.csv", text: "external_id,kind,full_name\na-1,person,A\n" },
    ]);
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { file: "agents.csv", row: 1, field: "full_name", reason: expect.stringContaining('no column "full_name"') },
      { file: "agents.csv", row: 1, field: "name", reason: 'agents.csv needs a "name" column.' },
    ]);
  });

  test("a file with a header only is checked too", () => {
    const { errors } = readImportFiles([{ name: "topics.csv", text: "slug,title\n" }]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [1, "title"],
      [1, "name"],
    ]);
  });

  test("malformed CSV (an unclosed quote) gives one clear error at the row it starts on", () => {
    const { records, errors } = readImportFiles([
      { name: "topics.csv", text: 'slug,name\nt-1,One\nt-2,"Two\nt-3,Three\n' },
    ]);
    expect(records).toEqual([]);
    expect(errors).toEqual([
      {
        file: "topics.csv",
        row: 3,
        field: "",
        reason: expect.stringMatching(/^This file is not valid CSV: .*never closed/),
      },
    ]);
  });

  test("a row with more cells than the header", () => {
    const { errors } = readImportFiles([{ name: "topics.csv", text: "slug,name\nt-1,One,extra\n" }]);
    expect(errors).toEqual([
      {
        file: "topics.csv",
        row: 2,
        field: "",
        reason: "This file is not valid CSV: This row has 3 cells; the header row has 2.",
      },
    ]);
  });

  test("a bad enum value names the allowed values, in CSV and in JSON", () => {
    const csv = readImportFiles([{ name: "agents.csv", text: "external_id,kind,name\na-1,poet,A\n" }]);
    expect(csv.errors).toEqual([
      {
        file: "agents.csv",
        row: 2,
        field: "kind",
        reason: "Use one of: person, legislature, government_body, media_outlet, publisher, movement, other.",
      },
    ]);
    const fromJson = readImportFiles([
      json({
        laws: [{ externalId: "law-1", jurisdiction: "KG", type: "law", status: "adopted", title: "A" }],
        articles: [{ externalId: "a-1", kind: "blog", title: "A" }],
      }),
    ]);
    expect(fromJson.errors).toEqual([
      {
        file: "import.json",
        row: 1,
        field: "articles.kind",
        reason: "Use one of: news, opinion, analysis, statement.",
      },
    ]);
  });

  test("a nested field of a JSON record is named by its path", () => {
    const { errors } = readImportFiles([
      json({
        laws: [
          { externalId: "law-1", jurisdiction: "KG", type: "law", status: "adopted", title: "A" },
          {
            externalId: "law-2",
            jurisdiction: "KG",
            type: "law",
            status: "adopted",
            title: "B",
            timeline: [
              { kind: "adopted", date: { date: "1937-01-01", precision: "year" } },
              { kind: "signed", date: "in 1937" },
            ],
          },
        ],
      }),
    ]);
    expect(errors).toEqual([
      {
        file: "import.json",
        row: 2,
        field: "laws.timeline.1.date",
        reason: '"in 1937" is not a date: write 2023, 2023-01 or 2023-01-15.',
      },
    ]);
  });
});

describe("JSON in the API's shape", () => {
  test("a law as the API gives it reads, its extra fields ignored and its links taken as references", () => {
    const { records, errors } = readImportFiles([
      json({
        laws: [
          {
            externalId: "law-1",
            jurisdiction: { code: "kg", name: "Kyrgyzstan" },
            slug: "a-law",
            title: "A law",
            summary: "",
            type: "law",
            status: "adopted",
            year: 2021,
            publishedAt: "2026-01-01T00:00:00.000Z",
            url: "https://archive.example.org/laws/KG/a-law",
            topics: [{ slug: "t-1", name: "T" }],
            sources: [{ title: "A gazette", url: "https://example.org/g", archivedUrl: "" }],
            timeline: [
              {
                kind: "signed",
                date: { date: "2021-05-01", precision: "month", approximate: false },
                disputed: false,
                agent: { name: "A person", url: "https://archive.example.org/agents/a-person" },
                note: "",
                accounts: [],
              },
            ],
            texts: [
              { id: 7, lang: "en", official: false, effectiveDate: null, sourceTitle: "A gazette", body: "Text" },
            ],
          },
        ],
      }),
    ]);
    expect(errors).toEqual([]);
    const [law] = of(records, "laws");
    expect(law).not.toHaveProperty("url");
    expect(law).toMatchObject({
      jurisdiction: "KG",
      topics: [{ slug: "t-1" }],
      sources: [{ title: "A gazette", url: "https://example.org/g" }],
      timeline: [
        {
          date: { date: "2021-05-01", precision: "month", approximate: false },
          agent: { name: "A person", url: "https://archive.example.org/agents/a-person" },
        },
      ],
      texts: [{ lang: "en", sourceTitle: "A gazette", body: "Text" }],
    });
  });

  test("a reference object must name something", () => {
    const { errors } = readImportFiles([
      json({ articles: [{ externalId: "a-1", kind: "news", title: "A", publisher: {} }] }),
    ]);
    expect(errors).toEqual([
      {
        file: "import.json",
        row: 1,
        field: "articles.publisher",
        reason: "Name what this refers to: an externalId, a url, a name or a title.",
      },
    ]);
  });
});

describe("files that are refused whole", () => {
  test('a JSON file with another "format" or "version"', () => {
    const wrongFormat = readImportFiles([
      { name: "a.json", text: JSON.stringify({ format: "marginalia-backup", version: 1, laws: [] }) },
    ]);
    expect(wrongFormat.errors).toEqual([
      { file: "a.json", row: 0, field: "format", reason: 'Set "format" to "marginalia-import".' },
    ]);
    const wrongVersion = readImportFiles([
      { name: "b.json", text: JSON.stringify({ format: "marginalia-import", version: 2, laws: [{}] }) },
    ]);
    expect(wrongVersion.records).toEqual([]);
    expect(wrongVersion.errors).toEqual([
      { file: "b.json", row: 0, field: "version", reason: 'This version of Marginalia reads "version": 1.' },
    ]);
  });

  test("invalid JSON", () => {
    const { records, errors } = readImportFiles([{ name: "a.json", text: '{"format": "marginalia-import",' }]);
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { file: "a.json", row: 0, field: "", reason: expect.stringMatching(/^This file is not valid JSON: /) },
    ]);
  });

  test("a file of another type, and a CSV file not named for a type", () => {
    const { errors } = readImportFiles([
      { name: "laws.xlsx", text: "PK\u0003\u0004" },
      { name: "people.csv", text: "name\nA\n" },
    ]);
    expect(errors).toEqual([
      { file: "laws.xlsx", row: 0, field: "", reason: expect.stringContaining("CSV files named for their type") },
      { file: "people.csv", row: 0, field: "", reason: expect.stringContaining("CSV files named for their type") },
    ]);
  });
});
