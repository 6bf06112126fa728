import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/modules/auth/cookie";
import { lawAddressRule } from "@/modules/public/addresses";

/**
 * Two conveniences before a page renders. A visitor without a session cookie is sent to sign in
 * (every admin page and action checks the session and role itself). A withdrawn law's address
 * answers 410 Gone, and a merged law's or an old one a permanent redirect: pages stream, so only
 * here can the status code still be chosen.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith("/admin")) {
    const law = /^\/laws\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
    return (law && (await answerFor(law[1]!, law[2]!, request))) || NextResponse.next();
  }
  const hasSession = request.cookies.has(sessionCookieName) || request.cookies.has(`__Secure-${sessionCookieName}`);
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

async function answerFor(jurisdiction: string, slug: string, request: NextRequest) {
  // Editors previewing (draft mode) see the working version instead.
  if (request.cookies.has("__prerender_bypass")) return null;
  let code: string, decoded: string;
  try {
    [code, decoded] = [decodeURIComponent(jurisdiction), decodeURIComponent(slug)];
  } catch {
    return null;
  }
  const rule = await lawAddressRule(code, decoded);
  if (!rule) return null;
  if (rule.kind === "moved") return NextResponse.redirect(new URL(rule.path, request.url), 308);
  return new NextResponse(goneHtml, {
    status: 410,
    headers: { "content-type": "text/html; charset=utf-8", "x-robots-tag": "noindex" },
  });
}

const goneHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Withdrawn · Marginalia</title></head>
<body style="font-family: Georgia, serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1c1917; line-height: 1.6">
<h1>This law was withdrawn</h1>
<p>The editors withdrew this page from the archive. It is no longer published.</p>
<p><a href="/">Back to the archive</a></p>
</body></html>`;

export const config = { matcher: ["/admin/:path*", "/laws/:path*"] };
