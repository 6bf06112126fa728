export type DiffOp = "equal" | "insert" | "delete";
export type WordSegment = { op: DiffOp; text: string };
export type DiffRun = { op: DiffOp; length: number };

/** Work a diff may do, shared by the calls of one pass, so that no input can stall a page. */
export type DiffBudget = { steps: number };

/** Myers keeps one row per edit; past this many edits a finer diff would not be readable anyway. */
const MAX_EDITS = 2000;
const STEPS_PER_DIFF = 30_000_000;

/**
 * Words (letters with their combining marks, digits, inner apostrophes as in oʻzbek or o'zbek),
 * runs of whitespace, and single other characters, keeping emoji sequences and flags whole.
 */
const TOKEN =
  /\s+|[\p{L}\p{M}\p{N}\p{Pc}][\p{L}\p{M}\p{N}\p{Pc}\u200c\u200d\u00ad]*(?:['’][\p{L}\p{M}\p{N}]+)*|(?:\p{Regional_Indicator}{2}|[^])(?:[\p{M}\p{Emoji_Modifier}\u{E0020}-\u{E007F}]|\u200d[^\s])*/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A token to match on, with the whitespace that follows it (compared, but never matched on). */
type Unit = { core: string; ws: string };

function wordUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const token of tokenize(text)) {
    const last = units[units.length - 1];
    if (/^\s/.test(token)) {
      if (last) last.ws += token;
      else units.push({ core: "", ws: token });
    } else units.push({ core: token, ws: "" });
  }
  return units;
}

/** Paragraphs with the newlines that end them, for the coarse pass. */
function paragraphUnits(text: string): Unit[] {
  return [...text.matchAll(/([^\n]*)(\n*)/g)].filter((m) => m[0]).map((m) => ({ core: m[1]!, ws: m[2]! }));
}

/**
 * Shortest edit script between two sequences of ids (Myers' O(ND) algorithm, after trimming the
 * common prefix and suffix), or null when it would cost more than the budget allows.
 */
export function diffSequence(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  budget: DiffBudget = { steps: STEPS_PER_DIFF },
): DiffRun[] | null {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a[start] === b[start]) start++;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const maxD = Math.min(n + m, MAX_EDITS);
  const off = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= maxD && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      const snakeFrom = x;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      budget.steps -= x - snakeFrom + 1;
      if (budget.steps < 0) return null;
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(off - d, off + d + 1));
  }
  if (found < 0) return null;

  // Walk back from the end through the saved rows, collecting operations in reverse.
  const ops: DiffOp[] = [];
  for (let i = 0; i < a.length - endA; i++) ops.push("equal");
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[k - 1 + d - 1]! < prev[k + 1 + d - 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[prevK + d - 1]!;
    const snakeStart = down ? prevX : prevX + 1;
    for (; x > snakeStart; x--) ops.push("equal");
    ops.push(down ? "insert" : "delete");
    x = prevX;
    y = prevX - prevK;
  }
  for (let i = 0; i < x + start; i++) ops.push("equal");

  const runs: DiffRun[] = [];
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    const last = runs[runs.length - 1];
    if (last?.op === op) last.length++;
    else runs.push({ op, length: 1 });
  }
  return runs;
}

/**
 * Diffs two unit lists on their tokens, so that a shared space cannot stand in for a shared word;
 * null when over budget.
 */
function diffUnits(a: Unit[], b: Unit[], budget: DiffBudget): WordSegment[] | null {
  const ids = new Map<string, number>();
  const intern = (units: Unit[]) =>
    Int32Array.from(units, ({ core }) => {
      let id = ids.get(core);
      if (id === undefined) ids.set(core, (id = ids.size));
      return id;
    });
  const runs = diffSequence(intern(a), intern(b), budget);
  if (!runs) return null;
  const segments: WordSegment[] = [];
  const emit = (op: DiffOp, text: string) => {
    const last = segments[segments.length - 1];
    if (last?.op === op) last.text += text;
    else if (text) segments.push({ op, text });
  };
  let i = 0;
  let j = 0;
  for (const { op, length } of runs) {
    for (let n = 0; n < length; n++) {
      const ua = op === "insert" ? undefined : a[i++]!;
      const ub = op === "delete" ? undefined : b[j++]!;
      if (!ub) emit(op, ua!.core + ua!.ws);
      else if (!ua) emit(op, ub.core + ub.ws);
      else {
        emit("equal", ua.core);
        if (ua.ws === ub.ws) emit("equal", ua.ws);
        else {
          emit("delete", ua.ws);
          emit("insert", ub.ws);
        }
      }
    }
  }
  return segments;
}

type Block = { equal: true; text: string } | { equal: false; del: string; ins: string };

/** The common part of two strings' leading (or, with `end`, trailing) whitespace. */
function sharedSpace(a: string, b: string, end = false): string {
  const pattern = end ? /\s*$/ : /^\s*/;
  const [wa, wb] = [pattern.exec(a)![0], pattern.exec(b)![0]];
  let n = 0;
  while (n < wa.length && n < wb.length && wa.at(end ? -1 - n : n) === wb.at(end ? -1 - n : n)) n++;
  return end ? wa.slice(wa.length - n) : wa.slice(0, n);
}

/**
 * Groups each stretch of changes into one deletion then one insertion, folds a lone space between
 * two changes into them, so that a rewritten phrase reads as one replacement, and leaves the
 * spaces both sides of a replacement share outside it.
 */
function tidy(segments: WordSegment[]): WordSegment[] {
  const blocks: Block[] = [];
  for (const { op, text } of segments) {
    const last = blocks[blocks.length - 1];
    if (!text) continue;
    if (op === "equal") {
      if (last?.equal) last.text += text;
      else blocks.push({ equal: true, text });
    } else {
      const change = last && !last.equal ? last : { equal: false as const, del: "", ins: "" };
      if (change !== last) blocks.push(change);
      change[op === "delete" ? "del" : "ins"] += text;
    }
  }
  for (let i = 1; i + 1 < blocks.length; i++) {
    const [prev, gap, next] = [blocks[i - 1]!, blocks[i]!, blocks[i + 1]!];
    if (gap.equal && !prev.equal && !next.equal && /^[^\S\n]+$/.test(gap.text)) {
      prev.del += gap.text + next.del;
      prev.ins += gap.text + next.ins;
      blocks.splice(i--, 2);
    }
  }
  const out: WordSegment[] = [];
  const push = (op: DiffOp, text: string) => {
    const last = out[out.length - 1];
    if (last?.op === op) last.text += text;
    else if (text) out.push({ op, text });
  };
  for (const block of blocks) {
    if (block.equal) {
      push("equal", block.text);
      continue;
    }
    let { del, ins } = block;
    const lead = del && ins ? sharedSpace(del, ins) : "";
    [del, ins] = [del.slice(lead.length), ins.slice(lead.length)];
    const trail = del && ins ? sharedSpace(del, ins, true) : "";
    push("equal", lead);
    push("delete", del.slice(0, del.length - trail.length));
    push("insert", ins.slice(0, ins.length - trail.length));
    push("equal", trail);
  }
  return out;
}

/**
 * A word-level diff of two texts: joining the equal and deleted segments gives `before` back,
 * joining the equal and inserted ones gives `after`. When the texts differ too much for a word
 * diff to be affordable, paragraphs are compared first and only the changed ones word by word.
 */
export function diffWords(before: string, after: string): WordSegment[] {
  if (before === after) return before ? [{ op: "equal", text: before }] : [];
  const words = diffUnits(wordUnits(before), wordUnits(after), { steps: STEPS_PER_DIFF });
  if (words) return tidy(words);

  const budget: DiffBudget = { steps: STEPS_PER_DIFF };
  const coarse = tidy(
    diffUnits(paragraphUnits(before), paragraphUnits(after), budget) ?? [
      { op: "delete", text: before },
      { op: "insert", text: after },
    ],
  );
  const refined: WordSegment[] = [];
  for (let i = 0; i < coarse.length; i++) {
    const s = coarse[i]!;
    const next = coarse[i + 1];
    const fine =
      s.op === "delete" && next?.op === "insert" && budget.steps > 0
        ? diffUnits(wordUnits(s.text), wordUnits(next.text), budget)
        : null;
    if (fine) {
      refined.push(...fine);
      i++;
    } else refined.push(s);
  }
  return tidy(refined);
}
