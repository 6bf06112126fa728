"use client";

import { removePeriodAction } from "../period-actions";
import { PeriodForm, type PeriodFormValues } from "./period-form";
import { AddPart, EditPart, RemovePart } from "./part-dialogs";

export function NewPeriod({ lawId }: { lawId: number }) {
  return <AddPart summary="Add a period" form={(onDone) => <PeriodForm lawId={lawId} onDone={onDone} />} />;
}

export function PeriodEditor({ lawId, period, name }: { lawId: number; period: PeriodFormValues; name: string }) {
  return (
    <EditPart
      title="Edit period"
      srLabel={`Edit ${name}`}
      form={(onDone) => <PeriodForm lawId={lawId} period={period} onDone={onDone} />}
    />
  );
}

export function RemovePeriod({ lawId, id, name }: { lawId: number; id: number; name: string }) {
  return (
    <RemovePart
      action={removePeriodAction}
      lawId={lawId}
      id={id}
      title="Remove this period?"
      srLabel={`Remove ${name}`}
      explanation="The period and every source's account of it are removed from the law."
    />
  );
}
