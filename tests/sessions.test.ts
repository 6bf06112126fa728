import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { loadActor, sessionLifetimeSeconds } from "@/modules/auth/actor";
import type { Ctx } from "@/modules/auth/context";
import { sessionStatus } from "@/modules/auth/session-status";
import { signInWithPassword } from "@/modules/auth/sign-in";
import { endSessions } from "@/modules/auth/sign-out";
import { changeRole } from "@/modules/users/change-role";
import { resetPassword } from "@/modules/users/reset-password";
import { setActive } from "@/modules/users/set-active";
import { createTestDatabase } from "./db";
import { makeUser, testPassword } from "./factories";

// loadActor runs on every request with the claims from the session cookie; these tests play the
// cookie's part with the claims a sign-in would have put there.
let database: Database;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await makeUser(database.db, "admin")).ctx;
});
afterAll(() => database.close());

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function signedInEditor() {
  const { user } = await makeUser(database.db, "editor");
  const signedIn = await signInWithPassword(database.db, {
    email: user.email,
    password: testPassword,
    ip: "203.0.113.1",
  });
  return { user, claims: { id: signedIn.id, sv: signedIn.sessionVersion, at: nowSeconds() } };
}

test("valid claims give the actor as the database has them", async () => {
  const { user, claims } = await signedInEditor();
  expect(await loadActor(database.db, claims)).toEqual({
    id: user.id,
    email: user.email,
    name: user.name,
    role: "editor",
  });
  // The cookie carries the id as a string (next-auth's user id); that is accepted too.
  expect(await loadActor(database.db, { ...claims, id: String(user.id) })).toMatchObject({ id: user.id });
});

test.each([
  ["no claims", undefined],
  ["empty claims", {}],
  ["a missing session version", { id: 1, at: 1 }],
  ["a missing sign-in time (a cookie from before sessions had one)", { id: 1, sv: 1 }],
  ["a negative id", { id: -1, sv: 1, at: 1 }],
  ["an id that is not a number", { id: "admin", sv: 1, at: 1 }],
])("%s give no actor", async (_case, claims) => {
  expect(await loadActor(database.db, claims)).toBeNull();
});

test("claims for an account that does not exist give no actor", async () => {
  expect(await loadActor(database.db, { id: 999_999, sv: 1, at: nowSeconds() })).toBeNull();
});

test("deactivation ends the session at once, and reactivation does not revive it", async () => {
  const { user, claims } = await signedInEditor();
  await setActive(admin, { userId: user.id, active: false });
  expect(await loadActor(database.db, claims)).toBeNull();

  await setActive(admin, { userId: user.id, active: true });
  expect(await loadActor(database.db, claims)).toBeNull();
  // A new sign-in gives a session that works.
  const again = await signInWithPassword(database.db, { email: user.email, password: testPassword, ip: "203.0.113.2" });
  expect(await loadActor(database.db, { id: again.id, sv: again.sessionVersion, at: nowSeconds() })).toMatchObject({
    id: user.id,
  });
});

test("a password reset ends every earlier session; the new password starts a working one", async () => {
  const { user, claims } = await signedInEditor();
  const { password } = await resetPassword(admin, { userId: user.id });
  expect(await loadActor(database.db, claims)).toBeNull();

  await expect(
    signInWithPassword(database.db, { email: user.email, password: testPassword, ip: "203.0.113.3" }),
  ).rejects.toThrow();
  const fresh = await signInWithPassword(database.db, { email: user.email, password, ip: "203.0.113.3" });
  expect(fresh.sessionVersion).toBe(claims.sv + 1);
  expect(await loadActor(database.db, { id: fresh.id, sv: fresh.sessionVersion, at: nowSeconds() })).toMatchObject({
    id: user.id,
  });
});

test("a role change shows in the very next request, without signing in again", async () => {
  const { user, claims } = await signedInEditor();
  await changeRole(admin, { userId: user.id, role: "contributor" });
  expect(await loadActor(database.db, claims)).toMatchObject({ id: user.id, role: "contributor" });
  await changeRole(admin, { userId: user.id, role: "admin" });
  expect(await loadActor(database.db, claims)).toMatchObject({ id: user.id, role: "admin" });
});

test("a session ends 12 hours after sign-in, however much it is used", async () => {
  const { user, claims } = await signedInEditor();
  const signedIn = new Date(claims.at * 1000);
  const after = (seconds: number) => new Date(signedIn.getTime() + seconds * 1000);
  expect(await loadActor(database.db, claims, after(sessionLifetimeSeconds - 1))).toMatchObject({ id: user.id });
  expect(await loadActor(database.db, claims, after(sessionLifetimeSeconds))).toBeNull();
  expect(await sessionStatus(database.db, claims, after(sessionLifetimeSeconds))).toBeNull();
});

test("the session reported is the person and a fixed end, the same at every call", async () => {
  const { user, claims } = await signedInEditor();
  const expires = new Date((claims.at + sessionLifetimeSeconds) * 1000).toISOString();
  const first = await sessionStatus(database.db, claims);
  expect(first).toEqual({ user: { name: user.name, email: user.email }, expires });
  const later = await sessionStatus(database.db, claims, new Date(Date.now() + 3 * 60 * 60 * 1000));
  expect(later?.expires).toBe(expires);
});

test("signing out ends every copy of the session, and an ended session is not reported", async () => {
  const { user, claims } = await signedInEditor();
  const copy = { ...claims };
  await endSessions(database.db, claims);
  expect(await loadActor(database.db, copy)).toBeNull();
  expect(await sessionStatus(database.db, copy)).toBeNull();

  // A new sign-in works, and replaying the old cookie's sign-out does not end it.
  const again = await signInWithPassword(database.db, { email: user.email, password: testPassword, ip: "203.0.113.4" });
  const fresh = { id: again.id, sv: again.sessionVersion, at: nowSeconds() };
  await endSessions(database.db, copy);
  expect(await loadActor(database.db, fresh)).toMatchObject({ id: user.id });
  expect(await sessionStatus(database.db, fresh)).toMatchObject({ user: { email: user.email } });
});

test("signing out one person leaves everyone else's sessions alone", async () => {
  const one = await signedInEditor();
  const other = await signedInEditor();
  await endSessions(database.db, one.claims);
  expect(await loadActor(database.db, other.claims)).toMatchObject({ id: other.user.id });
});
