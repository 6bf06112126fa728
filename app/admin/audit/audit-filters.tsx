import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { AuditFacets } from "@/modules/audit/list";

export type AuditFilterValues = {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
};

/**
 * The log's filters as a GET form, so that every filtered view is a URL to share or reload. A
 * server component: the form needs no JavaScript.
 */
export function AuditFilters({
  values,
  facets,
  errors = {},
}: {
  values: AuditFilterValues;
  facets: AuditFacets;
  errors?: FieldErrors;
}) {
  const active = Object.values(values).some(Boolean);
  return (
    <form
      role="search"
      aria-label="Filter the audit log"
      action="/admin/audit"
      className="grid grid-cols-2 items-start gap-x-3 gap-y-4 rounded-lg border border-rule bg-surface p-4 lg:grid-cols-6"
    >
      <SelectField
        label="Action"
        name="action"
        hint="A group (law.*) or one action"
        className="col-span-2"
        defaultValue={values.action ?? ""}
        options={actionOptions(facets, values.action)}
        errors={errors.action}
      />
      <TextField
        label="Actor"
        name="actor"
        className="col-span-2"
        defaultValue={values.actor}
        hint="Account number, or part of a name or email"
        errors={errors.actor}
        autoComplete="off"
      />
      <SelectField
        label="Target type"
        name="targetType"
        hint="law, user, …"
        defaultValue={values.targetType ?? ""}
        options={withCurrent(
          [{ value: "", label: "All types" }, ...facets.targetTypes.map((t) => ({ value: t, label: t }))],
          values.targetType,
        )}
        errors={errors.targetType}
      />
      <TextField
        label="Target id"
        name="targetId"
        hint="Exact, such as 12"
        defaultValue={values.targetId}
        errors={errors.targetId}
        autoComplete="off"
      />
      <TextField
        label="From"
        name="from"
        type="date"
        defaultValue={values.from}
        hint="UTC, included"
        errors={errors.from}
      />
      <TextField label="To" name="to" type="date" defaultValue={values.to} hint="UTC, included" errors={errors.to} />
      <div className="col-span-2 flex items-center gap-4 self-end lg:col-span-4">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        {active && <Link href="/admin/audit">Clear filters</Link>}
      </div>
    </form>
  );
}

/** Each group ("law.*", every action of laws) followed by its actions. */
function actionOptions(facets: AuditFacets, current?: string) {
  const options = [{ value: "", label: "All actions" }];
  const grouped = new Set<string>();
  for (const group of facets.actionGroups) {
    options.push({ value: group, label: `${group}* (all ${group.slice(0, -1)} actions)` });
    for (const action of facets.actions.filter((a) => a.startsWith(group))) {
      options.push({ value: action, label: action });
      grouped.add(action);
    }
  }
  for (const action of facets.actions.filter((a) => !grouped.has(a))) options.push({ value: action, label: action });
  return withCurrent(options, current);
}

// A value from the URL that the log does not hold (yet) stays chosen rather than silently becoming "All".
function withCurrent(options: { value: string; label: string }[], current?: string) {
  return current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label: current }]
    : options;
}
