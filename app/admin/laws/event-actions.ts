"use server";

import { refreshLaws } from "./refresh";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, one, rows } from "@/lib/form-data";
import { requestId } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { addEvent, moveEvent, removeEvent, updateEvent } from "@/modules/laws/events";

export type EventFormState = ActionResult<void> | null;

export async function saveEventAction(_previous: EventFormState, form: FormData): Promise<EventFormState> {
  const values = formValues(form);
  const input = {
    kind: one(values, "kind"),
    agentId: one(values, "agentId"),
    note: one(values, "note"),
    accounts: rows(values, "accounts", ["date", "sourceId", "note"]),
    preferredAccount: one(values, "preferredAccount"),
    baseRevision: one(values, "baseRevision"),
  };
  const lawId = requestId(one(values, "lawId"));
  const eventId = requestId(one(values, "eventId"));
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    if (eventId) await updateEvent(ctx, eventId, input);
    else await addEvent(ctx, lawId, input);
  }, "Saved.");
  if (result.ok) refreshLaws(lawId);
  return result;
}

export async function removeEventAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => removeEvent(ctx, requestId(form.get("id")), form.get("baseRevision")));
  if (result.ok) refreshLaws(String(form.get("lawId")));
  return result;
}

export async function moveEventAction(form: FormData): Promise<void> {
  const ctx = await requestContext();
  // The buttons are offered only where a move is possible; a refusal (a race) just shows the current order.
  await toActionResult(() =>
    moveEvent(ctx, requestId(form.get("id")), form.get("direction") === "up" ? "up" : "down", form.get("baseRevision")),
  );
  refreshLaws(String(form.get("lawId")));
}
