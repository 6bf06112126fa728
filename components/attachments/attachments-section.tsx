import { Suspense } from "react";
import { ConfirmRemove } from "@/app/admin/laws/[id]/texts/confirm-remove";
import { detachAttachmentAction } from "@/app/admin/attachments/actions";
import { formatSize } from "@/lib/files/size";
import { listAttachments, type AttachedFile } from "@/modules/attachments/list";
import { attachmentRoleLabels } from "@/modules/attachments/labels";
import type { AttachmentOwner } from "@/modules/attachments/owner-column";
import { roleHas } from "@/modules/auth/permissions";
import { requestContext } from "@/modules/auth/session";
import { fileUploadLimitBytes } from "@/modules/files/limits";
import { acceptedMediaTypes, isAcceptedMediaType } from "@/lib/files/media-types";
import { AttachmentEditor } from "./attachment-editor";
import { AttachmentUploader } from "./attachment-uploader";

const headingId = "documents-heading";

const extractionLabels: Record<AttachedFile["extraction"], string> = {
  pending: "text not read yet",
  running: "reading the text…",
  done: "text searchable",
  no_text: "no text layer",
  unsupported: "no text to read",
  failed: "the text could not be read",
};

/**
 * An item's documents on its edit page: the files attached to it (to a law as a whole or to one of
 * its texts), each editable and removable, and the uploader that adds more.
 */
export function AttachmentsSection({
  owner,
  texts = [],
}: {
  owner: AttachmentOwner;
  texts?: { id: number; label: string }[];
}) {
  return (
    <section aria-labelledby={headingId} className="space-y-4 border-t border-rule pt-8">
      <h2 id={headingId} tabIndex={-1} className="font-serif text-2xl">
        Documents
      </h2>
      <Suspense fallback={<p className="text-sm text-muted">Loading the documents…</p>}>
        <AttachedFiles owner={owner} texts={texts} />
      </Suspense>
      <AttachmentUploader owner={owner} texts={texts} limitBytes={fileUploadLimitBytes} />
    </section>
  );
}

async function AttachedFiles({ owner, texts }: { owner: AttachmentOwner; texts: { id: number; label: string }[] }) {
  const ctx = await requestContext();
  const files = await listAttachments(ctx, owner);
  if (files.length === 0) {
    return (
      <p className="text-muted">
        {owner.type === "source"
          ? "No documents yet. Keep the source's own copy here (the gazette's PDF, a scan of the printed page); editors see it, readers do not."
          : `No documents yet. Attach the official publication, a scan or a translation below; readers see them once this ${owner.type} is published.`}
      </p>
    );
  }
  const actor = ctx.actor;
  const canRemove = (f: AttachedFile) =>
    Boolean(actor) && (f.createdById === actor!.id || roleHas(actor!.role, "content.delete.any"));
  const textLabel = new Map(texts.map((t) => [t.id, t.label]));
  return (
    <ul className="space-y-3">
      {files.map((file) => (
        <li
          key={file.id}
          className="space-y-2 rounded-lg border border-rule bg-surface p-4"
          data-testid="attached-file"
        >
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0 flex-1">
              <p className="font-semibold break-all">
                {file.name}
                {file.internal && (
                  <span className="ml-2 rounded bg-surface-muted px-2 py-0.5 text-xs font-semibold uppercase">
                    Internal
                  </span>
                )}
              </p>
              <p className="text-sm text-muted">
                {[
                  attachmentRoleLabels[file.role],
                  file.textId ? `of the ${textLabel.get(file.textId) ?? "text"}` : null,
                  isAcceptedMediaType(file.mediaType) ? acceptedMediaTypes[file.mediaType].label : file.mediaType,
                  formatSize(file.size),
                  file.pageCount !== null && `${file.pageCount} ${file.pageCount === 1 ? "page" : "pages"}`,
                  file.capturedOn && `captured ${file.capturedOn}`,
                  extractionLabels[file.extraction],
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <p className="text-xs text-muted">
                SHA-256 <code className="break-all">{file.sha256}</code>
              </p>
            </div>
            {canRemove(file) && (
              <ConfirmRemove
                action={detachAttachmentAction}
                fields={{ id: file.id }}
                name={file.name}
                title="Remove this document?"
                returnFocusTo={headingId}
              >
                <p>
                  {owner.type === "source"
                    ? `${file.name} is taken off this source. The stored file stays.`
                    : `${file.name} is taken off this ${owner.type} in its next revision. Published revisions keep it until this change is published.`}
                </p>
              </ConfirmRemove>
            )}
          </div>
          <AttachmentEditor file={file} canBeInternal={owner.type !== "source"} />
        </li>
      ))}
    </ul>
  );
}
