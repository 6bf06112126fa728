import "server-only";
import { toText } from "hast-util-to-text";
import mammoth from "mammoth";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { strFromU8, unzipSync } from "fflate";
import type { ExtractedText } from "./types";

const onePage = (text: string): ExtractedText => {
  const trimmed = text
    .replace(/\r\n?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { pages: [trimmed], textLayer: trimmed.length > 0, pageCount: 1 };
};

/** A Word document's text, as mammoth reads it (paragraphs on lines of their own). */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedText> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return onePage(value);
}

/** An OpenDocument text's paragraphs and headings, from its content.xml. */
export function extractOdt(bytes: Uint8Array): ExtractedText {
  const files = unzipSync(bytes, { filter: (file) => file.name === "content.xml" });
  const xml = files["content.xml"];
  if (!xml) throw new Error("The OpenDocument file has no content.xml.");
  const text = strFromU8(xml)
    .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_, count: string | undefined) => " ".repeat(Number(count ?? 1)))
    .replace(/<text:tab\s*\/>/g, "\t")
    .replace(/<text:line-break\s*\/>/g, "\n")
    .replace(/<\/text:(p|h)>/g, "\n")
    .replace(/<[^>]+>/g, "");
  return onePage(decodeXmlEntities(text));
}

/** An HTML page's text as a browser would show it: no scripts or styles, blocks on lines of their own. */
export function extractHtml(bytes: Uint8Array): ExtractedText {
  const tree = unified().use(rehypeParse).parse(new TextDecoder().decode(bytes));
  return onePage(toText(tree));
}

export function extractPlainText(bytes: Uint8Array): ExtractedText {
  return onePage(new TextDecoder().decode(bytes));
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[name.toLowerCase()] ?? whole;
  });
}
