"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { one, rows } from "@/lib/form-data";
import { RepeatableRows } from "@/components/admin/repeatable-rows";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import type { Jurisdiction } from "@/modules/jurisdictions/read";
import { jurisdictionKindOptions } from "@/modules/jurisdictions/labels";
import { saveJurisdictionAction, type JurisdictionFormState } from "./actions";

export function JurisdictionForm({
  jurisdiction,
  others,
}: {
  jurisdiction?: Jurisdiction;
  /** The jurisdictions that may succeed it: every other one. */
  others: { code: string; name: string }[];
}) {
  const [state, action, pending] = useActionState<JurisdictionFormState, FormData>(saveJurisdictionAction, null);
  const router = useRouter();
  const created = !jurisdiction && state?.ok ? state.data.code : null;
  useEffect(() => {
    if (created) router.push(`/admin/jurisdictions/${created}`);
  }, [created, router]);

  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const value = (key: keyof Jurisdiction) => one(failed?.values, key) ?? String(jurisdiction?.[key] ?? "");
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="max-w-2xl space-y-5" noValidate>
      {jurisdiction && <input type="hidden" name="existingCode" value={jurisdiction.code} />}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Code"
          name="code"
          hint={
            jurisdiction ? "Fixed: laws refer to it." : "ISO 3166 (KG), or your own for a historical polity (RSFSR)."
          }
          defaultValue={value("code")}
          readOnly={Boolean(jurisdiction)}
          required
          errors={errors.code}
          className="sm:col-span-1"
        />
        <TextField
          label="Name"
          name="name"
          defaultValue={value("name")}
          required
          errors={errors.name}
          className="sm:col-span-2"
        />
      </div>
      <SelectField
        key={value("kind")}
        label="Kind"
        name="kind"
        options={jurisdictionKindOptions}
        defaultValue={value("kind") || "country"}
        errors={errors.kind}
      />
      <RepeatableRows
        name="otherNames"
        legend="Other names"
        hint="In other languages and scripts (Кыргызстан, Kyrgyz Republic); the list filter finds them too."
        fields={[
          { key: "name", label: "Name" },
          { key: "lang", label: "Language", className: "w-24" },
        ]}
        initial={failed ? rows(failed.values, "otherNames", ["name", "lang"]) : (jurisdiction?.otherNames ?? [])}
        errors={errors}
        addLabel="Add a name"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="From (year)"
          name="startYear"
          inputMode="numeric"
          defaultValue={value("startYear")}
          errors={errors.startYear}
        />
        <TextField
          label="Until (year)"
          name="endYear"
          inputMode="numeric"
          hint="Empty if it still exists."
          defaultValue={value("endYear")}
          errors={errors.endYear}
        />
      </div>
      <SelectField
        key={`successor-${value("successorCode")}`}
        label="Succeeded by (optional)"
        name="successorCode"
        hint="The polity that took its place (the Kirghiz SSR's is Kyrgyzstan). Both pages show the succession."
        options={[
          { value: "", label: "None" },
          ...others.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
        ]}
        defaultValue={value("successorCode")}
        errors={errors.successorCode}
      />
      {/* Beside the button that was pressed: on a long form the top is out of sight. */}
      {state?.ok && jurisdiction && <Notice tone="success">Saved.</Notice>}
      {failed && <Notice tone="error">{failed.message}</Notice>}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : jurisdiction ? "Save changes" : "Create jurisdiction"}
      </Button>
    </form>
  );
}
