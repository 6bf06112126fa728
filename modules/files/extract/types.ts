/** What extraction finds in a file: its text page by page (one page for formats without pages). */
export type ExtractedText = { pages: string[]; textLayer: boolean; pageCount: number };
