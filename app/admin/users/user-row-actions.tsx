"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton, DialogCloseButton } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import type { Role } from "@/modules/auth/permissions";
import type { ActionResult } from "@/lib/action-result";
import { OneTimePassword } from "./one-time-password";
import { changeRoleAction, resetPasswordAction, setActiveAction, type CreatedAccount } from "./actions";
import { roleOptions } from "./role-options";

type Props = { userId: number; email: string; role: Role; active: boolean; isSelf: boolean };

export function UserRowActions({ userId, email, role, active, isSelf }: Props) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <RoleForm userId={userId} email={email} role={role} />
      {!isSelf && <ActiveToggle userId={userId} email={email} active={active} />}
      <ResetPassword userId={userId} email={email} />
    </div>
  );
}

function RoleForm({ userId, email, role }: { userId: number; email: string; role: Role }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(changeRoleAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {email}
      </label>
      {/* Keyed by the saved role: React resets a select to its first default after an action. */}
      <select
        key={role}
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        className="rounded border border-rule bg-surface px-2 py-1 text-sm"
      >
        {roleOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.value}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" className="px-3 py-1" disabled={pending}>
        Save role
      </Button>
      {state && <ResultText result={state} />}
    </form>
  );
}

function ActiveToggle({ userId, email, active }: { userId: number; email: string; active: boolean }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(setActiveAction, null);
  const verb = active ? "Deactivate" : "Reactivate";
  // After a success the row has already flipped; the dialog reports what was done instead of offering the reverse.
  if (state?.ok) {
    return (
      <DialogButton label={verb} title={email}>
        <div className="space-y-4">
          <Notice tone="success">{state.message}</Notice>
          <DialogCloseButton>Close</DialogCloseButton>
        </div>
      </DialogButton>
    );
  }
  return (
    <DialogButton label={verb} title={`${verb} ${email}?`} variant={active ? "danger" : "secondary"}>
      <form action={action} className="space-y-4">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="active" value={String(!active)} />
        <p className="text-sm">
          {active
            ? "They are signed out at once and cannot sign in until an admin reactivates them. Their work stays in the archive."
            : "They will be able to sign in again with their current password."}
        </p>
        {state && <ResultText result={state} />}
        <div className="flex gap-2">
          <Button type="submit" variant={active ? "danger" : "primary"} disabled={pending}>
            {verb}
          </Button>
          <DialogCloseButton>Cancel</DialogCloseButton>
        </div>
      </form>
    </DialogButton>
  );
}

function ResetPassword({ userId, email }: { userId: number; email: string }) {
  const [state, action, pending] = useActionState<ActionResult<CreatedAccount> | null, FormData>(
    resetPasswordAction,
    null,
  );
  return (
    <DialogButton label="Reset password" title={`Reset the password of ${email}?`}>
      <form action={action} className="space-y-4">
        <input type="hidden" name="userId" value={userId} />
        {state?.ok ? (
          <Notice tone="success">
            Password reset; they are signed out everywhere. <OneTimePassword password={state.data.password} />
          </Notice>
        ) : (
          <p className="text-sm">
            A new password is generated and shown once. Their current password stops working and their sessions end.
          </p>
        )}
        {state && !state.ok && <ResultText result={state} />}
        <div className="flex gap-2">
          {!state?.ok && (
            <Button type="submit" disabled={pending}>
              Reset password
            </Button>
          )}
          <DialogCloseButton>{state?.ok ? "Close" : "Cancel"}</DialogCloseButton>
        </div>
      </form>
    </DialogButton>
  );
}

function ResultText({ result }: { result: ActionResult<unknown> }) {
  return (
    <span role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-success" : "text-danger"}`}>
      {result.message}
    </span>
  );
}
