import type { NextRequest } from "next/server";
import { handlers } from "@/modules/auth/nextauth";
import { currentSessionStatus } from "@/modules/auth/session";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * Only the parts of next-auth the app uses: the CSRF token and the credentials callback (signing
 * in over HTTP), sign-out (GET only shows a form that POSTs: a link must not sign anyone out
 * everywhere) and its error page. The session is answered here, never renewed. The rest (its
 * sign-in pages, provider list, session updates) answers 404.
 */
const delegated = {
  GET: new Set(["csrf", "signout", "error"]),
  POST: new Set(["callback/credentials", "signout"]),
};

export async function GET(request: NextRequest, { params }: Context) {
  const action = (await params).nextauth.join("/");
  if (action === "session") {
    return Response.json(await currentSessionStatus(), { headers: { "cache-control": "private, no-store" } });
  }
  return delegated.GET.has(action) ? handlers.GET(request) : notFound();
}

export async function POST(request: NextRequest, { params }: Context) {
  const action = (await params).nextauth.join("/");
  return delegated.POST.has(action) ? handlers.POST(request) : notFound();
}

function notFound() {
  return Response.json({ error: "Not found" }, { status: 404 });
}
