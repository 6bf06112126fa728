import { z } from "zod";
import { cursorParam } from "@/lib/api/cursor";
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

/** Most items a page of a list holds, and how many when `limit` is not given. */
export const pageLimit = { max: 100, default: 50 } as const;

/** Where a page of a list ended: the last item's publication time and id (every list's order). */
export const listPosition = z.object({ p: timestampSchema, id: z.int().positive() });
export type ListPosition = z.output<typeof listPosition>;

/** The parameters every list takes besides its filters: what changed since, where to go on, how many. */
export function listParams(items: string) {
  return {
    updated_since: timestampSchema
      .optional()
      .meta({ description: `Only ${items} published (or republished) at or after this ISO 8601 date-time.` }),
    cursor: cursorParam(listPosition)
      .optional()
      .meta({ description: "Where to go on: take it from a page's `next` address." }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(pageLimit.max)
      .default(pageLimit.default)
      .meta({ description: `How many ${items} per page, 1 to ${pageLimit.max}.` }),
  };
}
