import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDatabase } from "@/db";
import { env } from "@/env";
import { authSecret } from "./secret";
import { InvalidCredentialsError, SignInThrottledError, signInWithPassword } from "./sign-in";
import { clientIp } from "./client-ip";
import { sessionCookieName } from "./cookie";

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
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
        console.error("[auth]", error);
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
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: token.uid, sv: token.sv } } as unknown as typeof session;
      },
    },
  };
});
