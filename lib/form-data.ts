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

/**
 * Rows of a repeatable group, from fields named `${prefix}.${index}.${field}`, at the positions the
 * form showed them: a missing position becomes an empty row, so that validation errors (keyed by
 * position) land on the row the user sees. Schemas drop empty rows after validating.
 */
export function rows<F extends string>(
  values: FormValues | undefined,
  prefix: string,
  fields: readonly F[],
): Record<F, string>[] {
  const result: Record<F, string>[] = [];
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const key of Object.keys(values ?? {})) {
    const match = pattern.exec(key);
    const field = match?.[2] as F | undefined;
    if (!match || !field || !fields.includes(field)) continue;
    const index = Number(match[1]);
    while (result.length <= index) result.push(Object.fromEntries(fields.map((f) => [f, ""])) as Record<F, string>);
    result[index]![field] = one(values, key) ?? "";
  }
  return result;
}
