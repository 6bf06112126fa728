/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNextPath(value: unknown): string {
  // Browsers drop tabs and newlines from URLs, so "/\t/evil" would become "//evil": refuse them all.
  if (typeof value !== "string" || !/^\/(?!\/)[^\\\s\x00-\x1f]*$/.test(value)) {
    return "/admin";
  }
  return value;
}
