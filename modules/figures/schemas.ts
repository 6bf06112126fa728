import { z } from "zod";
import { partialDateField } from "@/lib/partial-date";
import { parseFigureNumber } from "@/lib/figure-number";
import { recordId, text } from "@/lib/validation";

const optionalId = z
  .union([z.literal(""), recordId])
  .nullish()
  .transform((v) => (v === "" || v === undefined || v === null ? null : v));

/**
 * A number as the source prints it ("311,000", "18 000", "2.4 million"): read into a plain decimal
 * kept as text, never rounded by a float, with the source's wording beside it (lib/figure-number.ts).
 */
const value = text({ message: "Enter the number." })
  .trim()
  .min(1, "Enter the number.")
  .max(60, "Use at most 60 characters.")
  .transform((printed, ctx) => {
    const number = parseFigureNumber(printed);
    if (number) return number;
    ctx.addIssue({
      code: "custom",
      message: "Write the number as the source prints it: 856, 311,000, 18 000, 12.5 or 2.4 million.",
    });
    return z.NEVER;
  });

export const figureInput = z
  .object({
    label: text({ message: "Say what is counted." })
      .trim()
      .min(1, "Say what is counted.")
      .max(500, "Use at most 500 characters."),
    jurisdictionCode: text()
      .trim()
      .toUpperCase()
      .max(12)
      .nullish()
      .transform((code) => code || null),
    unit: text().trim().max(100, "Use at most 100 characters.").default(""),
    note: text().trim().max(5000, "Use at most 5,000 characters.").default(""),
    accounts: z
      .array(
        z.object({
          value,
          asOf: partialDateField.nullish().transform((d) => d ?? null),
          sourceId: optionalId,
        }),
      )
      .min(1, "Give at least one sourced value.")
      .max(50, "Keep it to 50 accounts."),
    preferredAccount: z.coerce.number().int().min(0).default(0),
    lawIds: z.array(recordId).max(200, "Keep it to 200.").default([]),
  })
  .refine((f) => f.preferredAccount < f.accounts.length, {
    path: ["preferredAccount"],
    message: "Choose the preferred account.",
  });

export type FigureInput = z.input<typeof figureInput>;
export type FigureValues = z.output<typeof figureInput>;

export const listFiguresInput = z.object({
  q: text().trim().max(200).optional().catch(undefined),
  jurisdiction: text().trim().toUpperCase().min(1).max(12).optional().catch(undefined),
  sort: z.enum(["updated", "label"]).catch("updated").default("updated"),
  // A label cursor carries the label, base64-encoded.
  after: text().max(4000).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(50).catch(50),
});
