import type { NextRequest } from "next/server";
import { loggable } from "@/lib/describe-error";
import { DomainError, ValidationError } from "@/lib/errors";
import { cleanFileName } from "@/lib/files/file-name";
import { isSameOrigin } from "@/lib/same-origin";
import { authorize } from "@/modules/auth/authorize";
import { requestContext } from "@/modules/auth/session";
import { admitFile } from "@/modules/files/admit";
import { nudgeExtraction } from "@/modules/files/extraction";
import { fileUploadLimitBytes } from "@/modules/files/limits";
import { FileTooLargeError, receiveFile } from "@/modules/files/receive";
import { incomingFolder } from "@/modules/files/storage";

/**
 * Receives one file for attaching (components/attachments/attachment-uploader.tsx): the body is
 * the file's bytes as they are, its name percent-encoded in `x-file-name`, so the page can show
 * the upload's progress and the server can hash it as it arrives. Answers the stored file as JSON
 * { file }, or { error } with a status. Attaching it to an item is a separate, conflict-checked
 * save. The proxy does not see this address (proxy.ts `config.matcher`): it would buffer the body.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return refuse(403, "Files can only be sent from this site's pages.");
  const ctx = await requestContext();
  try {
    authorize(ctx, "content.write");
  } catch (error) {
    if (error instanceof DomainError) return refuse(error.code === "forbidden" ? 403 : 401, error.message);
    throw error;
  }
  const name = cleanFileName(decodeName(request.headers.get("x-file-name")));
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > fileUploadLimitBytes) {
    return refuse(413, new FileTooLargeError(name, fileUploadLimitBytes).message);
  }
  if (!request.body) return refuse(400, `${name} is empty.`);

  try {
    const received = await receiveFile(request.body, {
      folder: incomingFolder(),
      name,
      limitBytes: fileUploadLimitBytes,
    });
    const file = await admitFile(ctx, received, name);
    nudgeExtraction();
    return Response.json({ file }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof FileTooLargeError) return refuse(413, error.message);
    if (error instanceof ValidationError) return refuse(415, error.message);
    if (error instanceof DomainError) return refuse(error.code === "forbidden" ? 403 : 400, error.message);
    console.error("Unexpected error receiving a file:", loggable(error));
    return refuse(500, `${name} could not be stored because of a problem on our side. Please try again.`);
  }
}

function decodeName(header: string | null): string {
  if (!header) return "";
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

function refuse(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store" } });
}
