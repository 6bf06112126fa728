import "server-only";
import { createHash } from "node:crypto";
import { keepIslandHtml } from "./store";

/**
 * Hand `html` to the server rendering of an HtmlIsland (components/ui/html-island.tsx) and return
 * the key the island names it by. The key is a hash of the HTML: the same text gives the same
 * payload in every render, and an island fetched again finds its text only while it is unchanged.
 */
export function shareIslandHtml(html: string): string {
  const key = createHash("sha256").update(html).digest("base64url").slice(0, 22);
  keepIslandHtml(key, html);
  return key;
}
