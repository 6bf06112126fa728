import { diffSequence, diffWords, type WordSegment } from "./words";

export type { WordSegment } from "./words";

export type FieldChange =
  | { kind: "changed"; path: string[]; label: string; before: string; after: string; words?: WordSegment[] }
  | { kind: "added"; path: string[]; label: string; value: string }
  | { kind: "removed"; path: string[]; label: string; value: string };

/** How an empty or missing value reads. */
export const EMPTY = "—";

/** Past this length (or with a line break) a text is shown as one text with changes marked inline. */
const LONG_TEXT = 80;
/** Fields that name an element of a list across revisions, in order of preference. */
const IDENTITIES = ["id", "key"] as const;

type Fields = Record<string, unknown>;
/** Where a value sits: the path a reader sees, and the keys (without positions) to find labels by. */
type At = { path: string[]; keys: string[] };
type Diff = { labels: Record<string, string>; out: FieldChange[] };

/**
 * The changes between two revision snapshots, field by field: elements of lists are matched by
 * their `id` or `key` when they all have one (so reordering is not a change), by content and
 * position otherwise; long texts carry a word diff. `labels` names keys, either alone ("title")
 * or with the keys above them ("texts.body"); other keys are de-camel-cased. Elements are
 * numbered as in the newer revision, removed ones as in the older.
 */
export function diffSnapshots(before: unknown, after: unknown, labels: Record<string, string> = {}): FieldChange[] {
  const diff: Diff = { labels, out: [] };
  const root: At = { path: [], keys: [] };
  if (isRecord(before) || isRecord(after)) {
    compareFields(diff, root, isRecord(before) ? before : {}, isRecord(after) ? after : {});
  } else compare(diff, root, before, after);
  return diff.out;
}

function compare(diff: Diff, at: At, before: unknown, after: unknown): void {
  if (isEmpty(before) && isEmpty(after)) return;
  // An object of plain values (a dated value, say) reads best as one value; others field by field.
  if (isRecord(before) && isRecord(after)) {
    if (![before, after].every(isPlainObject)) return compareFields(diff, at, before, after);
    if (canonical(before) === canonical(after)) return;
  }
  if ((Array.isArray(before) || isEmpty(before)) && (Array.isArray(after) || isEmpty(after))) {
    return compareLists(diff, at, asList(before), asList(after));
  }
  const [b, a] = [render(diff, at, before), render(diff, at, after)];
  if (b === a) return;
  const label = labelOf(at);
  if (before === undefined) diff.out.push({ kind: "added", path: at.path, label, value: a });
  else if (after === undefined) diff.out.push({ kind: "removed", path: at.path, label, value: b });
  else {
    const long = [b, a].some((text) => text.length > LONG_TEXT || text.includes("\n"));
    const words = long && !isEmpty(before) && !isEmpty(after) ? diffWords(b, a) : undefined;
    diff.out.push({ kind: "changed", path: at.path, label, before: b, after: a, ...(words && { words }) });
  }
}

/** Compares two objects key by key, in the order of the newer one; `identity` is left out. */
function compareFields(diff: Diff, at: At, before: Fields, after: Fields, identity?: string): void {
  const keys = new Set([...Object.keys(after), ...Object.keys(before)]);
  for (const key of keys) {
    if (key !== identity) compare(diff, field(diff, at, key), before[key], after[key]);
  }
}

function compareLists(diff: Diff, at: At, before: unknown[], after: unknown[]): void {
  if ([...before, ...after].every((v) => !isRecord(v) && !Array.isArray(v))) {
    return compareScalarLists(diff, at, before, after);
  }
  const identity = IDENTITIES.find((name) => [before, after].every((list) => identifies(list, name)));
  if (identity) {
    const byId = new Map(before.map((el) => [String((el as Fields)[identity]), el as Fields]));
    after.forEach((el, i) => {
      const id = String((el as Fields)[identity]);
      const old = byId.get(id);
      if (old) compareFields(diff, element(at, i), old, el as Fields, identity);
      else addElement(diff, element(at, i), "added", el, identity);
      byId.delete(id);
    });
    before.forEach((el, i) => {
      if (byId.has(String((el as Fields)[identity]))) addElement(diff, element(at, i), "removed", el, identity);
    });
    return;
  }

  // Without identities, unchanged elements are found by content; the rest pair up in order.
  const ids = new Map<string, number>();
  const intern = (list: unknown[]) =>
    list.map((el) => {
      const text = canonical(el);
      if (!ids.has(text)) ids.set(text, ids.size);
      return ids.get(text)!;
    });
  const runs = diffSequence(intern(before), intern(after)) ?? [
    { op: "delete", length: before.length },
    { op: "insert", length: after.length },
  ];
  let [i, j] = [0, 0];
  let removed: number[] = [];
  let added: number[] = [];
  const pairUp = () => {
    // A new element is paired with the old one it shares most fields with, then in order, so that
    // removing one element does not read as a change to every element after it.
    const pairs = new Map<number, number>();
    const left = new Set(removed);
    for (const a of removed.length * added.length <= 10_000 ? added : []) {
      let best: number | undefined;
      let bestScore = 0;
      for (const r of left) {
        const score = shared(before[r], after[a]);
        if (score > bestScore) [best, bestScore] = [r, score];
      }
      if (best === undefined) continue;
      pairs.set(a, best);
      left.delete(best);
    }
    const rest = [...left];
    for (const a of added) if (!pairs.has(a) && rest.length) pairs.set(a, rest.shift()!);
    for (const a of added) {
      const r = pairs.get(a);
      const [old, now] = [r === undefined ? undefined : before[r], after[a]];
      if (isRecord(old) && isRecord(now)) compareFields(diff, element(at, a), old, now);
      else if (r !== undefined) compare(diff, element(at, a), old, now);
      else addElement(diff, element(at, a), "added", now);
    }
    for (const r of rest) addElement(diff, element(at, r), "removed", before[r]);
    removed = [];
    added = [];
  };
  for (const { op, length } of runs) {
    for (let n = 0; n < length; n++) {
      if (op === "delete") removed.push(i++);
      else if (op === "insert") added.push(j++);
      else {
        pairUp();
        [i, j] = [i + 1, j + 1];
      }
    }
  }
  pairUp();
}

/** Lists of plain values are compared as collections; a mere reordering reads as one change. */
function compareScalarLists(diff: Diff, at: At, before: unknown[], after: unknown[]): void {
  const [b, a] = [before.map((v) => render(diff, at, v)), after.map((v) => render(diff, at, v))];
  const missingFrom = (list: string[], other: string[]) => {
    const pool = new Map<string, number>();
    for (const v of other) pool.set(v, (pool.get(v) ?? 0) + 1);
    return list.flatMap((v, i) => (pool.get(v) ? (pool.set(v, pool.get(v)! - 1), []) : [i]));
  };
  const [removed, added] = [missingFrom(b, a), missingFrom(a, b)];
  if (removed.length === 0 && added.length === 0) {
    if (b.join("\n") !== a.join("\n")) {
      diff.out.push({ kind: "changed", path: at.path, label: labelOf(at), before: b.join(", "), after: a.join(", ") });
    }
    return;
  }
  for (const i of removed) addElement(diff, element(at, i), "removed", before[i]);
  for (const i of added) addElement(diff, element(at, i), "added", after[i]);
}

function addElement(diff: Diff, at: At, kind: "added" | "removed", value: unknown, identity?: string): void {
  diff.out.push({ kind, path: at.path, label: labelOf(at), value: render(diff, at, value, identity) });
}

/** A value as text: objects as "Label: value" pairs, on separate lines when they are long. */
function render(diff: Diff, at: At, value: unknown, identity?: string): string {
  if (isEmpty(value)) return EMPTY;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const nested = (at: At, v: unknown) => (isRecord(v) ? `(${render(diff, at, v)})` : render(diff, at, v));
  if (Array.isArray(value)) return value.map((v) => nested(at, v)).join(", ");
  if (!isRecord(value)) return String(value);
  const pairs = Object.entries(value)
    .filter(([key, v]) => key !== identity && !isEmpty(v))
    .map(([key, v]) => {
      const inner = field(diff, at, key);
      return `${inner.path.at(-1)}: ${nested(inner, v)}`;
    });
  const long = pairs.some((pair) => pair.length > LONG_TEXT || pair.includes("\n"));
  return pairs.join(long ? "\n" : "; ") || EMPTY;
}

function field(diff: Diff, at: At, key: string): At {
  const keys = [...at.keys, key];
  const label = diff.labels[keys.join(".")] ?? diff.labels[key] ?? humanize(key);
  return { path: [...at.path, label], keys };
}

function labelOf(at: At): string {
  return at.path.join(" › ") || "Value";
}

/** Elements are numbered from 1, as a reader counts them. */
function element(at: At, index: number): At {
  return { path: [...at.path, String(index + 1)], keys: at.keys };
}

/** "effectiveDate" reads "Effective date", "source_title" reads "Source title", "URLPath" reads "URL path". */
export function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/(\p{Ll}|\d)(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .trim()
    .split(/\s+/);
  return words
    .map((word, i) =>
      i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word === word.toUpperCase() ? word : word.toLowerCase(),
    )
    .join(" ");
}

/** Whether every element is an object whose `name` is a plain value, unique in the list. */
function identifies(list: unknown[], name: string): boolean {
  const seen = new Set<string>();
  return list.every((el) => {
    const id = isRecord(el) ? el[name] : undefined;
    if ((typeof id !== "string" && typeof id !== "number") || seen.has(String(id))) return false;
    seen.add(String(id));
    return true;
  });
}

/** The same text for equal values, whatever the order of their keys. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_, v: unknown) =>
      isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    ) ?? ""
  );
}

function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPlainObject(value: Fields): boolean {
  return Object.values(value).every((v) => !isRecord(v) && !Array.isArray(v));
}

/** How many fields two objects have in common, to pair up the elements of a list. */
function shared(a: unknown, b: unknown): number {
  if (!isRecord(a) || !isRecord(b)) return 0;
  return Object.keys(b).filter((key) => !isEmpty(b[key]) && canonical(a[key]) === canonical(b[key])).length;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
