"use client";

import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton, DialogCloseButton } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/action-result";
import { removeEventAction } from "../event-actions";
import { EventForm, type EventFormValues } from "./event-form";
import { BaseRevisionInput } from "@/components/admin/base-revision";

export function NewEvent({ lawId }: { lawId: number }) {
  // A new key after each save gives an empty form for the next event.
  const [round, setRound] = useState(0);
  return (
    <details className="rounded-lg border border-dashed border-rule bg-surface p-4">
      <summary className="cursor-pointer font-semibold">Add an event</summary>
      <div className="mt-4">
        <EventForm key={round} lawId={lawId} onDone={() => setRound((r) => r + 1)} />
      </div>
    </details>
  );
}

export function EventEditor({ lawId, event, name }: { lawId: number; event: EventFormValues; name: string }) {
  const [round, setRound] = useState(0);
  const inside = useRef<HTMLDivElement>(null);
  return (
    <DialogButton label="Edit" srLabel={`Edit ${name}`} title="Edit event">
      <div ref={inside}>
        <EventForm
          key={round}
          lawId={lawId}
          event={event}
          onDone={() => {
            setRound((r) => r + 1);
            // Saved: back to the timeline, which now shows the change.
            inside.current?.closest("dialog")?.close();
          }}
        />
      </div>
    </DialogButton>
  );
}

export function RemoveEvent({ lawId, id, name }: { lawId: number; id: number; name: string }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(removeEventAction, null);
  return (
    <DialogButton label="Remove" srLabel={`Remove ${name}`} title="Remove this event?" variant="danger">
      <form action={action} className="space-y-4">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="lawId" value={lawId} />
        <BaseRevisionInput />
        <p className="text-sm">The event and every account of its date are removed from the timeline.</p>
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
