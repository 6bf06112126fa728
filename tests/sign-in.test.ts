import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { signInAttempts, users } from "@/db/schema";
import { commandLineActor } from "@/modules/auth/context";
import {
  InvalidCredentialsError,
  SignInThrottledError,
  invalidCredentialsMessage,
  signInWithPassword,
} from "@/modules/auth/sign-in";
import { throttlePolicy } from "@/modules/auth/throttle";
import { setActive } from "@/modules/users/set-active";
import { createTestDatabase } from "./db";
import { makeUser, testPassword } from "./factories";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

// Every test uses its own accounts and addresses, so the throttle counts of one do not leak into another.
let addresses = 0;
const newIp = () => `198.51.100.${++addresses}`;

const signIn = (email: unknown, password: unknown, ip: string) =>
  signInWithPassword(database.db, { email, password, ip });

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the sign-in to fail").toBeInstanceOf(Error);
  return error as Error;
}

async function failTimes(n: number, email: string, ip: () => string) {
  for (let i = 0; i < n; i++) {
    await expect(signIn(email, "wrong password!", ip())).rejects.toBeInstanceOf(InvalidCredentialsError);
  }
}

/** Writes failed attempts directly, `minutesAgo` in the past. */
async function pastFailures(n: number, email: string, ip: string, minutesAgo: number) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  await database.db
    .insert(signInAttempts)
    .values(Array.from({ length: n }, () => ({ email, ip, succeeded: false, at })));
}

describe("signInWithPassword", () => {
  test("the right password signs in and records the time", async () => {
    const { user } = await makeUser(database.db, "editor");
    const signedIn = await signIn(user.email, testPassword, newIp());
    expect(signedIn).toEqual({ id: user.id, email: user.email, name: user.name, sessionVersion: 1 });
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
  });

  test("the email is not case-sensitive and surrounding spaces are ignored", async () => {
    const { user } = await makeUser(database.db, "contributor", { email: "nurlan@example.org" });
    const signedIn = await signIn("  NURLAN@Example.Org ", testPassword, newIp());
    expect(signedIn.id).toBe(user.id);
  });

  test("a wrong password and an unknown email fail with the same message", async () => {
    const { user } = await makeUser(database.db, "editor");
    const wrongPassword = await failure(signIn(user.email, "not the password", newIp()));
    const unknownEmail = await failure(signIn("nobody@example.org", testPassword, newIp()));
    expect(wrongPassword).toBeInstanceOf(InvalidCredentialsError);
    expect(unknownEmail).toBeInstanceOf(InvalidCredentialsError);
    expect(wrongPassword.message).toBe(invalidCredentialsMessage);
    expect(unknownEmail.message).toBe(wrongPassword.message);
  });

  test("a deactivated account is refused with the same message, even with the right password", async () => {
    const { user } = await makeUser(database.db, "editor");
    await setActive({ db: database.db, actor: commandLineActor }, { userId: user.id, active: false });
    const error = await failure(signIn(user.email, testPassword, newIp()));
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error.message).toBe(invalidCredentialsMessage);
  });

  test.each([
    ["no email", undefined, testPassword],
    ["an empty email", "", testPassword],
    ["an empty password", "someone@example.org", ""],
    ["a password that is not a string", "someone@example.org", { $ne: "" }],
    ["an absurdly long password", "someone@example.org", "x".repeat(201)],
  ])("%s fails as a wrong password does", async (_case, email, password) => {
    const error = await failure(signIn(email, password, newIp()));
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error.message).toBe(invalidCredentialsMessage);
  });
});

describe("throttle", () => {
  test("simultaneous guesses cannot get past the limit by racing the check", async () => {
    const { user } = await makeUser(database.db, "editor");
    const guesses = Array.from({ length: 12 }, (_, i) =>
      signIn(user.email, `parallel guess ${i}`, newIp()).catch((e: unknown) => e),
    );
    const outcomes = await Promise.all(guesses);
    const checked = outcomes.filter((e) => e instanceof InvalidCredentialsError).length;
    const throttled = outcomes.filter((e) => e instanceof SignInThrottledError).length;
    expect(checked).toBeLessThanOrEqual(throttlePolicy.maxFailuresPerAccount);
    expect(checked + throttled).toBe(12);
    // Refused attempts are not recorded: only the checked guesses count.
    const rows = await database.db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(rows).toHaveLength(checked);
  });

  test("failures by others do not lock a person out from an address they signed in from before", async () => {
    const { user } = await makeUser(database.db, "admin");
    const home = newIp();
    await signIn(user.email, testPassword, home);
    await failTimes(throttlePolicy.maxFailuresPerAccount, user.email, newIp);

    await expect(signIn(user.email, testPassword, home)).resolves.toMatchObject({ id: user.id });
    // A stranger's address is still locked out of the account.
    await failTimes(throttlePolicy.maxFailuresPerAccount, user.email, newIp);
    expect(await failure(signIn(user.email, testPassword, newIp()))).toBeInstanceOf(SignInThrottledError);
  });

  test("failures on other accounts at a person's own address, or on theirs elsewhere, do not lock them out of it", async () => {
    const { user } = await makeUser(database.db, "admin");
    const office = newIp();
    await signIn(user.email, testPassword, office);
    for (let i = 0; i < throttlePolicy.maxFailuresPerIp; i++) {
      await expect(signIn(`someone-${i}@example.org`, "wrong password!", office)).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    await failTimes(throttlePolicy.maxFailuresPerAccount, user.email, newIp);

    await expect(signIn(user.email, testPassword, office)).resolves.toMatchObject({ id: user.id });
    // Everyone else at that address is over its limit.
    const colleague = await makeUser(database.db, "editor");
    expect(await failure(signIn(colleague.user.email, testPassword, office))).toBeInstanceOf(SignInThrottledError);
  });

  test("guesses from a person's own address are limited too", async () => {
    const { user } = await makeUser(database.db, "editor");
    const office = newIp();
    await signIn(user.email, testPassword, office);
    await failTimes(throttlePolicy.maxFailuresFromKnownAddress, user.email, () => office);
    expect(await failure(signIn(user.email, testPassword, office))).toBeInstanceOf(SignInThrottledError);
  });

  test("after 5 failures on one account, the 6th attempt is refused even with the right password", async () => {
    const { user } = await makeUser(database.db, "editor");
    // From a different address each time: changing addresses does not help a guesser.
    await failTimes(throttlePolicy.maxFailuresPerAccount, user.email, newIp);

    const error = await failure(signIn(user.email, testPassword, newIp()));
    expect(error).toBeInstanceOf(SignInThrottledError);
    const { retryAfterSeconds } = error as SignInThrottledError;
    expect(retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(error.message).toBe("Too many failed sign-ins. Please wait 15 minutes before trying again.");

    // Other accounts are not affected.
    const other = await makeUser(database.db, "editor");
    await expect(signIn(other.user.email, testPassword, newIp())).resolves.toMatchObject({ id: other.user.id });
  });

  test("4 failures are not yet enough to lock an account", async () => {
    const { user } = await makeUser(database.db, "contributor");
    await failTimes(throttlePolicy.maxFailuresPerAccount - 1, user.email, newIp);
    await expect(signIn(user.email, testPassword, newIp())).resolves.toMatchObject({ id: user.id });
  });

  test("failures are counted under the normalized email, whatever case the guesser types", async () => {
    const { user } = await makeUser(database.db, "editor", { email: "cased@example.org" });
    for (const typed of [
      "CASED@example.org",
      "Cased@Example.org",
      " cased@EXAMPLE.org",
      "cased@example.ORG",
      "CaSeD@example.org",
    ]) {
      await expect(signIn(typed, "wrong password!", newIp())).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    await expect(signIn(user.email, testPassword, newIp())).rejects.toBeInstanceOf(SignInThrottledError);
  });

  test("after 20 failures from one address across different emails, that address is refused", async () => {
    const { user } = await makeUser(database.db, "editor");
    const ip = newIp();
    for (let i = 0; i < throttlePolicy.maxFailuresPerIp; i++) {
      await expect(signIn(`guess-${i}@example.org`, "wrong password!", ip)).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    const error = await failure(signIn(user.email, testPassword, ip));
    expect(error).toBeInstanceOf(SignInThrottledError);
    expect((error as SignInThrottledError).retryAfterSeconds).toBeGreaterThan(0);

    // The same person from another address is let in: the account itself was never guessed at.
    await expect(signIn(user.email, testPassword, newIp())).resolves.toMatchObject({ id: user.id });
  });

  test("failures older than 15 minutes do not count", async () => {
    const { user } = await makeUser(database.db, "editor");
    await pastFailures(10, user.email, newIp(), 16);
    await expect(signIn(user.email, testPassword, newIp())).resolves.toMatchObject({ id: user.id });

    const ip = newIp();
    await pastFailures(throttlePolicy.maxFailuresPerIp, "someone-else@example.org", ip, 16);
    await expect(signIn(user.email, testPassword, ip)).resolves.toMatchObject({ id: user.id });
  });

  test("the wait ends when the oldest counted failure leaves the window", async () => {
    const { user } = await makeUser(database.db, "editor");
    await pastFailures(throttlePolicy.maxFailuresPerAccount, user.email, newIp(), 14);
    const error = await failure(signIn(user.email, testPassword, newIp()));
    expect(error).toBeInstanceOf(SignInThrottledError);
    const { retryAfterSeconds } = error as SignInThrottledError;
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(error.message).toMatch(
      /^Too many failed sign-ins\. Please wait (\d+ seconds|1 minute) before trying again\.$/,
    );
  });

  test("a successful sign-in resets the account's count", async () => {
    const { user } = await makeUser(database.db, "editor");
    await failTimes(throttlePolicy.maxFailuresPerAccount - 1, user.email, newIp);
    await signIn(user.email, testPassword, newIp());
    // Without the reset these would make 8 failures in the window.
    await failTimes(throttlePolicy.maxFailuresPerAccount - 1, user.email, newIp);
    await expect(signIn(user.email, testPassword, newIp())).resolves.toMatchObject({ id: user.id });
    // The count starts again: five more failures lock the account once more.
    await failTimes(throttlePolicy.maxFailuresPerAccount, user.email, newIp);
    await expect(signIn(user.email, testPassword, newIp())).rejects.toBeInstanceOf(SignInThrottledError);
  });

  test("a throttled attempt is refused before the password is checked, and is not recorded", async () => {
    const { user } = await makeUser(database.db, "editor");
    await failTimes(throttlePolicy.maxFailuresPerAccount, user.email, newIp);
    const before = await database.db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    await expect(signIn(user.email, testPassword, newIp())).rejects.toBeInstanceOf(SignInThrottledError);
    await expect(signIn(user.email, "wrong password!", newIp())).rejects.toBeInstanceOf(SignInThrottledError);
    const after = await database.db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(after).toHaveLength(before.length);
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.lastSignInAt).toBeNull();
  });
});
