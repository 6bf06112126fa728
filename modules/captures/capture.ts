import "server-only";
import { readFile, rm } from "node:fs/promises";
import { eq, max } from "drizzle-orm";
import { attachments, captures, sources } from "@/db/schema";
import { env } from "@/env";
import { loggable } from "@/lib/describe-error";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { acceptedMediaTypes, isAcceptedMediaType } from "@/lib/files/media-types";
import { FetchRefusedError, safeFetch, type SafeFetchOptions } from "@/lib/net/safe-fetch";
import { isRecordId } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { admitFile } from "@/modules/files/admit";
import { nudgeExtraction } from "@/modules/files/extraction";
import { receiveFile } from "@/modules/files/receive";
import { fileStore, incomingFolder, type FileStore } from "@/modules/files/storage";
import { storeDerived } from "@/modules/files/store-derived";
import { snapshotHtml } from "./snapshot-html";

// What one capture may take: a page and its redirects within the time, a body within the size.
export const captureTimeoutMs = 30_000;
export const captureSizeLimitBytes = 50 * 1024 * 1024;
const maxRedirects = 5;
// A page larger than this is kept as received, without a snapshot: parsing it would hold the
// server (one thread) for seconds.
const snapshotSourceLimitBytes = 2 * 1024 * 1024;

export type CaptureResult = {
  id: number;
  finalUrl: string | null;
  httpStatus: number | null;
  bodySha256: string | null;
  snapshotSha256: string | null;
  /** Why nothing (or only part) was kept, in words for the editor. */
  error: string | null;
};

type CaptureOptions = { store?: FileStore; fetch?: Partial<SafeFetchOptions>; sizeLimitBytes?: number };

/**
 * Fetches a source's address now and keeps what came back: the body as received, and for an HTML
 * page a snapshot safe to open, both stored by hash and attached to the source, with the HTTP
 * status, the address after redirects and the time. Every capture is kept, one that failed too
 * (with the reason), so that a source's history of captures shows when its page changed or went.
 */
export async function captureSource(ctx: Ctx, sourceId: number, options: CaptureOptions = {}): Promise<CaptureResult> {
  const actor = authorize(ctx, "content.write");
  if (!isRecordId(sourceId)) throw new NotFoundError("No such source.");
  const [source] = await ctx.db.select({ url: sources.url }).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new NotFoundError("No such source.");
  if (!source.url) throw new ValidationError({ url: ["Give the source an address to capture."] });

  const store = options.store ?? fileStore();
  const fetchedAt = new Date();
  const outcome = await fetchAndStore(ctx, source.url, fetchedAt, store, options);
  const captured = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(captures)
      .values({
        sourceId,
        requestedUrl: source.url,
        finalUrl: outcome.finalUrl,
        httpStatus: outcome.status,
        responseType: outcome.contentType,
        fetchedAt,
        bodySha256: outcome.body?.sha256 ?? null,
        snapshotSha256: outcome.snapshotSha256,
        error: outcome.error,
        createdById: actor.id,
      })
      .returning({ id: captures.id });
    const id = row!.id;
    const [top] = await tx
      .select({ last: max(attachments.position) })
      .from(attachments)
      .where(eq(attachments.sourceId, sourceId));
    let position = (top?.last ?? -1) + 1;
    const day = fetchedAt.toISOString().slice(0, 10);
    const files = [
      outcome.body && { sha256: outcome.body.sha256, role: "capture" as const, name: outcome.body.name },
      outcome.snapshotSha256 && {
        sha256: outcome.snapshotSha256,
        role: "snapshot" as const,
        name: `${outcome.body!.name.replace(/\.[a-z]+$/, "")} (snapshot).html`,
      },
    ].filter((file) => !!file);
    if (files.length) {
      await tx.insert(attachments).values(
        files.map((file) => ({
          sourceId,
          ...file,
          capturedOn: day,
          captureId: id,
          // A third party's page: kept as evidence for editors, not republished.
          internal: true,
          position: position++,
          createdById: actor.id,
        })),
      );
    }
    await audit(tx, {
      actor,
      action: "source.capture",
      targetType: "source",
      targetId: sourceId,
      ip: ctx.ip,
      details: { captureId: id, url: source.url, status: outcome.status, error: outcome.error },
    });
    return id;
  });
  if (outcome.body) nudgeExtraction();
  return {
    id: captured,
    finalUrl: outcome.finalUrl,
    httpStatus: outcome.status,
    bodySha256: outcome.body?.sha256 ?? null,
    snapshotSha256: outcome.snapshotSha256,
    error: outcome.error,
  };
}

type Outcome = {
  finalUrl: string | null;
  status: number | null;
  contentType: string | null;
  body: { sha256: string; name: string } | null;
  snapshotSha256: string | null;
  error: string | null;
};

async function fetchAndStore(
  ctx: Ctx,
  url: string,
  fetchedAt: Date,
  store: FileStore,
  options: CaptureOptions,
): Promise<Outcome> {
  const outcome: Outcome = {
    finalUrl: null,
    status: null,
    contentType: null,
    body: null,
    snapshotSha256: null,
    error: null,
  };
  const config = env();
  const timeoutMs = options.fetch?.timeoutMs ?? captureTimeoutMs;
  try {
    const response = await safeFetch(url, {
      timeoutMs,
      maxRedirects,
      allowPrivate: config.CAPTURE_PRIVATE_NETWORK,
      userAgent: `Marginalia archive capture${config.SITE_URL ? ` (+${config.SITE_URL})` : ""}`,
      ...options.fetch,
    });
    outcome.finalUrl = response.finalUrl;
    outcome.status = response.status;
    outcome.contentType = response.contentType?.slice(0, 200) ?? null;
    const host = new URL(response.finalUrl).hostname;
    let received;
    try {
      received = await receiveFile(response.body, {
        folder: incomingFolder(),
        name: `The page at ${host}`,
        limitBytes: options.sizeLimitBytes ?? captureSizeLimitBytes,
      });
    } catch (error) {
      throw response.timedOut() ? new FetchRefusedError(`No answer within ${timeoutMs / 1000} s.`) : error;
    } finally {
      response.abort();
    }
    let bytes: Uint8Array | null = null;
    try {
      if (received.size <= snapshotSourceLimitBytes) bytes = new Uint8Array(await readFile(received.path));
    } catch (error) {
      await rm(received.path, { force: true });
      throw error;
    }
    const admitted = await admitFile(ctx, received, `The page at ${host}`, store);
    outcome.body = { sha256: admitted.sha256, name: fileNameFor(response.finalUrl, admitted.mediaType) };
    if (admitted.mediaType === "text/html" && bytes) {
      const snapshot = snapshotHtml(bytes, response.contentType, {
        finalUrl: response.finalUrl,
        status: response.status,
        fetchedAt,
        bodySha256: admitted.sha256,
      });
      outcome.snapshotSha256 = await storeDerived(ctx.db, store, {
        bytes: new TextEncoder().encode(snapshot),
        mediaType: "text/html",
        extraction: "pending",
        createdById: ctx.actor?.id ?? null,
      });
    }
  } catch (error) {
    outcome.error = describeFailure(error);
    if (!(error instanceof FetchRefusedError || error instanceof ValidationError)) {
      console.error(`Capturing ${url} failed:`, loggable(error));
    }
  }
  return outcome;
}

function describeFailure(error: unknown): string {
  if (error instanceof FetchRefusedError || error instanceof ValidationError) return error.message;
  return "The page could not be fetched.";
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** What the captured body is saved as: the site and the page, with the extension its content has. */
function fileNameFor(finalUrl: string, mediaType: string): string {
  const url = new URL(finalUrl);
  const path = safeDecode(url.pathname)
    .replace(/\/+$/, "")
    .replace(/\.[a-z0-9]{1,5}$/i, "")
    .replace(/[/\\\p{Cc}]+/gu, " ")
    .trim();
  const extension = isAcceptedMediaType(mediaType) ? acceptedMediaTypes[mediaType].extensions[0] : "bin";
  return `${`${url.hostname}${path ? ` ${path}` : ""}`.slice(0, 200)}.${extension}`;
}
