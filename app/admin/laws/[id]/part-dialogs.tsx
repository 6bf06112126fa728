"use client";

import { useActionState, useRef, useState } from "react";
import { BaseRevisionInput } from "@/components/admin/base-revision";
import { Button } from "@/components/ui/button";
import { DialogButton, DialogCloseButton } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/action-result";

type FormFor = (onDone: () => void) => React.ReactNode;

/** A part of the law to add (an event, a period): a new, empty form after each save. */
export function AddPart({ summary, form }: { summary: string; form: FormFor }) {
  const [round, setRound] = useState(0);
  return (
    <details className="rounded-lg border border-dashed border-rule bg-surface p-4">
      <summary className="cursor-pointer font-semibold">{summary}</summary>
      <div key={round} className="mt-4">
        <Slot form={form} onDone={() => setRound((r) => r + 1)} />
      </div>
    </details>
  );
}

/** A part of the law edited in a dialog, which closes once saved: the list behind shows the change. */
export function EditPart({ title, srLabel, form }: { title: string; srLabel: string; form: FormFor }) {
  const [round, setRound] = useState(0);
  const inside = useRef<HTMLDivElement>(null);
  return (
    <DialogButton label="Edit" srLabel={srLabel} title={title}>
      <div key={round} ref={inside}>
        <Slot
          form={form}
          onDone={() => {
            setRound((r) => r + 1);
            inside.current?.closest("dialog")?.close();
          }}
        />
      </div>
    </DialogButton>
  );
}

/** The form a part's dialog or disclosure holds, told when it has saved. */
function Slot({ form, onDone }: { form: FormFor; onDone: () => void }) {
  return form(onDone);
}

/** Removing a part of the law, once confirmed: a change of the law, undone from its history. */
export function RemovePart({
  action,
  lawId,
  id,
  title,
  srLabel,
  explanation,
}: {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  lawId: number;
  id: number;
  title: string;
  srLabel: string;
  explanation: string;
}) {
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(action, null);
  return (
    <DialogButton label="Remove" srLabel={srLabel} title={title} variant="danger">
      <form action={dispatch} className="space-y-4">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="lawId" value={lawId} />
        <BaseRevisionInput />
        <p className="text-sm">{explanation}</p>
        {state && !state.ok && <p className="text-sm text-danger">{state.message}</p>}
        <div className="flex gap-2">
          <Button type="submit" variant="danger" disabled={pending}>
            Remove
          </Button>
          <DialogCloseButton>Cancel</DialogCloseButton>
        </div>
      </form>
    </DialogButton>
  );
}
