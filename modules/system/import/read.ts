import { z } from "zod";
import { isCsvFile, readCsvFiles } from "./csv";
import { recordKinds, recordSchemas, type Origin, type RecordKind, type RowError } from "./records";
import type { ImportFile } from "./report";

/** A record as read from its file, before validation; `locate` names the file, row and field of a path in it. */
export type ParsedRecord = {
  kind: RecordKind;
  origin: Origin;
  raw: unknown;
  locate: (path: PropertyKey[]) => Omit<RowError, "reason">;
};

export type ValidRecord = {
  [K in RecordKind]: {
    kind: K;
    origin: Origin;
    value: z.output<(typeof recordSchemas)[K]>;
    locate: ParsedRecord["locate"];
  };
}[RecordKind];

export const importFormat = "marginalia-import";
export const importVersion = 1;

const jsonFile = z.object({
  format: z.literal(importFormat, { message: `Set "format" to "${importFormat}".` }),
  version: z.literal(importVersion, { message: `This version of Marginalia reads "version": ${importVersion}.` }),
  ...Object.fromEntries(recordKinds.map((kind) => [kind, z.array(z.unknown()).optional()])),
});

/** Reads every file and validates every record; the errors name file, row and field. */
export function readImportFiles(files: ImportFile[]): { records: ValidRecord[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const parsed: ParsedRecord[] = [];
  const csv = files.filter((f) => isCsvFile(f.name));
  for (const file of files) {
    if (isCsvFile(file.name)) continue;
    if (!/\.json$/i.test(file.name)) {
      errors.push({
        file: file.name,
        row: 0,
        field: "",
        reason: "Import a .json file in the API's shape, or CSV files named for their type (laws.csv, agents.csv…).",
      });
      continue;
    }
    parsed.push(...readJson(file, errors));
  }
  const fromCsv = readCsvFiles(csv);
  parsed.push(...fromCsv.records);
  errors.push(...fromCsv.errors);

  const records: ValidRecord[] = [];
  for (const record of parsed) {
    const result = recordSchemas[record.kind].safeParse(record.raw);
    if (result.success)
      records.push({
        kind: record.kind,
        origin: record.origin,
        value: result.data,
        locate: record.locate,
      } as ValidRecord);
    else for (const issue of result.error.issues) errors.push({ ...record.locate(issue.path), reason: issue.message });
  }
  return { records, errors };
}

function readJson(file: ImportFile, errors: RowError[]): ParsedRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    errors.push({
      file: file.name,
      row: 0,
      field: "",
      reason: `This file is not valid JSON: ${(error as Error).message}`,
    });
    return [];
  }
  const top = jsonFile.safeParse(data);
  if (!top.success) {
    for (const issue of top.error.issues)
      errors.push({ file: file.name, row: 0, field: issue.path.join("."), reason: issue.message });
    return [];
  }
  const body = top.data as unknown as Record<RecordKind, unknown[] | undefined>;
  return recordKinds.flatMap((kind) =>
    (body[kind] ?? []).map((raw, index) => {
      const origin = { file: file.name, row: index + 1 };
      return {
        kind,
        origin,
        raw,
        locate: (path: PropertyKey[]) => ({ ...origin, field: [kind, ...path].map(String).join(".") }),
      };
    }),
  );
}
