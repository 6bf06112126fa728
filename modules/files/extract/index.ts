import "server-only";
import { extractDocx, extractHtml, extractOdt, extractPlainText } from "./markup";
import { extractPdf } from "./pdf";
import type { ExtractedText } from "./types";

export type { ExtractedText } from "./types";

/** The text of a file of `mediaType`, or null for a kind that has none to read (images). */
export async function extractText(mediaType: string, bytes: Uint8Array): Promise<ExtractedText | null> {
  switch (mediaType) {
    case "application/pdf":
      return extractPdf(bytes);
    case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
      return extractDocx(bytes);
    case "application/vnd.oasis.opendocument.text":
      return extractOdt(bytes);
    case "text/html":
      return extractHtml(bytes);
    case "text/plain":
      return extractPlainText(bytes);
    default:
      return null;
  }
}
