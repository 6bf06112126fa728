import type { Origin, RecordKind, RowError } from "./records";

/** One file of an import: a JSON file in the API's shape, or one CSV file of a type. */
export type ImportFile = { name: string; text: string };

export type ImportOptions = {
  /** Check and report only; nothing is written. */
  dryRun: boolean;
  /** Publish what the import creates or changes, in one audited step (admins only). */
  publish: boolean;
};

export type ImportAction = "create" | "update" | "unchanged";

/** A record as the report lists it. */
export type ImportItem = { kind: RecordKind; key: string; title: string; action: ImportAction; origin: Origin };

export type ImportProgress = { phase: "reading" | "checking" | "writing" | "publishing"; done: number; total: number };

/**
 * Awaited after a progress report: one turn of the event loop, so that a streamed answer (the
 * import page's) sends the report now. On the embedded database queries never wait for I/O, and
 * without it every report would leave with the last.
 */
export const afterProgress = () => new Promise<void>((resolve) => setImmediate(resolve));

export type ImportReport = {
  dryRun: boolean;
  published: boolean;
  counts: Record<RecordKind, Record<ImportAction, number>>;
  /** The first records, in file order (the counts hold them all). */
  items: ImportItem[];
  /** Every row error; with any, nothing was written. */
  errors: RowError[];
  ms: number;
};

/** How many records a report lists one by one. */
export const listedItems = 500;
