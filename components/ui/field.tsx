import { useId } from "react";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  children?: never;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "children">;

/** A labelled input with its hint and its errors, wired for screen readers. */
export function TextField({ label, name, errors, hint, className, ...input }: FieldProps) {
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
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`mt-1 block w-full rounded border bg-white px-3 py-2 text-base text-ink shadow-sm ${
          errorId ? "border-danger" : "border-rule"
        }`}
        {...input}
      />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

type SelectProps = {
  label: string;
  name: string;
  errors?: string[];
  options: readonly { value: string; label: string }[];
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name">;

export function SelectField({ label, name, errors, options, className, ...select }: SelectProps) {
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={`mt-1 block w-full rounded border bg-white px-3 py-2 text-base text-ink shadow-sm ${
          errorId ? "border-danger" : "border-rule"
        }`}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!id || !errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-danger">
      {errors.join(" ")}
    </p>
  );
}

type TextAreaProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
} & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">;

export function TextAreaField({ label, name, errors, hint, className, rows = 6, ...area }: TextAreaProps) {
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
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`mt-1 block w-full rounded border bg-white px-3 py-2 font-mono text-sm text-ink shadow-sm ${
          errorId ? "border-danger" : "border-rule"
        }`}
        {...area}
      />
      <FieldErrors id={errorId} errors={errors} />
    </div>
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
