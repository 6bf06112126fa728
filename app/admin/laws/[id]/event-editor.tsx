"use client";

import { removeEventAction } from "../event-actions";
import { EventForm, type EventFormValues } from "./event-form";
import { AddPart, EditPart, RemovePart } from "./part-dialogs";

export function NewEvent({ lawId }: { lawId: number }) {
  return <AddPart summary="Add an event" form={(onDone) => <EventForm lawId={lawId} onDone={onDone} />} />;
}

export function EventEditor({ lawId, event, name }: { lawId: number; event: EventFormValues; name: string }) {
  return (
    <EditPart
      title="Edit event"
      srLabel={`Edit ${name}`}
      form={(onDone) => <EventForm lawId={lawId} event={event} onDone={onDone} />}
    />
  );
}

export function RemoveEvent({ lawId, id, name }: { lawId: number; id: number; name: string }) {
  return (
    <RemovePart
      action={removeEventAction}
      lawId={lawId}
      id={id}
      title="Remove this event?"
      srLabel={`Remove ${name}`}
      explanation="The event and every account of its date are removed from the timeline."
    />
  );
}
