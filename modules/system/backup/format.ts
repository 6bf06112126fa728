import { z } from "zod";

/**
 * The backup file (docs/backup-format.md): gzip'd JSON Lines. A header line, then for each table a
 * section line and its rows, then an end line. Bump `backupVersion` when this shape changes, and
 * keep reading the older versions.
 */
export const backupFormat = "marginalia-backup";
export const backupVersion = 1;

/** What users.password_hash holds after a restore from a file without hashes: no password verifies against it. */
export const noPasswordHash = "!restored-without-password-hash";

/** A backup file that cannot be restored, with the reason, for the person at the terminal. */
export class BackupFileError extends Error {
  override name = "BackupFileError";
}

const tableEntry = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  primaryKey: z.array(z.string().min(1)).min(1),
  rows: z.number().int().nonnegative(),
});

const sequenceEntry = z.object({
  table: z.string().min(1),
  column: z.string().min(1),
  // Text: a bigint sequence may pass 2^53. Null when the sequence was never used.
  lastValue: z.string().regex(/^\d+$/).nullable(),
});

const header = z.object({
  format: z.literal(backupFormat),
  version: z.literal(backupVersion),
  migration: z.string().min(1),
  createdAt: z.string(),
  passwordHashes: z.boolean(),
  tables: z.array(tableEntry),
  sequences: z.array(sequenceEntry),
});

export type BackupHeader = z.infer<typeof header>;
export type TableEntry = z.infer<typeof tableEntry>;
export type SequenceEntry = z.infer<typeof sequenceEntry>;

export const sectionLine = z.object({ table: z.string(), rows: z.number().int().nonnegative() });
export const endLine = z.object({ end: z.literal(true), rows: z.number().int().nonnegative() });

/** Parses the first line, refusing another format or a version this code does not know. */
export function parseHeader(line: string | undefined): BackupHeader {
  const value = parseJsonLine(line, 1);
  const { format, version } = (value ?? {}) as { format?: unknown; version?: unknown };
  if (format !== backupFormat)
    throw new BackupFileError("This is not a Marginalia backup file (its first line does not say so).");
  if (version !== backupVersion) {
    throw new BackupFileError(
      `This backup file is in format version ${JSON.stringify(version)}; this version of Marginalia reads version ${backupVersion} only.`,
    );
  }
  const parsed = header.safeParse(value);
  if (!parsed.success)
    throw new BackupFileError(`The backup file's header is damaged: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function parseJsonLine(line: string | undefined, lineNumber: number): unknown {
  if (line === undefined)
    throw new BackupFileError(`The backup file ends early, before line ${lineNumber}: it is truncated.`);
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupFileError(`Line ${lineNumber} of the backup file is not JSON: the file is damaged.`);
  }
}
