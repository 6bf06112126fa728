import { z } from "zod";
import { lastDayOf, partialDateField } from "@/lib/partial-date";
import { formRowList, present, text } from "@/lib/validation";
import { recordId } from "./schemas";

const optionalId = z
  .union([z.literal(""), recordId])
  .nullish()
  .transform((v) => (v === "" || v === undefined || v === null ? null : v));

const account = z
  .object({
    start: partialDateField,
    end: partialDateField,
    sourceId: optionalId,
    note: text().trim().max(1000, "Use at most 1,000 characters.").default(""),
  })
  .superRefine((a, ctx) => {
    // A row left wholly empty is dropped (formRowList); one half-filled is not a span yet.
    if (a.start === null) ctx.addIssue({ code: "custom", path: ["start"], message: "Enter when the period starts." });
    if (a.end === null) ctx.addIssue({ code: "custom", path: ["end"], message: "Enter when the period ends." });
    if (a.start && a.end && lastDayOf(a.end) < a.start.date)
      ctx.addIssue({ code: "custom", path: ["end"], message: "The period ends before it starts." });
  });

/**
 * A span of time a law covers. Each account is one source's dates for it, at the precision that
 * source gives ("1917–1953", "17–18 December 1986"); at least one is needed.
 */
export const periodInput = z
  .object({
    note: text().trim().max(2000, "Use at most 2,000 characters.").default(""),
    accounts: formRowList(account).refine((list) => list.length <= 50, "Keep it to 50 accounts."),
    preferredAccount: z.coerce.number().int().min(0).max(49).default(0),
  })
  .refine((period) => present(period.accounts).length > 0, {
    path: ["accounts"],
    message: "Enter when the period starts and ends.",
  })
  .transform((period) => {
    const accounts = present(period.accounts);
    const preferred = period.accounts[period.preferredAccount];
    return {
      note: period.note,
      // Every row left is whole: a half-filled one was refused above.
      accounts: accounts.map((a) => ({ ...a, start: a.start!, end: a.end! })),
      preferredAccount: Math.max(0, preferred ? accounts.indexOf(preferred) : 0),
    };
  });

export type PeriodValues = z.output<typeof periodInput>;
