import { useId } from "react";

type Common = { label: string; name: string; errors?: string[]; hint?: string };

/** What every control needs to be tied to its label, hint and errors. */
type ControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  /** The border that marks a field in error. */
  border: string;
};

/**
 * The frame every labelled field shares: label, hint, the control, its errors, all wired for
 * screen readers. The control itself comes from the caller.
 */
function Field({
  label,
  hint,
  errors,
  className,
  children,
}: Omit<Common, "name"> & { className?: string; children: (control: ControlProps) => React.ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        border: errorId ? "border-danger" : "border-control",
      })}
      {errorId && (
        <p id={errorId} className="mt-1 text-sm font-medium text-danger">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}

const control = "mt-1 block w-full rounded border bg-surface px-3 py-2 text-ink shadow-sm";

type FieldProps = Common & { children?: never } & Omit<
    React.InputHTMLAttributes<HTMLInputElement>,
    "name" | "children"
  >;

/** A labelled input with its hint and its errors. */
export function TextField({ label, name, errors, hint, className, ...input }: FieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {({ border, ...wiring }) => (
        <input name={name} className={`${control} text-base ${border}`} {...wiring} {...input} />
      )}
    </Field>
  );
}

type SelectProps = Common & {
  options: readonly { value: string; label: string }[];
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name">;

export function SelectField({ label, name, errors, hint, options, className, ...select }: SelectProps) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {({ border, ...wiring }) => (
        <select name={name} className={`${control} text-base ${border}`} {...wiring} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type TextAreaProps = Common & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">;

export function TextAreaField({ label, name, errors, hint, className, rows = 6, ...area }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {({ border, ...wiring }) => (
        <textarea name={name} rows={rows} className={`${control} font-mono text-sm ${border}`} {...wiring} {...area} />
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  name,
  defaultChecked,
  hint,
}: {
  label: string;
  name: string;
  defaultChecked?: boolean;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        value="on"
        defaultChecked={defaultChecked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1 size-4"
      />
      <div className="text-sm">
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
