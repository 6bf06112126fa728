import { z } from "zod";
import { lawEventKinds } from "@/db/schema/vocabulary";
import { partialDateField } from "@/lib/partial-date";
import { formRowList, present, text } from "@/lib/validation";
import { recordId } from "./schemas";

const optionalId = z
  .union([z.literal(""), recordId])
  .nullish()
  .transform((v) => (v === "" || v === undefined || v === null ? null : v));

const unknownDate = { date: null, sourceId: null, note: "" };

/**
 * One step of a law's history. Each account is one source's date for it; an account row left
 * empty is dropped (an extra blank row must not look like a source that disagrees), and an event
 * with no account at all gets one unknown date.
 */
export const eventInput = z
  .object({
    kind: z.enum(lawEventKinds, { message: "Choose what happened." }),
    agentId: optionalId,
    note: text().trim().max(2000, "Use at most 2,000 characters.").default(""),
    accounts: formRowList(
      z.object({ date: partialDateField, sourceId: optionalId, note: text().trim().max(1000).default("") }),
    ).refine((list) => list.length <= 50, "Keep it to 50 accounts."),
    preferredAccount: z.coerce.number().int().min(0).max(49).default(0),
  })
  .transform((event) => {
    const accounts = present(event.accounts);
    const preferred = event.accounts[event.preferredAccount];
    return {
      ...event,
      accounts: accounts.length > 0 ? accounts : [unknownDate],
      preferredAccount: Math.max(0, preferred ? accounts.indexOf(preferred) : 0),
    };
  });

export type EventValues = z.output<typeof eventInput>;
