/** Jurisdictions as a group of checkboxes: the vocabulary is short enough to show whole. */
export function JurisdictionCheckboxes({
  options,
  checked,
  errors,
}: {
  options: { code: string; name: string }[];
  checked: string[];
  errors?: string[];
}) {
  return (
    <fieldset aria-describedby={errors?.length ? "jurisdictions-error" : undefined}>
      <legend className="text-sm font-semibold">Jurisdictions concerned</legend>
      {options.length === 0 ? (
        <p className="mt-1 text-sm text-muted">No jurisdictions yet.</p>
      ) : (
        <div className="mt-1 grid max-h-48 gap-1 overflow-auto rounded border border-rule bg-surface p-2 sm:grid-cols-3">
          {options.map((j) => (
            <label key={j.code} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="jurisdictionCodes"
                value={j.code}
                defaultChecked={checked.includes(j.code)}
                className="size-4"
              />
              {j.name} <span className="text-muted">({j.code})</span>
            </label>
          ))}
        </div>
      )}
      {errors?.length ? (
        <p id="jurisdictions-error" className="mt-1 text-sm font-medium text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
