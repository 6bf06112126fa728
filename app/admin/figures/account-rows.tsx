"use client";

import { useState } from "react";
import { EntityPicker, type PickerOption } from "@/components/admin/entity-picker";
import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { createSourceInlineAction, searchSourcesAction } from "../sources/actions";

export type AccountValues = { value: string; asOf: string; source: PickerOption | null; preferred: boolean };

const blank: AccountValues = { value: "", asOf: "", source: null, preferred: false };

/**
 * A figure's sourced accounts: where sources disagree, one row each, and the editor marks the one
 * to show first. Rows are named accounts.<index>.<field> for lib/form-data.ts rows().
 */
export function AccountRows({ initial, errors }: { initial: AccountValues[]; errors: FieldErrors }) {
  const start = initial.length ? initial : [blank];
  const [accounts, setAccounts] = useState(() => start.map((a, key) => ({ key, ...a })));
  const [nextKey, setNextKey] = useState(start.length);
  const preferred = Math.max(
    0,
    start.findIndex((a) => a.preferred),
  );
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Values, according to whom</legend>
      <p className="text-sm text-muted">
        The number as the source gives it (856 or 12.5), and as of when: a year (2023), a month (2023-01) or a day
        (2023-01-15); ~ in front if approximate; empty if unknown. Where sources disagree, add an account for each and
        mark the one to show first.
      </p>
      {accounts.map((account, index) => (
        <div
          key={account.key}
          className="grid gap-2 rounded border border-rule bg-surface-muted p-3 sm:grid-cols-[8rem_9rem_1fr_auto]"
          data-testid="figure-account"
        >
          <input type="hidden" name={`accounts.${index}.keep`} value="1" />
          <TextField
            label="Value"
            name={`accounts.${index}.value`}
            inputMode="decimal"
            defaultValue={account.value}
            placeholder="856"
            errors={errors[`accounts.${index}.value`]}
          />
          <TextField
            label="As of"
            name={`accounts.${index}.asOf`}
            defaultValue={account.asOf}
            placeholder="2024-12"
            errors={errors[`accounts.${index}.asOf`]}
          />
          <EntityPicker
            label="Source"
            name={`accounts.${index}.sourceId`}
            initial={account.source ? [account.source] : []}
            search={searchSourcesAction}
            create={createSourceInlineAction}
            errors={errors[`accounts.${index}.sourceId`]}
          />
          <div className="flex flex-col gap-1 pt-6 text-sm">
            <label className="flex items-center gap-1">
              <input type="radio" name="preferredAccount" value={index} defaultChecked={index === preferred} />{" "}
              Preferred
            </label>
            {accounts.length > 1 && (
              <button
                type="button"
                className="text-left text-muted underline"
                onClick={() => setAccounts((list) => list.filter((a) => a.key !== account.key))}
              >
                Remove account
              </button>
            )}
          </div>
        </div>
      ))}
      <button
        type="button"
        className="rounded border border-dashed border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink"
        onClick={() => {
          setAccounts((list) => [...list, { key: nextKey, ...blank }]);
          setNextKey((k) => k + 1);
        }}
      >
        + Add another source&apos;s account
      </button>
      {errors.accounts && <p className="text-sm font-medium text-danger">{errors.accounts.join(" ")}</p>}
      {errors.preferredAccount && (
        <p className="text-sm font-medium text-danger">{errors.preferredAccount.join(" ")}</p>
      )}
    </fieldset>
  );
}
