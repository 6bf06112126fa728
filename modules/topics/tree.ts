/** A topic in a tree: parents come before their children, with how deep each sits. */
export type TreeRow<T> = T & { depth: number };

type Node = { id: number; parentId: number | null; name: string };

/**
 * Orders topics as a tree, siblings by name. A topic whose parent is missing (or, should the data
 * ever hold one, that sits in a cycle) is shown at the top level rather than lost.
 */
export function treeOrder<T extends Node>(rows: T[]): TreeRow<T>[] {
  const byName = [...rows].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, T[]>();
  for (const row of byName) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const out: TreeRow<T>[] = [];
  const seen = new Set<number>();
  const walk = (row: T, depth: number) => {
    if (seen.has(row.id)) return;
    seen.add(row.id);
    out.push({ ...row, depth });
    for (const child of children.get(row.id) ?? []) walk(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) walk(root, 0);
  for (const row of byName) walk(row, 0);
  return out;
}

/** A topic's id with the ids of everything below it. */
export function subtreeIds(rows: Node[], id: number): Set<number> {
  const found = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) {
      if (row.parentId !== null && found.has(row.parentId) && !found.has(row.id)) {
        found.add(row.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Ids of the ancestors of a topic, nearest first. */
export function ancestorIds(rows: Node[], id: number): number[] {
  const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
  const out: number[] = [];
  for (let p = parentOf.get(id) ?? null; p !== null && !out.includes(p) && p !== id; p = parentOf.get(p) ?? null) {
    out.push(p);
  }
  return out;
}
