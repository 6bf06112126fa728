import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/modules/auth/cookie";

/**
 * A convenience only: sends visitors without a session cookie to the sign-in page. Every admin page
 * and action checks the session and role itself.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.has(sessionCookieName) || request.cookies.has(`__Secure-${sessionCookieName}`);
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin/:path*"] };
