import "server-only";
import { audit } from "@/modules/audit/record";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { text } from "@/lib/validation";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { burnVerifyTime, verifyPassword } from "./passwords";
import { forgetAttempt, markAttemptSucceeded, recordPendingAttempt, secondsUntilAllowed } from "./throttle";

/** The one message for every failed sign-in: it never tells whether the email exists. */
export const invalidCredentialsMessage = "The email or password is not correct.";

export class InvalidCredentialsError extends DomainError {
  override readonly code = "invalid_credentials";
  constructor() {
    super(invalidCredentialsMessage);
  }
}

export class SignInThrottledError extends DomainError {
  override readonly code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super(throttledMessage(retryAfterSeconds));
  }
}

export function throttledMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? plural(seconds, "second") : plural(minutes, "minute");
  return `Too many failed sign-ins. Please wait ${wait} before trying again.`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

const credentialsSchema = z.object({
  email: text().trim().toLowerCase().max(320),
  password: z.string().max(200),
});

export type SignedInUser = { id: number; email: string; name: string; sessionVersion: number };

/**
 * Checks an email and password. Throttled first, so a locked-out guesser learns nothing; every
 * attempt is recorded as a failure until the password proves right, and an unknown email costs
 * the same time as a wrong password.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: unknown; password: unknown; ip: string },
): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success || parsed.data.email === "" || parsed.data.password === "") {
    throw new InvalidCredentialsError();
  }
  const { email, password } = parsed.data;

  const wait = await secondsUntilAllowed(db, email, input.ip);
  if (wait > 0) throw new SignInThrottledError(wait);
  const attemptId = await recordPendingAttempt(db, email, input.ip);
  const waitAfterRecording = await secondsUntilAllowed(db, email, input.ip, { upToAttemptId: attemptId });
  if (waitAfterRecording > 0) {
    await forgetAttempt(db, attemptId);
    throw new SignInThrottledError(waitAfterRecording);
  }

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
  if (!user || !passwordOk || !user.active) {
    // The log says why; the person signing in never learns it.
    const reason = !user ? "unknown email" : !passwordOk ? "wrong password" : "account deactivated";
    await audit(db, {
      actor: null,
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user?.id ?? email,
      ip: input.ip,
      details: { email, reason },
    });
    throw new InvalidCredentialsError();
  }

  await markAttemptSucceeded(db, attemptId);
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  await audit(db, {
    actor: { id: user.id, email: user.email, name: user.name, role: user.role },
    action: "auth.sign_in",
    targetType: "user",
    targetId: user.id,
    ip: input.ip,
  });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
