import { cacheLife } from "next/cache";
import { AnnotatedText } from "./annotated-text";

/**
 * The annotated text, rendered once per text and set of notes and then shared by every reader:
 * highlighting a long law and rendering hundreds of notes costs far more than reading them. The
 * props are the key, so an edit or a new note is a new entry, never a stale page.
 */
export async function CachedAnnotatedText(props: Parameters<typeof AnnotatedText>[0]) {
  "use cache";
  cacheLife("days");
  return <AnnotatedText {...props} />;
}
