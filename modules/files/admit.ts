import "server-only";
import { rm } from "node:fs/promises";
import { storedFiles } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { inspectArchive } from "./inspect-archive";
import { inspectImage } from "./inspect-image";
import { inspectPdf } from "./inspect-pdf";
import { acceptedMediaTypes, acceptedSummary, isAcceptedMediaType, mediaTypeOfName } from "@/lib/files/media-types";
import type { ReceivedFile } from "./receive";
import { sniffFile } from "./sniff";
import { fileStore, type FileStore } from "./storage";
import { isImage } from "./thumbnail";

export type AdmittedFile = {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
  pageCount: number | null;
  /** The same bytes were stored before: this upload added nothing to the store. */
  alreadyStored: boolean;
};

const zipBased = new Set([
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.text",
]);

/**
 * Takes a received upload into the file store, or refuses it with a message naming the file: a
 * type the archive does not take, content that is not what the name says, a zip bomb, a PDF with
 * JavaScript. The type comes from the bytes, never from the name. The temporary file is gone
 * afterwards either way.
 */
export async function admitFile(
  ctx: Ctx,
  received: ReceivedFile,
  name: string,
  store: FileStore = fileStore(),
): Promise<AdmittedFile> {
  try {
    const actor = authorize(ctx, "content.write");
    if (received.size === 0) refuse(`${name} is empty.`);
    const sniffed = await sniffFile(received.path);
    if (!isAcceptedMediaType(sniffed.mediaType)) {
      refuse(
        `${name} cannot be attached: files of this kind (${sniffed.label}) are not accepted. The archive takes ${acceptedSummary}.`,
      );
    }
    const mediaType = sniffed.mediaType;
    const claimed = mediaTypeOfName(name);
    // An HTML page saved as .txt is still text; every other disagreement is refused.
    if (claimed && claimed !== mediaType && !(claimed === "text/plain" && mediaType === "text/html")) {
      refuse(
        `${name} is not ${acceptedMediaTypes[claimed].phrase}: its content is ${acceptedMediaTypes[mediaType].phrase}.`,
      );
    }

    let pageCount: number | null = null;
    if (mediaType === "application/pdf") {
      const findings = await inspectPdf(received.path, name);
      if ("refused" in findings) refuse(findings.refused);
      pageCount = findings.pageCount;
    } else if (zipBased.has(mediaType)) {
      const findings = await inspectArchive(received.path, name);
      if (findings) refuse(findings.refused);
    } else if (isImage(mediaType)) {
      const findings = await inspectImage(received.path, name);
      if (findings) refuse(findings.refused);
    }

    await store.put(received.sha256, { path: received.path, size: received.size, mediaType });
    const [stored] = await ctx.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(storedFiles)
        .values({ sha256: received.sha256, size: received.size, mediaType, pageCount, createdById: actor.id })
        .onConflictDoNothing()
        .returning({ sha256: storedFiles.sha256 });
      if (inserted.length) {
        await audit(tx, {
          actor,
          action: "file.store",
          targetType: "file",
          targetId: received.sha256,
          details: { name, mediaType, size: received.size, pageCount },
        });
      }
      return inserted;
    });
    return { sha256: received.sha256, name, mediaType, size: received.size, pageCount, alreadyStored: !stored };
  } finally {
    await rm(received.path, { force: true });
  }
}

function refuse(message: string): never {
  throw new ValidationError({ file: [message] }, message);
}
