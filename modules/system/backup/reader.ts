import {
  BackupFileError,
  endLine,
  parseHeader,
  parseJsonLine,
  sectionLine,
  type BackupHeader,
  type TableEntry,
} from "./format";
import { readLines } from "./lines";

/** A row as the file has it: its line number, for errors, and its JSON text, passed on unparsed. */
export type Row = { line: number; text: string };

/**
 * Reads a backup file in its order (docs/backup-format.md): the header, each table's section and
 * rows, the end. Anything out of place is a BackupFileError naming the line.
 */
export function openBackup(file: string) {
  const lines = readLines(file);
  // The number of the line last read (or, at the end, of the one that is missing).
  let lineNumber = 0;
  const next = async (): Promise<string | undefined> => {
    lineNumber++;
    const { value, done } = await lines.next();
    return done ? undefined : value;
  };
  const damaged = (what: string) =>
    new BackupFileError(`Line ${lineNumber} of the backup file should be ${what}: the file is damaged.`);

  return {
    async header(): Promise<BackupHeader> {
      return parseHeader(await next());
    },

    async *rows(entry: TableEntry): AsyncGenerator<Row> {
      const section = sectionLine.safeParse(parseJsonLine(await next(), lineNumber));
      if (!section.success || section.data.table !== entry.name || section.data.rows !== entry.rows) {
        throw damaged(`the start of table ${entry.name}`);
      }
      for (let i = 0; i < entry.rows; i++) {
        const text = await next();
        const value = parseJsonLine(text, lineNumber);
        if (typeof value !== "object" || value === null || Array.isArray(value))
          throw damaged(`a row of ${entry.name}`);
        yield { line: lineNumber, text: text! };
      }
    },

    async end(total: number): Promise<void> {
      const end = endLine.safeParse(parseJsonLine(await next(), lineNumber));
      if (!end.success || end.data.rows !== total) throw damaged("its end");
      if ((await next()) !== undefined)
        throw new BackupFileError("The backup file goes on after its end: it is damaged.");
    },

    async close(): Promise<void> {
      await lines.return(undefined);
    },
  };
}
