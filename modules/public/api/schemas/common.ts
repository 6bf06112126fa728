import { z } from "zod";
import { datePrecisions } from "@/lib/partial-date";
import { apiSchemas } from "./registry";

/** Every error of the read API (lib/api/problem.ts). */
export const problemSchema = z
  .object({
    status: z.int().min(300).max(599),
    message: z.string(),
    location: z.url().optional(),
  })
  .register(apiSchemas, { id: "Problem", description: "An error: its HTTP status and what to change." });

/** A date known to the year, month or day, stored as the first day of its period. */
export const partialDateSchema = z
  .object({ date: z.iso.date(), precision: z.enum(datePrecisions), approximate: z.boolean() })
  .register(apiSchemas, {
    id: "PartialDate",
    description: "A date known to its precision only: `date` is the first day of the year or month it names.",
  });

export const timestampSchema = z.iso.datetime({ offset: true });

/** A list page: its items, and the address of the next page, absent on the last. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next: z.url().nullable().describe("The next page's address (same filters, with a cursor); null on the last page."),
  });
}
