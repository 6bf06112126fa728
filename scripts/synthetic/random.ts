import { prng } from "../bench/synthetic-archive";

export type Random = ReturnType<typeof prng> & {
  chance(p: number): boolean;
  word(): string;
  words(min: number, max: number): string;
  capital(text: string): string;
};

// Syllables for made-up words and names: pronounceable, and in no dictionary.
const syllables = [
  "ka",
  "lo",
  "mi",
  "ren",
  "tu",
  "sa",
  "vel",
  "dor",
  "an",
  "is",
  "pe",
  "gor",
  "ul",
  "zan",
  "ti",
  "mar",
];
const cyrillic: Record<string, string> = {
  ka: "ка",
  lo: "ло",
  mi: "ми",
  ren: "рен",
  tu: "ту",
  sa: "са",
  vel: "вел",
  dor: "дор",
  an: "ан",
  is: "ис",
  pe: "пе",
  gor: "гор",
  ul: "ул",
  zan: "зан",
  ti: "ти",
  mar: "мар",
};

/** A seeded source of randomness with the word makers the generators share. */
export function random(seed: number): Random {
  const base = prng(seed);
  const word = () => {
    let w = "";
    for (let i = base.int(2, 3); i > 0; i--) w += base.pick(syllables);
    return w;
  };
  return {
    ...base,
    chance: (p) => base.next() < p,
    word,
    words: (min, max) => Array.from({ length: base.int(min, max) }, word).join(" "),
    capital: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  };
}

/** A made-up Latin word spelt in Cyrillic, syllable by syllable: a name's variant in the other script. */
export function toCyrillic(latin: string): string {
  let out = "";
  let rest = latin.toLowerCase();
  while (rest) {
    const syllable = [3, 2].map((n) => rest.slice(0, n)).find((s) => cyrillic[s]);
    if (!syllable) {
      out += rest[0];
      rest = rest.slice(1);
      continue;
    }
    out += cyrillic[syllable];
    rest = rest.slice(syllable.length);
  }
  return latin[0] === latin[0]?.toUpperCase() ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** A timestamp between two instants, as an ISO string. */
export function instant(rng: Random, from: number, to: number): string {
  return new Date(from + Math.floor(rng.next() * (to - from))).toISOString();
}
