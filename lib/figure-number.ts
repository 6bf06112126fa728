/**
 * Numbers as sources print them ("311,000", "18 000", "2.4 million", "2,4 млн", "856"), read into
 * a plain decimal ("311000", "2400000") with string arithmetic, so that nothing is rounded by a
 * float, and shown again for reading ("311,000"). The source's own wording is kept beside it.
 */
export type FigureNumber = { value: string; wording: string };

const scales: Record<string, number> = {
  thousand: 3,
  thousands: 3,
  k: 3,
  тыс: 3,
  million: 6,
  millions: 6,
  mln: 6,
  млн: 6,
  billion: 9,
  billions: 9,
  bn: 9,
  млрд: 9,
};

// Digits with spaces (ordinary, no-break, thin), apostrophes, commas or points between them.
const numberPattern = /^(\d(?:[\d \u00a0\u202f'’.,]*\d)?)(?:\s*([a-zа-яё]+)\.?)?$/iu;

// Spaces or apostrophes between groups of three digits, and then perhaps a decimal part.
const spacedPattern = /^(\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+)(?:[.,](\d+))?$/u;

/** Reads a number as printed, or null when it is not one (words alone, a range, a unit glued on). */
export function parseFigureNumber(text: string): FigureNumber | null {
  const wording = text.trim().replace(/\s+/g, " ");
  const match = numberPattern.exec(wording);
  if (!match) return null;
  const word = match[2]?.toLowerCase();
  const scale = word === undefined ? 0 : scales[word];
  if (scale === undefined) return null;
  // A scale word says which mark is the decimal one: "2.4 million", "2,4 млн".
  const decimalMark = word === undefined ? null : /[а-яё]/.test(word) ? "," : ".";
  const digits = readDigits(match[1]!, decimalMark);
  if (digits === null) return null;
  return { value: canonical(shift(digits, scale)), wording };
}

function readDigits(text: string, decimalMark: "," | "." | null): string | null {
  if (!/[ \u00a0\u202f'’]/u.test(text)) return plainDecimal(text, decimalMark);
  const spaced = spacedPattern.exec(text);
  if (!spaced) return null;
  const whole = spaced[1]!.replace(/[ \u00a0\u202f'’]/gu, "");
  return spaced[2] === undefined ? whole : `${whole}.${spaced[2]}`;
}

/** "311000" as "311,000"; "12.5" as it is. */
export function formatFigureNumber(value: string): string {
  const [whole = "", fraction] = value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** The same number however it was written: no leading zeros, no trailing decimal zeros. */
export function canonical(value: string): string {
  const [whole = "", fraction = ""] = value.split(".");
  const integer = whole.replace(/^0+(?=\d)/, "") || "0";
  const decimals = fraction.replace(/0+$/, "");
  return decimals ? `${integer}.${decimals}` : integer;
}

/**
 * Commas and points as group or decimal marks. Where both stand, the last is the decimal mark
 * ("1,234.5", "1.234,5"); a mark that recurs groups digits by three ("1.234.567"). A single mark
 * before three digits groups them ("311,000", "18.000") unless a scale word or a leading zero says
 * it is a decimal mark ("2,400 млн", "0,125"); before other digits it is one ("12.5", "2,4").
 */
function plainDecimal(text: string, decimalMark: "," | "." | null): string | null {
  const marks = text.replace(/\d/g, "");
  if (marks === "") return text;
  const last = marks.at(-1)!;
  if (new Set(marks).size > 1) {
    const at = text.lastIndexOf(last);
    const integer = text.slice(0, at);
    const group = last === "," ? "." : ",";
    if (text.indexOf(last) !== at || !isGrouped(integer, group)) return null;
    return `${integer.split(group).join("")}.${text.slice(at + 1)}`;
  }
  if (marks.length > 1) return isGrouped(text, last) ? text.split(last).join("") : null;
  const [head = "", tail = ""] = text.split(last);
  if (decimalMark !== null && last !== decimalMark) return isGrouped(text, last) ? head + tail : null;
  const decimal = decimalMark !== null || head === "0" || !isGrouped(text, last);
  return decimal ? `${head}.${tail}` : head + tail;
}

function isGrouped(text: string, mark: string): boolean {
  const [head, ...groups] = text.split(mark);
  return /^\d{1,3}$/.test(head!) && groups.every((group) => /^\d{3}$/.test(group));
}

/** Moves the decimal point `places` to the right. */
function shift(value: string, places: number): string {
  if (places === 0) return value;
  const [whole = "", fraction = ""] = value.split(".");
  const padded = fraction.padEnd(places, "0");
  return `${whole}${padded.slice(0, places)}${padded.length > places ? `.${padded.slice(places)}` : ""}`;
}
