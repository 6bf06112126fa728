import { many, one, rows, type FormValues } from "@/lib/form-data";

/** The figure form's fields, as the input of createFigure/updateFigure. */
export function figureInputFrom(values: FormValues) {
  return {
    label: one(values, "label"),
    jurisdictionCode: one(values, "jurisdictionCode"),
    unit: one(values, "unit"),
    note: one(values, "note"),
    // "keep" holds every row in place, so row numbers in errors and the preferred choice line up.
    accounts: rows(values, "accounts", ["value", "asOf", "sourceId", "keep"]),
    preferredAccount: one(values, "preferredAccount"),
    lawIds: many(values, "lawIds"),
  };
}
