import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/modules/auth/cookie";
import { addressRule, isKnownVocabulary, isLiveAddress, type PublicAddress } from "@/modules/public/addresses";

/**
 * Two conveniences before a page renders. A visitor without a session cookie is sent to sign in
 * (every admin page and action checks the session and role itself). A withdrawn law's, article's
 * or agent's address answers 410 Gone, a merged item's or an old one a permanent redirect, and
 * one that was never published 404: pages stream, so only here can the status code be chosen.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith("/admin")) {
    // Jurisdiction codes are lower case in addresses, like a law's: /jurisdictions/KG is moved.
    const jurisdiction = /^\/jurisdictions\/([A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\/?$/.exec(pathname);
    if (jurisdiction)
      return NextResponse.redirect(new URL(`/jurisdictions/${jurisdiction[1]!.toLowerCase()}`, request.url), 308);
    const vocabulary = /^\/(topics|jurisdictions)\/([^/]+)\/?$/.exec(pathname);
    if (vocabulary && !(await knownVocabulary(vocabulary[1] === "topics" ? "topic" : "jurisdiction", vocabulary[2]!)))
      return NextResponse.rewrite(new URL("/_not-published", request.url), { status: 404 });
    const address = publicAddress(pathname);
    return (address && (await answerFor(address, request))) || NextResponse.next();
  }
  const hasSession = request.cookies.has(sessionCookieName) || request.cookies.has(`__Secure-${sessionCookieName}`);
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

/** The item a public path names, or null for any other page (or an address no one could have). */
function publicAddress(pathname: string): PublicAddress | null {
  try {
    const law = /^\/laws\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
    if (law) return { type: "law", jurisdictionCode: decodeURIComponent(law[1]!), slug: decodeURIComponent(law[2]!) };
    const other = /^\/(articles|agents)\/([^/]+)\/?$/.exec(pathname);
    if (other) return { type: other[1] === "articles" ? "article" : "agent", slug: decodeURIComponent(other[2]!) };
  } catch {
    // A malformed escape: the page answers its 404.
  }
  return null;
}

async function knownVocabulary(kind: "topic" | "jurisdiction", key: string): Promise<boolean> {
  try {
    return await isKnownVocabulary(kind, decodeURIComponent(key));
  } catch {
    return false;
  }
}

async function answerFor(address: PublicAddress, request: NextRequest) {
  // Editors previewing (draft mode) see the working version instead.
  if (request.cookies.has("__prerender_bypass")) return null;
  const rule = await addressRule(address);
  if (!rule) {
    // Unknown or never published: a real 404, since the streamed page could only say it with a 200.
    if (await isLiveAddress(address)) return null;
    return NextResponse.rewrite(new URL("/_not-published", request.url), { status: 404 });
  }
  if (rule.kind === "moved") return NextResponse.redirect(new URL(rule.path, request.url), 308);
  return new NextResponse(goneHtml(nouns[address.type]), {
    status: 410,
    headers: { "content-type": "text/html; charset=utf-8", "x-robots-tag": "noindex" },
  });
}

const nouns: Record<PublicAddress["type"], string> = { law: "law", article: "article", agent: "entry" };

// A page of its own, not the site's layout: this answer is chosen before anything renders. It
// follows the reader's colour scheme like the rest of the site.
const goneHtml = (
  noun: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="color-scheme" content="light dark"><title>Withdrawn · Marginalia</title>
<style>body{font-family:Georgia,serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.6;background:#fbfaf7;color:#1c1b19}a{color:#7a2418}@media (prefers-color-scheme:dark){body{background:#161513;color:#ebe7df}a{color:#ee9c88}}</style></head>
<body>
<h1>This ${noun} was withdrawn</h1>
<p>The editors withdrew this page from the archive. It is no longer published.</p>
<p><a href="/">Back to the archive</a></p>
</body></html>`;

export const config = {
  matcher: [
    "/admin/:path*",
    "/laws/:path*",
    "/articles/:path*",
    "/agents/:path*",
    "/jurisdictions/:path*",
    "/topics/:path*",
  ],
};
