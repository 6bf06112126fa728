"use server";

import { revalidatePath } from "next/cache";
import type { PickerOption } from "@/components/admin/entity-picker";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, one } from "@/lib/form-data";
import { requestId, searchText } from "@/lib/validation";
import { deleteAnnotation } from "@/modules/annotations/delete";
import { searchPassageOptions } from "@/modules/annotations/list";
import { getAnnotation } from "@/modules/annotations/read";
import { proposeFoundPassage } from "@/modules/annotations/review";
import { createAnnotation, updateAnnotation } from "@/modules/annotations/save";
import type { TargetRef } from "@/modules/annotations/target";
import { listArticles } from "@/modules/articles/list";
import { requestContext } from "@/modules/auth/session";
import { annotationInputFrom, passageFrom } from "./form-input";
import { annotatePath, annotationPath } from "./paths";

export type AnnotationFormState = ActionResult<{ id: number }> | null;

/** After an annotation changes: its page, its text's page and the list show it. */
function refresh(id: number, target: TargetRef) {
  revalidatePath(annotationPath(id));
  revalidatePath(annotatePath(target));
  revalidatePath("/admin/annotations");
}

export async function createAnnotationAction(
  _previous: AnnotationFormState,
  form: FormData,
): Promise<AnnotationFormState> {
  const values = formValues(form);
  const ctx = await requestContext();
  return toActionResult(async () => {
    const created = await createAnnotation(ctx, {
      ...annotationInputFrom(values),
      targetType: one(values, "targetType"),
      targetId: one(values, "targetId"),
      textId: one(values, "textId") ?? "",
      passage: passageFrom(values),
    });
    refresh(created.id, created.target);
    return { id: created.id };
  }, "Annotation saved as a draft.");
}

export async function updateAnnotationAction(
  _previous: AnnotationFormState,
  form: FormData,
): Promise<AnnotationFormState> {
  const values = formValues(form);
  const id = requestId(one(values, "annotationId"));
  const ctx = await requestContext();
  return toActionResult(async () => {
    const saved = await updateAnnotation(ctx, id, annotationInputFrom(values));
    refresh(saved.id, saved.target);
    return { id: saved.id };
  }, "Saved.");
}

/**
 * Moves an orphaned (or any) annotation onto a passage selected anew, keeping what it says: its
 * note, kind, audience, links and sources are saved as they stand.
 */
export async function reattachAnnotationAction(
  _previous: AnnotationFormState,
  form: FormData,
): Promise<AnnotationFormState> {
  const values = formValues(form);
  const id = requestId(one(values, "annotationId"));
  const ctx = await requestContext();
  return toActionResult(async () => {
    const current = await getAnnotation(ctx, id);
    const saved = await updateAnnotation(
      ctx,
      id,
      {
        kind: current.kind,
        audience: current.audience,
        body: current.body,
        links: current.links.map((l) => `${l.type}:${l.id}`),
        sourceIds: current.sources.map((s) => s.id),
        baseRevision: one(values, "baseRevision"),
        passage: passageFrom(values),
      },
      { message: "Re-attached to a new passage" },
    );
    refresh(saved.id, saved.target);
    return { id: saved.id };
  }, "Re-attached to the selected passage.");
}

/** Deletes a draft annotation that was never published (a published one is withdrawn instead). */
export async function deleteAnnotationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const target = await deleteAnnotation(ctx, requestId(form.get("id")));
    revalidatePath(annotatePath(target));
    revalidatePath("/admin/annotations");
  });
  return result;
}

/** Moves a drifted annotation onto the passage it was found at, as a draft to review. */
export async function proposeFoundPassageAction(
  _previous: AnnotationFormState,
  form: FormData,
): Promise<AnnotationFormState> {
  const values = formValues(form);
  const ctx = await requestContext();
  return toActionResult(async () => {
    const saved = await proposeFoundPassage(ctx, {
      annotationId: one(values, "annotationId"),
      annotationRevision: one(values, "annotationRevision"),
      targetRevision: one(values, "targetRevision"),
    });
    refresh(saved.id, saved.target);
    return { id: saved.id };
  }, "Saved as a draft on the new passage. Readers see it there once it is reviewed and published.");
}

/** For the links picker: articles by title. Empty when refused, so the picker says "No matches". */
export async function searchArticlesAction(q: string): Promise<PickerOption[]> {
  const ctx = await requestContext();
  const query = searchText(q);
  const result = await toActionResult(() => listArticles(ctx, { q: query || undefined, limit: 20 }));
  return result.ok ? result.data.articles.map((a) => ({ value: String(a.id), label: a.title, hint: a.lang })) : [];
}

/** For the links picker: passages (annotations) by their quote or their law's or article's title. */
export async function searchPassagesAction(q: string): Promise<PickerOption[]> {
  const ctx = await requestContext();
  const result = await toActionResult(() => searchPassageOptions(ctx, searchText(q)));
  return result.ok ? result.data : [];
}
