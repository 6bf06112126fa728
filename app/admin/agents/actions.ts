"use server";

import { revalidatePath } from "next/cache";
import type { PickerOption } from "@/components/admin/entity-picker";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, type FormValues } from "@/lib/form-data";
import { requestId, searchText } from "@/lib/validation";
import { deleteAgent } from "@/modules/agents/delete";
import { agentFormInput } from "@/modules/agents/form-input";
import { createAgent, createAgentInline, updateAgent } from "@/modules/agents/save";
import { searchAgentOptions } from "@/modules/agents/search";
import { requestContext } from "@/modules/auth/session";

export type AgentFormState = (ActionResult<{ id: number }> & { values?: FormValues }) | null;

export async function saveAgentAction(_previous: AgentFormState, form: FormData): Promise<AgentFormState> {
  const values = formValues(form);
  const existing = form.get("agentId");
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const input = agentFormInput(values);
    const saved = existing ? await updateAgent(ctx, requestId(existing), input) : await createAgent(ctx, input);
    return { id: saved.id };
  }, "Saved.");
  if (!result.ok) return { ...result, values };
  revalidatePath("/admin/agents");
  revalidatePath(`/admin/agents/${result.data.id}`);
  return result;
}

export async function deleteAgentAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => deleteAgent(ctx, requestId(form.get("id") ?? "")));
  if (result.ok) revalidatePath("/admin/agents");
  return result;
}

/** For pickers: agents matching what was typed, best first; empty when refused (signed out). */
export async function searchAgentsAction(q: string): Promise<PickerOption[]> {
  const ctx = await requestContext();
  const result = await toActionResult(() => searchAgentOptions(ctx, searchText(q, 300)));
  return result.ok ? result.data : [];
}

/** For pickers' "create new": a new agent under the typed name, of the kind the picker asks for. */
export async function createAgentInlineAction(name: string, kind?: string): Promise<ActionResult<PickerOption>> {
  const ctx = await requestContext();
  const result = await toActionResult(() => createAgentInline(ctx, { name, kind }), "Agent created.");
  if (result.ok) revalidatePath("/admin/agents");
  return result;
}
