import type { NextRequest } from "next/server";
import { loggable } from "@/lib/describe-error";
import { parseRange } from "@/lib/http/byte-range";
import { holds } from "@/lib/http/cached-response";
import { nonPagePolicy } from "@/lib/security-headers";
import { roleHas } from "@/modules/auth/permissions";
import { requestContext } from "@/modules/auth/session";
import { storedFileForEditors } from "@/modules/files/read";
import { fileStore, isSha256 } from "@/modules/files/storage";
import { publicFile } from "@/modules/public/attachments";

type Params = { params: Promise<{ sha256: string; name: string }> };

// The address names the bytes, so a copy never goes stale: a changed file is another address.
// no-transform: Next's gzip (and a proxy's) would drop the length and break byte ranges.
const publicCaching = "public, max-age=31536000, immutable, no-transform";

/**
 * A stored file, by its SHA-256 and a name it is attached under. Readers get it while a published
 * item shows it (public_attachments); editors get any stored file, uncached. Everyone else gets
 * the same 404, whether the file is a draft's, internal, or unknown. Ranges serve large PDFs a
 * part at a time. The proxy does not see this address (proxy.ts `config.matcher`).
 */
export async function GET(request: NextRequest, { params }: Params) {
  const { sha256, name } = await params;
  if (!isSha256(sha256)) return notFound();
  const published = await publicFile(sha256, name);
  let file = published && { mediaType: published.mediaType, size: published.size ?? (await storedSize(sha256)) };
  let caching = publicCaching;
  if (!file) {
    const ctx = await requestContext();
    if (!ctx.actor || !roleHas(ctx.actor.role, "admin.access")) return notFound();
    file = await storedFileForEditors(ctx, sha256);
    caching = "private, no-store, no-transform";
  }
  if (!file || file.size === null) return notFound();

  const etag = `"${sha256}"`;
  const headers: Record<string, string> = {
    etag,
    "cache-control": caching,
    "accept-ranges": "bytes",
    "content-disposition": contentDisposition(name),
    "x-content-type-options": "nosniff",
    ...policyFor(file.mediaType),
  };
  if (holds(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });

  const ifRange = request.headers.get("if-range");
  const range =
    ifRange && ifRange !== etag ? { kind: "whole" as const } : parseRange(request.headers.get("range"), file.size);
  if (range.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${file.size}` } });
  }
  try {
    const body = await fileStore().read(sha256, range.kind === "part" ? range : undefined);
    if (!body) {
      console.error(`A stored file is missing from the file store: ${sha256} (run npm run fixity:check).`);
      return notFound();
    }
    const type = file.mediaType.startsWith("text/") ? `${file.mediaType}; charset=utf-8` : file.mediaType;
    if (range.kind === "part") {
      return new Response(body, {
        status: 206,
        headers: {
          ...headers,
          "content-type": type,
          "content-range": `bytes ${range.start}-${range.end}/${file.size}`,
        },
      });
    }
    // No Content-Length: Next drops it from route handlers' answers and sends them chunked.
    return new Response(body, { headers: { ...headers, "content-type": type } });
  } catch (error) {
    console.error("A stored file could not be read:", loggable(error));
    return new Response("The file could not be read. Please try again.", {
      status: 503,
      headers: { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" },
    });
  }
}

/** A thumbnail's size, which only the store records. */
async function storedSize(sha256: string): Promise<number | null> {
  return (await fileStore().stat(sha256))?.size ?? null;
}

function notFound(): Response {
  return new Response("Not found.", {
    status: 404,
    headers: {
      "cache-control": "no-store",
      "content-type": "text/plain; charset=utf-8",
      "content-security-policy": nonPagePolicy,
    },
  });
}

/**
 * What the browser may do with the file. An HTML page (a captured source) opens sandboxed, as an
 * opaque origin without scripts, so it cannot act as this site; a PDF gets no policy, since
 * browsers' PDF viewers are blocked by some; everything else gets the policy of non-page answers.
 */
function policyFor(mediaType: string): Record<string, string> {
  if (mediaType === "application/pdf") return {};
  if (mediaType === "text/html") {
    return { "content-security-policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:" };
  }
  return { "content-security-policy": nonPagePolicy };
}

/** RFC 6266 with RFC 8187: an ASCII fallback for old clients, and the real name in UTF-8. */
function contentDisposition(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
