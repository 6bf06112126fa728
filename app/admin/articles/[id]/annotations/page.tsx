import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { parseRecordId, requestId } from "@/lib/validation";
import { getArticle } from "@/modules/articles/read";
import { pageContext } from "../../../guard";
import { AnnotateText } from "../../../annotations/annotate-text";

export const metadata: Metadata = { title: "Annotate an article" };

export default async function AnnotateArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await pageContext("admin.access", `/admin/articles/${id}/annotations`);
  if (parseRecordId(id) === null) notFound();
  const article = await getArticle(ctx, requestId(id)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/admin/articles/${article.id}`}>← {article.title}</Link>
      </p>
      <div className="space-y-1">
        <h1 className="font-serif text-3xl">Annotate: {article.title}</h1>
        <p className="text-sm text-muted">Article text · working version</p>
      </div>
      {article.body.trim() === "" ? (
        <p className="text-muted">This article has no text yet: there is nothing to annotate.</p>
      ) : (
        <AnnotateText
          ctx={ctx}
          target={{ type: "article", id: article.id, textId: null }}
          markdown={article.body}
          textLabel={`Text of ${article.title}`}
        />
      )}
    </div>
  );
}
