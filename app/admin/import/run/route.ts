import type { NextRequest } from "next/server";
import { loggable } from "@/lib/describe-error";
import { DomainError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/same-origin";
import { authorize } from "@/modules/auth/authorize";
import { requestContext } from "@/modules/auth/session";
import type { ImportFile, ImportProgress } from "@/modules/system/import/report";
import { importArchive } from "@/modules/system/import/run";
import { importUploadLimitBytes, importUploadLimitMb, isImportFileName } from "../limits";
import { importStreamType, type ImportLine } from "../stream";

// How often progress is sent at most; the last step of each phase always is.
const progressEveryMs = 150;

/**
 * Runs an import for the admin page (app/admin/import): the files and flags as multipart form
 * data (`files`, `dryRun`, `publish`), answered as a stream of JSON lines (../stream.ts) so the
 * page can show progress. Refusals come before the stream, as a status with a JSON { error }.
 * The proxy does not see this address (proxy.ts `config.matcher`): it would buffer the upload.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return refuse(403, "The import can only be sent from this site's import page.");
  const ctx = await requestContext();
  try {
    authorize(ctx, "archive.import");
  } catch (error) {
    if (error instanceof DomainError) return refuse(error.code === "forbidden" ? 403 : 401, error.message);
    throw error;
  }
  const tooLarge = `The files are larger than ${importUploadLimitMb} MB together. Split the import into smaller files.`;
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > importUploadLimitBytes + 64 * 1024) return refuse(413, tooLarge);

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, "The upload could not be read. Choose the files again.");
  }
  const uploads = form.getAll("files").filter((value): value is File => typeof value !== "string");
  if (!uploads.length) return refuse(400, "Choose at least one .json or .csv file.");
  const wrong = uploads.find((file) => !isImportFileName(file.name));
  if (wrong) return refuse(400, `${wrong.name} is not a .json or .csv file.`);
  if (uploads.reduce((sum, file) => sum + file.size, 0) > importUploadLimitBytes) return refuse(413, tooLarge);
  const options = { dryRun: form.get("dryRun") === "true", publish: form.get("publish") === "true" };
  if (options.publish) {
    try {
      authorize(ctx, "workflow.override");
    } catch {
      return refuse(403, "Only an admin can publish at import.");
    }
  }
  // Blob.text() reads UTF-8 and drops a byte-order mark.
  const files: ImportFile[] = await Promise.all(
    uploads.map(async (file) => ({ name: file.name, text: await file.text() })),
  );

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (line: ImportLine) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false; // The page went away; the import still finishes (or rolls back) whole.
        }
      };
      let sentAt = 0;
      let phase = "";
      const progress = (p: ImportProgress) => {
        const now = Date.now();
        if (p.phase === phase && p.done !== p.total && now - sentAt < progressEveryMs) return;
        phase = p.phase;
        sentAt = now;
        send({ progress: p });
      };
      try {
        send({ report: await importArchive(ctx, files, options, progress) });
      } catch (error) {
        if (error instanceof DomainError) send({ error: error.message });
        else {
          console.error("Unexpected error in the import:", loggable(error));
          send({ error: "Something went wrong on our side; nothing was imported. Please try again." });
        }
      }
      if (open) controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": importStreamType,
      // no-transform: Next's gzip (and a proxy's) would hold the progress lines back until the end.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
    },
  });
}

function refuse(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store" } });
}
