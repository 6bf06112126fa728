import { getJson, sitePath } from "./http";
import type { MirrorWriter } from "./manifest";

type Note = {
  target: { source: string; selector?: { type: string; start?: number }[] };
  id: string;
} & Record<string, unknown>;
type AnnotationPage = { items: Note[]; next?: string };

/**
 * The annotations of every law and article page (`data/annotations/laws/kg/its-slug.json`), each
 * the W3C AnnotationCollection the site answers for `/api/v1/annotations?target=<page>`. They come
 * from one walk through every published annotation, a hundred a request, rather than a request
 * per page: at 60,000 pages, minutes saved. `titles` names the pages by path, as the dump has them.
 */
export async function dumpAnnotations(
  base: URL,
  origins: string[],
  titles: Map<string, string>,
  writer: MirrorWriter,
): Promise<number> {
  const byPage = new Map<string, Note[]>();
  let next: string | null = "/api/v1/annotations?limit=100";
  while (next) {
    const page: AnnotationPage = await getJson<AnnotationPage>(base, next);
    for (const note of page.items) {
      // A law's notes name the text they are on (?text=); the page's collection has all of them.
      const path = sitePath(note.target.source, origins)?.replace(/\?.*$/, "");
      if (!path) continue;
      const notes = byPage.get(path);
      if (notes) notes.push(note);
      else byPage.set(path, [note]);
    }
    next = page.next ? sitePath(page.next, origins) : null;
  }
  const [siteOrigin] = origins;
  for (const [path, notes] of byPage) {
    // In text order, as the site lists a page's notes.
    notes.sort((a, b) => start(a) - start(b) || noteId(a) - noteId(b));
    const self = `${siteOrigin}/api/v1/annotations?target=${encodeURIComponent(path)}`;
    const collection = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: self,
      type: "AnnotationCollection",
      label: `Annotations on ${titles.get(path) ?? path}`,
      total: notes.length,
      first: { id: `${self}#page-1`, type: "AnnotationPage", startIndex: 0, items: notes },
    };
    writer.write(`data/annotations${path}.json`, JSON.stringify(collection));
  }
  return byPage.size;
}

const start = (note: Note) => note.target.selector?.find((s) => s.type === "TextPositionSelector")?.start ?? 0;
const noteId = (note: Note) => Number(note.id.slice(note.id.lastIndexOf("/") + 1));
