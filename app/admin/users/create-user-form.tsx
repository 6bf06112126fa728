"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { OneTimePassword } from "./one-time-password";
import { createUserAction, type CreateUserState } from "./actions";
import { roleOptions } from "./role-options";

export function CreateUserForm() {
  const [state, action, pending] = useActionState<CreateUserState | null, FormData>(createUserAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <div className="space-y-4">
      {state?.ok && (
        <Notice tone="success" testId="account-created">
          Account created for <strong>{state.data.email}</strong>. <OneTimePassword password={state.data.password} />
        </Notice>
      )}
      {failed && failed.code !== "validation" && <Notice tone="error">{failed.message}</Notice>}
      {/* A new key after each success empties the form; after a failure it keeps what was typed. */}
      <form
        key={state?.ok ? state.data.email : "form"}
        action={action}
        className="grid gap-4 sm:grid-cols-3"
        noValidate
      >
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="off"
          defaultValue={failed?.values?.email}
          errors={failed?.fieldErrors?.email}
        />
        <TextField
          label="Display name"
          name="name"
          required
          defaultValue={failed?.values?.name}
          errors={failed?.fieldErrors?.name}
        />
        {/* Keyed by the submitted role: React resets a select to its first default after an action. */}
        <SelectField
          key={failed?.values?.role ?? "contributor"}
          label="Role"
          name="role"
          options={roleOptions}
          defaultValue={failed?.values?.role ?? "contributor"}
          errors={failed?.fieldErrors?.role}
        />
        <div className="sm:col-span-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create account"}
          </Button>
        </div>
      </form>
    </div>
  );
}
