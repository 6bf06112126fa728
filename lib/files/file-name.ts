/**
 * A file name as the archive keeps it: the last part of whatever path a browser sent, in NFC,
 * without control characters or slashes, at most 255 characters with its extension kept.
 */
export function cleanFileName(raw: string, fallback = "file"): string {
  const last = raw.split(/[/\\]/).pop() ?? "";
  const clean = last
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .trim()
    .replace(/^\.+/, "");
  if (!clean) return fallback;
  if (clean.length <= 255) return clean;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(clean)?.[0] ?? "";
  return clean.slice(0, 255 - extension.length) + extension;
}
