import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { formatPartialDate } from "@/lib/partial-date";
import { parseRecordId, requestId } from "@/lib/validation";
import { getLaw } from "@/modules/laws/read";
import { getLawTextVersion } from "@/modules/laws/texts";
import { pageContext } from "../../../../../guard";
import { AnnotateText } from "../../../../../annotations/annotate-text";

export const metadata: Metadata = { title: "Annotate a law text" };

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export default async function AnnotateLawTextPage({ params }: { params: Promise<{ id: string; textId: string }> }) {
  const { id, textId } = await params;
  const ctx = await pageContext("admin.access", `/admin/laws/${id}/texts/${textId}/annotations`);
  if (parseRecordId(id) === null || parseRecordId(textId) === null) notFound();
  const missing = (error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  };
  const [law, text] = await Promise.all([
    getLaw(ctx, requestId(id)).catch(missing),
    getLawTextVersion(ctx, requestId(textId)).catch(missing),
  ]);
  if (text.lawId !== law.id) notFound();
  const language = languageNames.of(text.lang) ?? text.lang;
  const version = [
    `${language} ${text.official ? "official text" : "unofficial translation"}`,
    text.effectiveDate ? `effective ${formatPartialDate(text.effectiveDate)}` : "effective date unknown",
  ].join(", ");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/admin/laws/${law.id}`}>← {law.title}</Link>
      </p>
      <div className="space-y-1">
        <h1 className="font-serif text-3xl">Annotate: {law.title}</h1>
        <p className="text-sm text-muted">{version} · working version</p>
      </div>
      {text.body.trim() === "" ? (
        <p className="text-muted">This text version is empty: there is nothing to annotate.</p>
      ) : (
        <AnnotateText
          ctx={ctx}
          target={{ type: "law", id: law.id, textId: text.id }}
          markdown={text.body}
          textLabel={`Text of ${law.title}, ${version}`}
        />
      )}
    </div>
  );
}
