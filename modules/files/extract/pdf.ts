import "server-only";
import { setImmediate as yieldToServer } from "node:timers/promises";
import { getDocumentProxy } from "unpdf";
import type { ExtractedText } from "./types";

// Pages with fewer letters than this read as without text (a scan, or a page of figures).
const lettersOfAPage = 20;

/**
 * A PDF's text, page by page, from its text layer. The server keeps answering between pages. A
 * PDF whose pages have next to no text is a scan: marked as having no text layer, for OCR later.
 */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedText> {
  const pdf = await getDocumentProxy(bytes, { isEvalSupported: false });
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str + (item.hasEOL ? "\n" : "");
      }
      pages.push(text.replace(/[ \t]+\n/g, "\n").trim());
      page.cleanup();
      await yieldToServer();
    }
    const letters = pages.map((page) => (page.match(/\p{L}/gu) ?? []).length);
    const withText = letters.filter((count) => count >= lettersOfAPage).length;
    return { pages, textLayer: withText > 0, pageCount: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}
