import "server-only";
import { readFile } from "node:fs/promises";
import { getDocumentProxy } from "unpdf";
import { pdfPageLimit } from "./limits";

export type PdfFindings = { pageCount: number } | { refused: string };

// Name tokens of actions a reader's PDF viewer would run or launch, as written in the raw file.
const activeTokens = /\/(JavaScript|JS|Launch)[\s/(<[>]/;

/**
 * Opens a PDF as pdf.js reads it: its page count, and whether it carries JavaScript or asks to
 * launch programs (in the document, its pages or their annotations), which the archive refuses.
 * The raw bytes are searched too, for actions in objects pdf.js does not walk.
 */
export async function inspectPdf(file: string, name: string): Promise<PdfFindings> {
  const bytes = new Uint8Array(await readFile(file));
  if (activeTokens.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"))) {
    return { refused: javascriptRefusal(name) };
  }
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes, { isEvalSupported: false });
  } catch (error) {
    if ((error as Error)?.name === "PasswordException") {
      return { refused: `${name} is protected by a password. Attach a copy without one.` };
    }
    return { refused: `${name} could not be read as a PDF: the file may be damaged.` };
  }
  try {
    if (pdf.numPages > pdfPageLimit) {
      return { refused: `${name} has ${pdf.numPages} pages; the archive takes PDFs of up to ${pdfPageLimit}.` };
    }
    if (await pdf.getJSActions()) return { refused: javascriptRefusal(name) };
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const pageActions = await page.getJSActions();
      const annotations = await page.getAnnotations();
      page.cleanup();
      if (hasActions(pageActions) || annotations.some((annotation) => hasActions(annotation?.actions))) {
        return { refused: javascriptRefusal(name) };
      }
    }
    return { pageCount: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}

function hasActions(actions: unknown): boolean {
  return !!actions && typeof actions === "object" && Object.keys(actions).length > 0;
}

function javascriptRefusal(name: string): string {
  return `${name} contains JavaScript or actions that launch programs, which the archive does not accept. Print it to a new PDF and attach that.`;
}
