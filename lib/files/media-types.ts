/**
 * The kinds of file an editor may attach, by media type: what readers are told (`label`, and
 * `phrase` inside a sentence), and the names they go by.
 */
export const acceptedMediaTypes = {
  "application/pdf": { label: "PDF", phrase: "a PDF", extensions: ["pdf"] },
  "image/jpeg": { label: "JPEG image", phrase: "a JPEG image", extensions: ["jpg", "jpeg"] },
  "image/png": { label: "PNG image", phrase: "a PNG image", extensions: ["png"] },
  "image/webp": { label: "WebP image", phrase: "a WebP image", extensions: ["webp"] },
  "image/tiff": { label: "TIFF image", phrase: "a TIFF image", extensions: ["tif", "tiff"] },
  "text/html": { label: "HTML page", phrase: "an HTML page", extensions: ["html", "htm"] },
  "text/plain": { label: "plain text", phrase: "plain text", extensions: ["txt", "text"] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    label: "Word document (DOCX)",
    phrase: "a Word document (DOCX)",
    extensions: ["docx"],
  },
  "application/vnd.oasis.opendocument.text": {
    label: "OpenDocument text (ODT)",
    phrase: "an OpenDocument text (ODT)",
    extensions: ["odt"],
  },
} as const;

export type AcceptedMediaType = keyof typeof acceptedMediaTypes;

export const acceptedSummary =
  "PDF, JPEG, PNG, WebP or TIFF images, HTML pages, plain text, Word (DOCX) or OpenDocument (ODT) files";

/** For the file picker: `accept` lists both, since browsers match some types only by name. */
export const acceptAttribute = Object.entries(acceptedMediaTypes)
  .flatMap(([type, { extensions }]) => [type, ...extensions.map((extension) => `.${extension}`)])
  .join(",");

export function isAcceptedMediaType(type: string): type is AcceptedMediaType {
  return Object.hasOwn(acceptedMediaTypes, type);
}

/** The accepted type a file's name claims, from its extension, or null when the name says nothing we know. */
export function mediaTypeOfName(name: string): AcceptedMediaType | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (!extension) return null;
  for (const [type, { extensions }] of Object.entries(acceptedMediaTypes)) {
    if ((extensions as readonly string[]).includes(extension)) return type as AcceptedMediaType;
  }
  return null;
}

export function isPaged(type: string): boolean {
  return type === "application/pdf";
}
