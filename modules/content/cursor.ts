import { isRecordId } from "@/lib/validation";

/**
 * Keyset pagination cursors: the sort value and id of the last row shown, opaque to the browser.
 * A page costs the same at row 100,000 as at row 1, unlike OFFSET.
 */
export function encodeCursor(sortValue: string | number, id: number): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { sortValue: string | number; id: number } | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      // An id no integer column holds would reach the query as a database error.
      isRecordId(parsed[1]) &&
      ["string", "number"].includes(typeof parsed[0])
    ) {
      return { sortValue: parsed[0] as string | number, id: parsed[1] as number };
    }
  } catch {
    // A hand-edited or stale cursor starts from the first page.
  }
  return null;
}

/**
 * Whether a cursor's sort value is an exact timestamp as the lists write it (microseconds, UTC)
 * and a real one: "2024-13-45T…" would reach the query as a database error.
 */
export function isTimestampKey(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value)) return false;
  return (
    isRealDate(value.slice(0, 10)) && new Date(`${value.slice(0, 23)}Z`).toISOString() === `${value.slice(0, 23)}Z`
  );
}

/** Whether a cursor's sort value is a real calendar date (YYYY-MM-DD). */
export function isDateKey(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value);
}

function isRealDate(ymd: string): boolean {
  const date = new Date(`${ymd}T00:00:00Z`);
  // Year 0 does not exist in PostgreSQL's calendar; 2024-02-30 does not exist in anyone's.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === ymd && !ymd.startsWith("0000");
}
