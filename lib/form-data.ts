/**
 * A form's fields as plain values: one string per name, or an array where a name repeats
 * (checkbox groups, pickers). Sent back to a form after a failed save so nothing typed is lost.
 */
export type FormValues = Record<string, string | string[]>;

export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const existing = values[key];
    values[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

export function one(values: FormValues | undefined, key: string): string | undefined {
  const value = values?.[key];
  return Array.isArray(value) ? value[0] : value;
}

export function many(values: FormValues | undefined, key: string): string[] {
  const value = values?.[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
