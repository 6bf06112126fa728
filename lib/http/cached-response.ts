import { createHash } from "node:crypto";
import { nonPagePolicy } from "@/lib/security-headers";

/**
 * A response rendered once and served to every request that asks for the same thing: what the
 * route handlers' "use cache" functions return, so that the body and its ETag are made once per
 * publication, not per request. Plain data: Next stores it in its "use cache" store.
 */
export type Rendering = { status: number; contentType: string; body: string; etag: string; location?: string };

/**
 * What caches in front may do: the policy proxy.ts gives pages stored whole. Browsers ask again
 * each time; a shared cache keeps a copy a second, then serves it up to 59 s longer while it asks
 * again with the ETag.
 */
export const sharedCacheControl = "public, max-age=0, s-maxage=1, stale-while-revalidate=59";

/** A rendering of `body`, with a strong ETag from its SHA-256: the same bytes always get the same tag. */
export function rendering(body: string, contentType: string, status = 200): Rendering {
  return { status, contentType, body, etag: `"${createHash("sha256").update(body).digest("base64url")}"` };
}

/**
 * The response for a rendering: its body, or 304 with no body when the request already holds it
 * (`If-None-Match`). Only a 200 is ever answered 304; an error answer has no representation to keep.
 * It brings its own Content-Security-Policy: these routes are not in proxy.ts's matcher, and
 * next.config.ts sends the other security headers.
 */
export function cachedResponse(request: Request, rendered: Rendering, headers: Record<string, string> = {}): Response {
  const shared = {
    ...headers,
    etag: rendered.etag,
    "cache-control": sharedCacheControl,
    "content-security-policy": nonPagePolicy,
  };
  if (rendered.status === 200 && holds(request.headers.get("if-none-match"), rendered.etag))
    return new Response(null, { status: 304, headers: shared });
  return new Response(rendered.body, {
    status: rendered.status,
    headers: {
      ...shared,
      "content-type": rendered.contentType,
      ...(rendered.location !== undefined && { location: rendered.location }),
    },
  });
}

/** If-None-Match compares weakly (RFC 9110, 13.1.2): a cache may have stored our tag as W/"…". */
export function holds(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
