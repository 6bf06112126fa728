/**
 * Writes a small PDF of plain text lines in Helvetica, with a real text layer, and no dates or ids
 * in it, so that the same pages always make the same bytes (and so the same SHA-256). The demo's
 * synopsis is made with it, and tests make their fixtures with it: a scan (an image, no text) and
 * a PDF carrying JavaScript, which the archive refuses.
 */
export type PdfPage = { lines: string[] } | { scan: true };

export function writePdf(pages: PdfPage[], options: { title?: string; javascript?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);

  const pageIds = pages.map((_, index) => 4 + index * 2);
  const actionId = 4 + pages.length * 2;
  add(`<< /Type /Catalog /Pages 2 0 R${options.javascript ? ` /OpenAction ${actionId} 0 R` : ""} >>`);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  pages.forEach((page, index) => {
    const contentId = pageIds[index]! + 1;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    const content = "scan" in page ? scanContent() : textContent(page.lines);
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  if (options.javascript) add(`<< /S /JavaScript /JS (${escapeText(options.javascript)}) >>`);
  const infoId = options.title ? add(`<< /Title (${escapeText(options.title)}) >>`) : null;

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets = objects.map((body, index) => {
    const offset = out.length;
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoId ? ` /Info ${infoId} 0 R` : ""} >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (character) => character.charCodeAt(0));
}

function textContent(lines: string[]): string {
  const shown = lines.map((line) => `(${escapeText(line)}) Tj T*`).join("\n");
  return `BT /F1 11 Tf 14 TL 72 770 Td\n${shown}\nET`;
}

// A grey square drawn as an image, and no text: what a scanned page looks like to a text extractor.
function scanContent(): string {
  return "q 200 0 0 200 72 560 cm BI /W 2 /H 2 /CS /G /BPC 8 /F /AHx ID 20C0C020> EI Q";
}

/** A PDF string's text: Latin-1 characters as octal escapes, anything else as "?" (WinAnsi has no more). */
function escapeText(text: string): string {
  let out = "";
  for (const character of text.normalize("NFC")) {
    const code = character.codePointAt(0)!;
    if (character === "\\" || character === "(" || character === ")") out += `\\${character}`;
    else if (code >= 0x20 && code < 0x7f) out += character;
    else if (code >= 0xa0 && code <= 0xff) out += `\\${code.toString(8).padStart(3, "0")}`;
    else out += "?";
  }
  return out;
}
