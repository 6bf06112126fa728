import { writePdf, type PdfPage } from "@/lib/files/minimal-pdf";
import { kyrgyzSynopsis } from "./demo-annotations";

/**
 * The demo's document: the editors' synopsis of the Kyrgyz law as a PDF with a text layer, made
 * here (no file of anyone else's), the same bytes on every seed. Its last page holds a phrase
 * found nowhere else in the demo, so that searching it shows a result found in the PDF.
 */
export const synopsisDocument = {
  name: "marginalia-synopsis-kyrgyz-rehabilitation-law.pdf",
  capturedOn: "2025-01-15",
  // Found only on page 3 of the PDF.
  phrase: "typeset for the demonstration archive",
};

export function synopsisPdf(): Uint8Array {
  const paragraphs = kyrgyzSynopsis.body
    .split("\n\n")
    .map((paragraph) => paragraph.replace(/^#+\s*/, "").replace(/[*“”]/g, (c) => (c === "*" ? "" : '"')));
  const [intro, ...provisions] = paragraphs;
  const pages: PdfPage[] = [
    {
      lines: [
        "Synopsis by the Marginalia editors",
        "Kyrgyz Republic: rehabilitation of victims of Soviet political repression (2024)",
        "",
        ...wrap(intro ?? ""),
      ],
    },
    { lines: provisions.flatMap((p) => [...wrap(p), ""]) },
    {
      lines: [
        "About this document",
        "",
        ...wrap(
          `This synopsis was written and ${synopsisDocument.phrase} by the Marginalia editors. It summarises the reports cited as sources on the law's page; it is not the text of the law.`,
        ),
      ],
    },
  ];
  return writePdf(pages, { title: "Synopsis of the Kyrgyz rehabilitation law (Marginalia editors)" });
}

/** Lines of at most `width` characters, broken between words. */
function wrap(text: string, width = 88): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
