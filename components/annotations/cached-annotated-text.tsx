import { cacheLife } from "next/cache";
import { AnnotatedTextView, annotatedHtml } from "./annotated-text";

/**
 * The annotated text's HTML, made once per text and set of notes and then shared by every reader:
 * highlighting a long law and rendering hundreds of notes costs far more than reading them. The
 * props are the key, so an edit or a new note is a new entry, never a stale page.
 */
async function cachedAnnotatedHtml(props: Parameters<typeof annotatedHtml>[0]) {
  "use cache";
  cacheLife("days");
  return annotatedHtml(props);
}

/** The annotated text, its HTML from the cache; the island it goes out in is made each render. */
export async function CachedAnnotatedText(props: Parameters<typeof annotatedHtml>[0]) {
  return <AnnotatedTextView text={await cachedAnnotatedHtml(props)} lang={props.lang} />;
}
