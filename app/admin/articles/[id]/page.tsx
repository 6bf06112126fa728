import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/admin/delete-button";
import { EditLayout } from "@/components/admin/edit-layout";
import { NotFoundError } from "@/lib/errors";
import { formatPartialDate } from "@/lib/partial-date";
import { parseRecordId, requestId } from "@/lib/validation";
import { getArticle } from "@/modules/articles/read";
import { roleHas } from "@/modules/auth/permissions";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { workflowLabel } from "@/modules/workflow/labels";
import { editorialStatus } from "@/modules/workflow/status";
import { AttachmentsSection } from "@/components/attachments/attachments-section";
import { BaseRevisionProvider } from "@/components/admin/base-revision";
import { WorkflowPanel } from "../../workflow/workflow-panel";
import { pageContext } from "../../guard";
import { deleteArticleAction } from "../actions";
import { ArticleForm } from "../article-form";
import { KindBadge } from "../kind-badge";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await pageContext("admin.access", `/admin/articles/${id}`);
  if (parseRecordId(id) === null) notFound();
  const [article, jurisdictions, status] = await Promise.all([
    getArticle(ctx, requestId(id)).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
    listJurisdictions(ctx),
    editorialStatus(ctx, "article", requestId(id)).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
  ]);
  // The domain decides again on delete; this only spares a button that would be refused.
  const canDelete =
    status.liveRevisionId === null &&
    roleHas(ctx.actor.role, "content.write") &&
    (article.createdById === ctx.actor.id || roleHas(ctx.actor.role, "content.delete.any"));
  return (
    <EditLayout
      header={
        <>
          <p className="text-sm">
            <Link href="/admin/articles">← Articles</Link>
          </p>
          <div className="max-w-3xl space-y-1">
            <KindBadge kind={article.kind} />
            <h1 className="font-serif text-3xl">{article.title}</h1>
            <p className="text-sm text-muted">
              {[
                article.authors.map((a) => a.name).join(", "),
                article.publisher?.name,
                article.creditedAgent && `reported by ${article.creditedAgent.name}`,
                formatPartialDate(article.originalDate),
                workflowLabel(status.review, status.visibility),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </div>
        </>
      }
      sidebar={
        <WorkflowPanel
          type="article"
          id={article.id}
          removal={
            canDelete && (
              <DeleteButton
                action={deleteArticleAction}
                id={article.id}
                what="this article"
                afterDelete="/admin/articles"
              />
            )
          }
        />
      }
    >
      {article.body.trim() !== "" && (
        <p className="text-sm">
          <Link href={`/admin/articles/${article.id}/annotations`}>Annotate the text</Link>
        </p>
      )}
      <BaseRevisionProvider revision={status.workingRevisionId}>
        <ArticleForm
          article={article}
          jurisdictions={jurisdictions.map(({ code, name }) => ({ code, name }))}
          canCreateTopics={roleHas(ctx.actor.role, "vocabulary.manage")}
        />
        <AttachmentsSection owner={{ type: "article", id: article.id }} />
      </BaseRevisionProvider>
    </EditLayout>
  );
}
