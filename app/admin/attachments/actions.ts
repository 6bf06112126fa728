"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, one, rows } from "@/lib/form-data";
import { requestId } from "@/lib/validation";
import { attachFiles } from "@/modules/attachments/attach";
import { detachFile } from "@/modules/attachments/detach";
import type { AttachmentOwner } from "@/modules/attachments/owner-column";
import { updateAttachment } from "@/modules/attachments/update";
import { requestContext } from "@/modules/auth/session";
import { refreshLaws } from "../laws/refresh";

export type AttachFormState = ActionResult<{ ids: number[] }> | null;

const fileFields = ["sha256", "name", "role", "capturedOn", "internal"] as const;

/** Attaches uploaded files (`files.N.sha256`, `.name`, `.role`, `.capturedOn`, `.internal`) to a law, one of its texts, or an article. */
export async function attachFilesAction(_previous: AttachFormState, form: FormData): Promise<AttachFormState> {
  const ctx = await requestContext();
  const values = formValues(form);
  const owner = ownerOf(form);
  const result = await toActionResult(
    () =>
      attachFiles(ctx, owner, {
        baseRevision: one(values, "baseRevision"),
        textId: one(values, "textId"),
        files: rows(values, "files", fileFields),
      }),
    "Files attached.",
  );
  if (result.ok) refresh(owner);
  return result;
}

export async function updateAttachmentAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const values = formValues(form);
  const result = await toActionResult(
    () =>
      updateAttachment(ctx, requestId(form.get("id")), {
        baseRevision: one(values, "baseRevision"),
        name: one(values, "name"),
        role: one(values, "role"),
        capturedOn: one(values, "capturedOn"),
        internal: one(values, "internal"),
      }),
    "Saved.",
  );
  if (!result.ok) return result;
  refresh(result.data.owner);
  return { ok: true, data: undefined, message: result.message };
}

export async function detachAttachmentAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => detachFile(ctx, requestId(form.get("id")), form.get("baseRevision")));
  if (!result.ok) return result;
  refresh(result.data.owner);
  return { ok: true, data: undefined };
}

function ownerOf(form: FormData): AttachmentOwner {
  const type = form.get("ownerType");
  return { type: type === "article" || type === "source" ? type : "law", id: requestId(form.get("ownerId")) };
}

function refresh(owner: AttachmentOwner) {
  if (owner.type === "law") refreshLaws(owner.id);
  else revalidatePath(`/admin/${owner.type}s/${owner.id}`);
}
