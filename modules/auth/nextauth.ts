import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { getDatabase } from "@/db";
import { loggable } from "@/lib/describe-error";
import { env } from "@/env";
import { authSecret } from "./secret";
import { InvalidCredentialsError, SignInThrottledError, signInWithPassword } from "./sign-in";
import { clientIp } from "./client-ip";
import { sessionCookieName } from "./cookie";
import { sessionExpiry, sessionLifetimeSeconds } from "./actor";
import { endSessions } from "./sign-out";

/** Carries the throttle's wait out of next-auth to the sign-in form. */
export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

// Configured lazily so that `next build` reads no secret and opens no database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const secure = env().NODE_ENV === "production";
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: sessionLifetimeSeconds },
    // next-auth re-signs the cookie for another full lifetime whenever it re-encodes it; a
    // session's end stays where its sign-in put it.
    jwt: {
      encode: (params) =>
        encode({
          ...params,
          maxAge: typeof params.token?.at === "number" ? secondsLeft(params.token.at) : params.maxAge,
        }),
    },
    pages: { signIn: "/login" },
    cookies: {
      sessionToken: {
        name: secure ? `__Secure-${sessionCookieName}` : sessionCookieName,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    // A wrong password is an expected event, not a server error worth a stack trace.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
        console.error("[auth]", loggable(error));
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const { db } = await getDatabase();
          try {
            const user = await signInWithPassword(db, {
              email: credentials.email,
              password: credentials.password,
              ip: clientIp(request.headers),
            });
            return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion };
          } catch (error) {
            if (error instanceof SignInThrottledError) throw new ThrottledSignIn(error.retryAfterSeconds);
            if (error instanceof InvalidCredentialsError) throw new CredentialsSignin();
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sv?: number }).sv;
          token.at = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: claimsOf(token) } as unknown as typeof session;
      },
    },
    events: {
      // next-auth's own sign-out endpoint ends every copy of the session, as the admin's button does.
      async signOut(message) {
        if (!("token" in message) || !message.token) return;
        const { db } = await getDatabase();
        await endSessions(db, claimsOf(message.token));
      },
    },
  };
});

/** The session claims (actor.ts) a cookie's token carries. */
function claimsOf(token: JWT) {
  return { id: token.uid, sv: token.sv, at: token.at };
}

function secondsLeft(at: number): number {
  return Math.max(0, Math.floor((sessionExpiry(at).getTime() - Date.now()) / 1000));
}
