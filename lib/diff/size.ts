import type { FieldChange } from "./snapshot";
import { diffWords, tokenize } from "./words";

/** How big a change between two snapshots is: fields touched, words added and removed. */
export type DiffSize = { fields: number; wordsAdded: number; wordsRemoved: number };

const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);
const countWords = (text: string) => tokenize(text).filter(isWord).length;

/** Sums up `diffSnapshots`' changes; a changed value counts only the words that differ. */
export function diffSize(changes: FieldChange[]): DiffSize {
  const size: DiffSize = { fields: changes.length, wordsAdded: 0, wordsRemoved: 0 };
  for (const change of changes) {
    if (change.kind === "added") size.wordsAdded += countWords(change.value);
    else if (change.kind === "removed") size.wordsRemoved += countWords(change.value);
    else {
      for (const segment of change.words ?? diffWords(change.before, change.after)) {
        if (segment.op === "insert") size.wordsAdded += countWords(segment.text);
        if (segment.op === "delete") size.wordsRemoved += countWords(segment.text);
      }
    }
  }
  return size;
}
