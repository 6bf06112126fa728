import { randomBytes } from "node:crypto";
import fs from "node:fs";
import anyAscii from "any-ascii";

/**
 * One unique string planted in one text field of one unpublished thing. `token` is what the crawler
 * looks for (case-insensitively): it survives slugs, upper-casing and truncation of the rest.
 * A Cyrillic canary also has the Latin spelling search would find it by.
 */
export type Canary = { text: string; token: string; where: string; latin?: string };

// Letters whose Latin spelling every transliterator agrees on, so a slug made from the name holds `latin`.
const cyrillic = "бвгдзклмнпрстф";

/** Hands out canaries and remembers them, for the crawler to read back. */
export class CanaryBook {
  readonly canaries: Canary[] = [];

  /** "CANARY-law-draft-title-zq4k9…": what is planted, in which state, in which field. */
  mark(kind: string, state: string, field: string): string {
    const token = `zq${randomBytes(6).toString("hex")}`;
    const text = `CANARY-${kind}-${state}-${field}-${token}`;
    this.canaries.push({ text, token, where: `${kind} ${state}: ${field}` });
    return text;
  }

  /** A name in Cyrillic, which search must not find by its Latin spelling either. */
  markCyrillic(kind: string, state: string, field: string): string {
    const token = Array.from(randomBytes(9), (b) => cyrillic[b % cyrillic.length]).join("");
    const text = `Канарейка ${token}`;
    this.canaries.push({ text, token, where: `${kind} ${state}: ${field}`, latin: anyAscii(token).toLowerCase() });
    return text;
  }
}

export function writeCanaries(file: string, canaries: Canary[]) {
  fs.writeFileSync(file, JSON.stringify(canaries, null, 1));
}

export function readCanaries(file: string): Canary[] {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Canary[];
}
