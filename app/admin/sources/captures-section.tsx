import { Suspense } from "react";
import { formatSize } from "@/lib/files/size";
import { attachmentRoleLabels } from "@/modules/attachments/labels";
import { requestContext } from "@/modules/auth/session";
import { listCaptures } from "@/modules/captures/list";
import { CaptureButton } from "./capture-button";

const headingId = "captures-heading";
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/**
 * A source's captures: what its address answered each time it was fetched, with the files kept
 * (the body as received and, for a page, a snapshot safe to open), their hashes and the time.
 * Kept for editors as evidence of what was cited; readers are not shown a third party's page.
 */
export function CapturesSection({ sourceId, url }: { sourceId: number; url: string }) {
  return (
    <section aria-labelledby={headingId} className="space-y-4 border-t border-rule pt-8">
      <h2 id={headingId} className="font-serif text-2xl">
        Captures
      </h2>
      {url ? (
        <>
          <p className="text-sm text-muted">
            Fetch <span className="break-all">{url}</span> now and keep what it answers, in case the page changes or
            disappears. Each capture is kept.
          </p>
          <CaptureButton sourceId={sourceId} />
        </>
      ) : (
        <p className="text-sm text-muted">Give the source an address above to capture its page.</p>
      )}
      <Suspense fallback={<p className="text-sm text-muted">Loading the captures…</p>}>
        <CaptureList sourceId={sourceId} />
      </Suspense>
    </section>
  );
}

async function CaptureList({ sourceId }: { sourceId: number }) {
  const captures = await listCaptures(await requestContext(), sourceId);
  if (!captures.length) return <p className="text-sm text-muted">Not captured yet.</p>;
  return (
    <ol className="space-y-4" data-testid="captures">
      {captures.map((capture) => (
        <li key={capture.id} className="space-y-1 border-l-2 border-rule pl-4" data-testid="capture">
          <p className="text-sm">
            <time dateTime={capture.fetchedAt.toISOString()} className="font-semibold">
              {when.format(capture.fetchedAt)} UTC
            </time>
            {capture.httpStatus !== null && <> · HTTP {capture.httpStatus}</>}
            {capture.by && <> · by {capture.by}</>}
          </p>
          {capture.finalUrl && capture.finalUrl !== capture.requestedUrl && (
            <p className="text-sm text-muted">
              Redirected to <span className="break-all">{capture.finalUrl}</span>
            </p>
          )}
          {capture.error && <p className="text-sm font-medium text-danger">{capture.error}</p>}
          {capture.files.length > 0 && (
            <ul className="space-y-1 text-sm">
              {capture.files.map((file) => (
                <li key={file.sha256}>
                  {attachmentRoleLabels[file.role]}:{" "}
                  <a href={`/files/${file.sha256}/${encodeURIComponent(file.name)}`} className="break-all">
                    {file.name}
                  </a>{" "}
                  <span className="text-muted">
                    ({formatSize(file.size)}) SHA-256 <code className="break-all text-xs">{file.sha256}</code>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
