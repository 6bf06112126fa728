import { z } from "zod";

/**
 * Dates in archives are often known only to the year or month ("January 2023"). A partial date
 * keeps the value with its precision, is stored as the first day of its period (so it sorts), and
 * is never printed with more precision than is known. ISO 8601 reduced precision is its text form.
 */
export const datePrecisions = ["year", "month", "day"] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export type PartialDate = { date: string; precision: DatePrecision; approximate: boolean };

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses "2023", "2023-01" or "2023-01-15" (optionally prefixed "~" or "c." for approximate). */
export function parsePartialDate(text: string): PartialDate | null {
  let value = text.trim();
  const approximate = /^(~|c\.|ca\.|circa)\s*/i.test(value);
  value = value.replace(/^(~|c\.|ca\.|circa)\s*/i, "");
  const match = pattern.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = m ? Number(m) : 1;
  const day = d ? Number(d) : 1;
  if (year < 1 || month < 1 || month > 12) return null;
  // Date.UTC rolls 2023-02-30 over to March: refuse days the month does not have.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return {
    date: `${y}-${pad(month)}-${pad(day)}`,
    precision: d ? "day" : m ? "month" : "year",
    approximate,
  };
}

/** The ISO 8601 reduced-precision form: "2023", "2023-01", "2023-01-15" (with "~" if approximate). */
export function toIsoPartial(value: PartialDate): string {
  const [y, m] = value.date.split("-");
  const core = value.precision === "year" ? y! : value.precision === "month" ? `${y}-${m}` : value.date;
  return value.approximate ? `~${core}` : core;
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** For readers: "2023", "January 2023", "15 January 2023", "c. 2023", or "date unknown". */
export function formatPartialDate(value: PartialDate | null): string {
  if (!value) return "date unknown";
  const [y, m, d] = value.date.split("-").map(Number) as [number, number, number];
  const text =
    value.precision === "year"
      ? `${y}`
      : value.precision === "month"
        ? `${monthNames[m - 1]} ${y}`
        : `${d} ${monthNames[m - 1]} ${y}`;
  return value.approximate ? `c. ${text}` : text;
}

/** The last day a partial date may mean: 31 December of its year, the end of its month, or itself. */
export function lastDayOf({ date, precision }: PartialDate): string {
  const [year, month] = date.split("-");
  if (precision === "year") return `${year}-12-31`;
  if (precision === "day") return date;
  const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${pad(days)}`;
}

/**
 * For readers, a span at the precision of each end, sharing what both ends share: "1917–1953",
 * "March–June 1937", "17–18 December 1986", "November 1986 – 1987".
 */
export function formatDateRange(start: PartialDate, end: PartialDate): string {
  const from = formatPartialDate(start);
  const to = formatPartialDate(end);
  if (from === to) return from;
  if (start.precision === end.precision && !start.approximate && !end.approximate) {
    const [y1, m1] = start.date.split("-");
    const [y2, m2] = end.date.split("-");
    if (start.precision === "year") return `${y1}–${y2}`;
    if (y1 === y2 && start.precision === "month") return `${monthNames[Number(m1) - 1]}–${to}`;
    if (y1 === y2 && m1 === m2) return `${Number(start.date.slice(8))}–${to}`;
    if (y1 === y2) return `${from.replace(` ${y1}`, "")} – ${to}`;
  }
  return `${from} – ${to}`;
}

/** A form field holding a partial date: empty means unknown. */
export const partialDateField = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === "") return null;
    const parsed = parsePartialDate(text);
    if (!parsed) {
      ctx.addIssue({
        code: "custom",
        message: "Use a year (2023), a month (2023-01) or a day (2023-01-15); prefix ~ if approximate.",
      });
      return z.NEVER;
    }
    return parsed;
  });

/** A partial date as a revision's snapshot stores it (JSON). */
export const storedPartialDate = z.object({
  date: z.string(),
  precision: z.enum(datePrecisions),
  approximate: z.boolean(),
}) satisfies z.ZodType<PartialDate>;

/** Rebuilds a partial date from its stored columns. */
export function fromColumns(
  date: string | null,
  precision: DatePrecision | null,
  approximate = false,
): PartialDate | null {
  return date && precision ? { date, precision, approximate } : null;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
