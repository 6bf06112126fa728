import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { loadActor } from "@/modules/auth/actor";
import type { Ctx } from "@/modules/auth/context";
import { signInWithPassword } from "@/modules/auth/sign-in";
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

async function signedInEditor() {
  const { user } = await makeUser(database.db, "editor");
  const signedIn = await signInWithPassword(database.db, {
    email: user.email,
    password: testPassword,
    ip: "203.0.113.1",
  });
  return { user, claims: { id: signedIn.id, sv: signedIn.sessionVersion } };
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
  expect(await loadActor(database.db, { id: String(user.id), sv: claims.sv })).toMatchObject({ id: user.id });
});

test.each([
  ["no claims", undefined],
  ["empty claims", {}],
  ["a missing session version", { id: 1 }],
  ["a negative id", { id: -1, sv: 1 }],
  ["an id that is not a number", { id: "admin", sv: 1 }],
])("%s give no actor", async (_case, claims) => {
  expect(await loadActor(database.db, claims)).toBeNull();
});

test("claims for an account that does not exist give no actor", async () => {
  expect(await loadActor(database.db, { id: 999_999, sv: 1 })).toBeNull();
});

test("deactivation ends the session at once, and reactivation does not revive it", async () => {
  const { user, claims } = await signedInEditor();
  await setActive(admin, { userId: user.id, active: false });
  expect(await loadActor(database.db, claims)).toBeNull();

  await setActive(admin, { userId: user.id, active: true });
  expect(await loadActor(database.db, claims)).toBeNull();
  // A new sign-in gives a session that works.
  const again = await signInWithPassword(database.db, { email: user.email, password: testPassword, ip: "203.0.113.2" });
  expect(await loadActor(database.db, { id: again.id, sv: again.sessionVersion })).toMatchObject({ id: user.id });
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
  expect(await loadActor(database.db, { id: fresh.id, sv: fresh.sessionVersion })).toMatchObject({ id: user.id });
});

test("a role change shows in the very next request, without signing in again", async () => {
  const { user, claims } = await signedInEditor();
  await changeRole(admin, { userId: user.id, role: "contributor" });
  expect(await loadActor(database.db, claims)).toMatchObject({ id: user.id, role: "contributor" });
  await changeRole(admin, { userId: user.id, role: "admin" });
  expect(await loadActor(database.db, claims)).toMatchObject({ id: user.id, role: "admin" });
});
