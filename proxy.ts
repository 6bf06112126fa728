import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { refuseActionRequest } from "@/lib/action-requests";
import { inProxyPhase } from "@/lib/query-log";
import { maxRecordId } from "@/lib/validation";
import { contentSecurityPolicy, cspNonce, securityHeaders } from "@/lib/security-headers";
import { sessionCookieName } from "@/modules/auth/cookie";
import type { Ctx } from "@/modules/auth/context";
import { roleHas } from "@/modules/auth/permissions";
import { requestContext } from "@/modules/auth/session";
import { adminRecordExists } from "@/modules/system/admin-records";
import { isCitableLawVersion } from "@/modules/public/citable-version";
import { indexViewRewrite } from "@/modules/public/index-page-view";
import { lawViewSegment } from "@/modules/public/law-page-view";
import { addressRule, isKnownVocabulary, isLiveAddress, type PublicAddress } from "@/modules/public/addresses";

/**
 * Runs before every page and route but an item's stored page at its own address and the public
 * route handlers (`config.matcher` below, docs/adr/0007-pages-stored-whole.md). It writes the
 * security headers, with a fresh nonce for the Content-Security-Policy, and passes the policy on
 * to the render, which puts the nonce on Next's scripts. It refuses what no page could answer
 * sensibly: an address with a malformed escape (404) and a server-action request that is too large
 * or not in the shape the browser sends (4xx). And it chooses status codes that pages cannot, since pages stream: a visitor without a
 * session cookie is sent to sign in (every admin page and action checks the session and role
 * itself); a merged item's or an old address is a permanent redirect, and one that was never
 * published 404 (a withdrawn item's page is stored as 410 Gone: lib/http/stored-page.mjs).
 */
export async function proxy(request: NextRequest) {
  const { NODE_ENV } = env();
  const policy = contentSecurityPolicy({
    nonce: cspNonce(),
    development: NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", policy);
  const answered = await inProxyPhase(() => answer(request, forwarded));
  // The not-found page and the pages served whole bring their own policy, by their scripts' hashes,
  // and their own Cache-Control (lib/cache/page-cache.mjs); a nonce policy beside it would block
  // those scripts.
  const rendered = !answered || answered.headers.has("x-middleware-rewrite");
  const wholePage =
    NODE_ENV === "production" && (answered?.status === 404 || (rendered && !renderedPerRequest(request)));
  if (wholePage) return answered ?? NextResponse.next();
  const response = answered ?? NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", policy);
  for (const { key, value } of securityHeaders(NODE_ENV === "production")) response.headers.set(key, value);
  return response;
}

/** A response of the proxy's own, or null to let the page or route answer. */
async function answer(request: NextRequest, forwarded: Headers): Promise<NextResponse | null> {
  const { pathname } = request.nextUrl;
  const notFound = () =>
    NextResponse.rewrite(new URL("/_not-published", request.url), { status: 404, request: { headers: forwarded } });
  // Next decodes route parameters itself and fails with a 500 on a malformed escape.
  if (!decodable(pathname)) return notFound();
  const refused = await refuseActionRequest(request);
  if (refused) return refused;
  if (pathname.startsWith("/admin")) {
    const hasSession = request.cookies.has(sessionCookieName) || request.cookies.has(`__Secure-${sessionCookieName}`);
    // Only page loads: an action posted to a record's page answers for itself.
    if (hasSession) return request.method === "GET" && (await missingRecord(pathname)) ? notFound() : null;
    const login = new URL("/login", request.url);
    login.searchParams.set("next", pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  // The index pages' query strings are path segments of internal paths, stored whole like laws' views.
  const indexView = indexViewRewrite(decodeURIComponent(pathname), request.nextUrl.searchParams);
  if (indexView) return indexView === "not-found" ? notFound() : rewrite(request, indexView);
  // Jurisdiction codes are lower case in addresses, like a law's: /jurisdictions/KG is moved.
  const jurisdiction = /^\/jurisdictions\/([A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\/?$/.exec(pathname);
  if (jurisdiction)
    return NextResponse.redirect(new URL(`/jurisdictions/${jurisdiction[1]!.toLowerCase()}`, request.url), 308);
  const vocabulary = /^\/(topics|jurisdictions)\/([^/]+)\/?$/.exec(pathname);
  if (
    vocabulary &&
    !(await isKnownVocabulary(
      vocabulary[1] === "topics" ? "topic" : "jurisdiction",
      decodeURIComponent(vocabulary[2]!),
    ))
  )
    return notFound();
  // A law's views are addressed by its query string; their internal path is not an address.
  if (/^\/laws\/[^/]+\/[^/]+\/[^/]+/.test(pathname)) return notFound();
  const address = publicAddress(pathname);
  if (!address) return null;
  if (await previewing(request, address)) return rewrite(request, `/preview${pathname}`, forwarded);
  const rule = await addressRule(address);
  if (rule?.kind === "moved") return NextResponse.redirect(new URL(rule.path, request.url), 308);
  // Unknown or never published: a real 404, since the streamed page could only say it with a 200.
  // A withdrawn item's page says 410 itself: it is stored with that status (lib/cache/page-cache.mjs).
  if (!rule && !(await isLiveAddress(address))) return notFound();
  if (!rule && (await unpublishedVersion(address, request.nextUrl.searchParams))) return notFound();
  const view = address.type === "law" ? lawViewSegment(request.nextUrl.searchParams) : null;
  return view ? rewrite(request, `${pathname.replace(/\/$/, "")}/${view}`) : null;
}

/**
 * Pages rendered per request get a nonce: the admin, sign-in (and next-auth's routes), an editor's
 * preview. Every other page (a law's, an index's, a not-found answer) is rendered once, stored
 * whole with a policy naming its own scripts' hashes, and served to every reader; the read API
 * brings its own policy (lib/http/cached-response.ts), which a nonce policy would replace.
 */
function renderedPerRequest(request: NextRequest): boolean {
  if (request.cookies.has("__prerender_bypass")) return true;
  return /^\/(admin|login|api\/auth|api\/preview|preview)(\/|$)/.test(request.nextUrl.pathname);
}

/**
 * Renders another route at the same address, keeping the query string (the page ignores it). A
 * page rendered per request gets the request's policy (`forwarded`); a page stored whole must not,
 * or the first reader's nonce would be written into every copy.
 */
function rewrite(request: NextRequest, pathname: string, forwarded?: Headers): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  return NextResponse.rewrite(url, forwarded ? { request: { headers: forwarded } } : undefined);
}

function decodable(pathname: string): boolean {
  try {
    // No address has a control character (a NUL would also fail the database's text): 404.
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathname));
  } catch {
    return false;
  }
}

/** The item a public path names, or null for any other page. */
function publicAddress(pathname: string): PublicAddress | null {
  const law = /^\/laws\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  if (law) return { type: "law", jurisdictionCode: decodeURIComponent(law[1]!), slug: decodeURIComponent(law[2]!) };
  const other = /^\/(articles|agents)\/([^/]+)\/?$/.exec(pathname);
  if (other) return { type: other[1] === "articles" ? "article" : "agent", slug: decodeURIComponent(other[2]!) };
  return null;
}

/**
 * An editor previewing a law's working version (draft mode, which only /api/preview turns on for
 * a signed-in user) sees the page, whatever was published. The cookie alone is not enough: anyone
 * can send one of that name, and it outlives the session. The proxy cannot check its value (Next
 * gives the proxy no preview id); the page checks it, and shows a forger only the published law.
 */
async function previewing(request: NextRequest, address: PublicAddress): Promise<boolean> {
  if (address.type !== "law" || !request.cookies.has("__prerender_bypass")) return false;
  return signedInEditor(await requestContext());
}

/** Whether a signed-in user asks for the admin page of a record that does not exist (or no longer). */
async function missingRecord(pathname: string): Promise<boolean> {
  const ctx = await requestContext();
  // Anyone else gets what the page gives them: the sign-in form or the 403 page.
  return signedInEditor(ctx) && (await adminRecordExists(ctx, pathname)) === false;
}

const signedInEditor = (ctx: Ctx) => ctx.actor !== null && roleHas(ctx.actor.role, "admin.access");

/** A law's ?version=N that was never published; any other value shows the current version. */
async function unpublishedVersion(address: PublicAddress, query: URLSearchParams): Promise<boolean> {
  const version = Number(query.get("version"));
  if (address.type !== "law" || !Number.isSafeInteger(version) || version < 1 || version > maxRecordId) return false;
  return !(await isCitableLawVersion(address.jurisdictionCode, address.slug, version));
}

export const config = {
  matcher: [
    // Every page and route but four kinds, which need nothing of it (its run alone costs a third
    // of a stored page's request). Next's build output is the same for everyone. An item's page at
    // its own address (lower-case slug, no query that names a view) is stored whole, with its
    // status and headers (lib/cache/page-cache.mjs), and served from the page cache. An index page
    // with no parameter that names a view is its plain view, stored whole likewise (next.config.ts
    // rewrites it). The public route handlers at their exact addresses, whatever the query string
    // (a feed's filters, a sitemap file's ?page=, the API's parameters), answer from a cached
    // rendering with headers of their own (lib/http/cached-response.ts); they run no action and
    // show no preview, and Next answers the methods they lack itself (a POST: 405). An
    // annotation's, a figure's or a source's id is digits and a law's address lower-case: any other segment (a malformed
    // escape, which Next would fail to decode) still meets the proxy's 404.
    // The import's upload (app/admin/import/run) and a file's (app/admin/attachments/upload) check
    // the session themselves; through the proxy, Next would buffer their bodies and cut them at 10 MB.
    // A stored file (app/files) answers with its own headers, and checks the session itself.
    "/((?!_next/static|_next/image|favicon.ico|admin/import/run$|admin/attachments/upload$|files/[0-9a-f]{64}/[^/]+$|(?:laws/[a-z0-9-]+|articles|agents|topics|jurisdictions)/[a-z0-9-]+$|(?:laws|articles|search|topics|jurisdictions)?$|(?:feed\\.xml|sitemap\\.xml|robots\\.txt|api/v1/(?:(?:annotations|figures|sources)(?:/[0-9]+)?|(?:articles|agents|topics|jurisdictions)(?:/[a-z0-9-]+)?|laws(?:/[a-z0-9-]+/[a-z0-9-]+)?|search|openapi\\.json))$).*)",
    // Item pages still pass through it to be rewritten to a law's view, and index pages to the
    // view their query names (the keys of lib/index-view-keys.ts, written out: Next reads this
    // config without running it).
    { source: "/laws/:jurisdiction/:slug", has: [{ type: "query", key: "version" }] },
    { source: "/laws/:jurisdiction/:slug", has: [{ type: "query", key: "text" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "q" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "jurisdiction" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "status" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "type" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "year" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "topic" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "agent" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "kind" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "sort" }] },
    { source: "/:index(laws|articles|search)", has: [{ type: "query", key: "page" }] },
    // Any of these pages is previewed by an editor (or rendered per request in draft mode, which
    // needs a nonce), or posted to by an action.
    { source: "/", has: [{ type: "cookie", key: "__prerender_bypass" }] },
    { source: "/", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/:type(laws|articles|agents|topics|jurisdictions|search)/:path*",
      has: [{ type: "cookie", key: "__prerender_bypass" }],
    },
    {
      source: "/:type(laws|articles|agents|topics|jurisdictions|search)/:path*",
      has: [{ type: "header", key: "next-action" }],
    },
  ],
};
