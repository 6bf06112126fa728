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
      Number.isInteger(parsed[1]) &&
      ["string", "number"].includes(typeof parsed[0])
    ) {
      return { sortValue: parsed[0] as string | number, id: parsed[1] as number };
    }
  } catch {
    // A hand-edited or stale cursor starts from the first page.
  }
  return null;
}
