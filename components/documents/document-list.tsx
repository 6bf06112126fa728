import { SectionHeading } from "@/components/ui/section-heading";
import { formatSize } from "@/lib/files/size";
import { languageName } from "@/lib/language";
import { attachmentRoleLabels } from "@/modules/attachments/labels";
import { acceptedMediaTypes, isAcceptedMediaType } from "@/lib/files/media-types";
import type { PublicDocument } from "@/modules/public/attachments";

type TextNamed = { id: number; lang: string; official: boolean };

/**
 * The documents beside a law's texts or an article: what each is, its type, size and pages, and
 * its SHA-256 with the day it was captured, so that anyone holding a copy can check it is the same.
 * PDFs and images open in the browser, images shown as thumbnails; the name is what the file is saved as.
 */
export function DocumentList({ documents, texts = [] }: { documents: PublicDocument[]; texts?: TextNamed[] }) {
  if (documents.length === 0) return null;
  const textName = new Map(
    texts.map((t) => [t.id, `${languageName(t.lang)} ${t.official ? "official text" : "translation"}`]),
  );
  return (
    <section aria-labelledby="documents">
      <SectionHeading id="documents">Documents</SectionHeading>
      <ul className="space-y-4">
        {documents.map((doc) => (
          <li key={doc.id} className="flex gap-4" data-testid="document">
            {doc.thumbnailHref && doc.href && (
              // The name beside it is the link for keyboards and screen readers; this is the same link, larger.
              <a href={doc.href} tabIndex={-1} aria-hidden="true" className="shrink-0">
                {/* eslint-disable-next-line @next/next/no-img-element -- stored once by its hash; Next's optimizer would make another copy */}
                <img
                  src={doc.thumbnailHref}
                  alt=""
                  loading="lazy"
                  className="h-24 w-24 border border-rule bg-paper object-contain"
                  data-testid="document-thumbnail"
                />
              </a>
            )}
            <div className="min-w-0 space-y-1">
              <p className="font-semibold">
                {doc.href ? (
                  <a href={doc.href} className="break-all">
                    {doc.name}
                  </a>
                ) : (
                  <span className="break-all">{doc.name}</span>
                )}
              </p>
              <p className="text-sm text-muted">
                {[
                  attachmentRoleLabels[doc.role] +
                    (doc.textId && textName.has(doc.textId) ? ` of the ${textName.get(doc.textId)}` : ""),
                  doc.mediaType &&
                    (isAcceptedMediaType(doc.mediaType) ? acceptedMediaTypes[doc.mediaType].label : doc.mediaType),
                  doc.size !== null && formatSize(doc.size),
                  doc.pageCount !== null && `${doc.pageCount} ${doc.pageCount === 1 ? "page" : "pages"}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <p className="text-xs text-muted">
                SHA-256 <code className="break-all">{doc.sha256}</code>
                {doc.capturedOn && <>, captured {doc.capturedOn}</>}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
