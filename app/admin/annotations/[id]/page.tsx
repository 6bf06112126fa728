import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BaseRevisionProvider } from "@/components/admin/base-revision";
import { DeleteButton } from "@/components/admin/delete-button";
import { EditLayout } from "@/components/admin/edit-layout";
import { NotFoundError } from "@/lib/errors";
import { parseRecordId, requestId } from "@/lib/validation";
import { anchorStateLabels, annotationKindLabels, audienceLabels } from "@/modules/annotations/labels";
import { getAnnotation } from "@/modules/annotations/read";
import { currentPlacement } from "@/modules/annotations/review";
import { getArticle } from "@/modules/articles/read";
import type { Ctx } from "@/modules/auth/context";
import { getLaw } from "@/modules/laws/read";
import type { TargetRef } from "@/modules/annotations/target";
import { editorialStatus } from "@/modules/workflow/status";
import { pageContext } from "../../guard";
import { WorkflowPanel } from "../../workflow/workflow-panel";
import { deleteAnnotationAction } from "../actions";
import { EditAnnotationForm } from "../edit-annotation-form";
import { PassageQuote } from "../passage-quote";
import { annotatePath } from "../paths";

export const metadata: Metadata = { title: "Annotation" };

export default async function AnnotationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await pageContext("admin.access", `/admin/annotations/${id}`);
  if (parseRecordId(id) === null) notFound();
  const missing = (error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  };
  const [annotation, status] = await Promise.all([
    getAnnotation(ctx, requestId(id)).catch(missing),
    editorialStatus(ctx, "annotation", requestId(id)).catch(missing),
  ]);
  const [targetTitle, current] = await Promise.all([
    titleOf(ctx, annotation.target),
    currentPlacement(ctx, annotation.id),
  ]);
  const placement = current?.placement;
  // The text it is on now: a newer version of a law's text, once carried there.
  const textPath = annotatePath(current?.target ?? annotation.target);
  const where = annotation.target.type === "law" ? "law text" : "article";
  return (
    <EditLayout
      header={
        <>
          <p className="text-sm">
            <Link href={textPath}>
              ← Annotations on the {where} “{targetTitle}”
            </Link>
          </p>
          <h1 className="font-serif text-3xl">{annotationKindLabels[annotation.kind]} annotation</h1>
        </>
      }
      sidebar={
        <WorkflowPanel
          type="annotation"
          id={annotation.id}
          removal={
            status.liveRevisionId === null && (
              <DeleteButton
                action={deleteAnnotationAction}
                id={annotation.id}
                what="this annotation"
                afterDelete={textPath}
              />
            )
          }
        />
      }
    >
      <div className="max-w-3xl space-y-2">
        <p className="text-sm text-muted">
          On the {where}{" "}
          <Link href={textPath} className="text-ink">
            {targetTitle}
          </Link>{" "}
          · {audienceLabels[annotation.audience].split(":")[0]}
          {placement && (
            <>
              {" "}
              · <span data-testid="placement-state">{anchorStateLabels[placement.state]}</span>
            </>
          )}
        </p>
        <PassageQuote passage={annotation.passage} label="Annotated passage" />
        {placement && placement.state !== "anchored" && (
          <p className="text-sm">
            The text changed since this passage was selected.{" "}
            <Link href={textPath}>
              {placement.state === "drifted" ? "Review the new passage" : "Re-attach it to a new passage"}
            </Link>{" "}
            on the text’s page.
          </p>
        )}
      </div>
      <BaseRevisionProvider revision={status.workingRevisionId}>
        <EditAnnotationForm
          id={annotation.id}
          initial={{
            kind: annotation.kind,
            audience: annotation.audience,
            body: annotation.body,
            links: annotation.links,
            sources: annotation.sources,
          }}
        />
      </BaseRevisionProvider>
    </EditLayout>
  );
}

async function titleOf(ctx: Ctx, target: TargetRef): Promise<string> {
  const found = target.type === "law" ? await getLaw(ctx, target.id) : await getArticle(ctx, target.id);
  return found.title;
}
