import { asc } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { auditLog } from "@/db/schema";
import { signInWithPassword } from "@/modules/auth/sign-in";
import { verifyAuditChain } from "@/modules/audit/verify";
import { changeRole } from "@/modules/users/change-role";
import { createUser } from "@/modules/users/create";
import { resetPassword } from "@/modules/users/reset-password";
import { setActive } from "@/modules/users/set-active";
import { createTestDatabase } from "./db";
import { makeUser, testPassword } from "./factories";
import { embeddedEnv, runScript, tempDir } from "./processes";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

test("account changes and sign-ins, failed ones included, each append one audit row, and the chain holds", async () => {
  const { ctx: admin } = await makeUser(database.db, "admin");
  const before = (await database.db.select().from(auditLog)).length;
  const { user } = await createUser(admin, { email: "audited@example.org", name: "Audited", role: "contributor" });
  await changeRole(admin, { userId: user.id, role: "editor" });
  await setActive(admin, { userId: user.id, active: false });
  await setActive(admin, { userId: user.id, active: true });
  const { password } = await resetPassword(admin, { userId: user.id });
  await expect(
    signInWithPassword(database.db, { email: "audited@example.org", password: "wrong-password-here", ip: "192.0.2.7" }),
  ).rejects.toThrow();
  await signInWithPassword(database.db, { email: "audited@example.org", password, ip: "192.0.2.7" });

  const rows = (await database.db.select().from(auditLog).orderBy(asc(auditLog.id))).slice(before);
  expect(rows.map((r) => r.action)).toEqual([
    "user.create",
    "user.role",
    "user.deactivate",
    "user.reactivate",
    "user.password_reset",
    "auth.sign_in_failed",
    "auth.sign_in",
  ]);
  expect(rows[1]).toMatchObject({
    actorId: admin.actor!.id,
    targetId: String(user.id),
    details: { from: "contributor", to: "editor" },
  });
  expect(rows[5]).toMatchObject({
    actorId: null,
    ip: "192.0.2.7",
    details: { email: "audited@example.org", reason: "wrong password" },
  });
  expect(rows[6]).toMatchObject({ actorId: user.id, ip: "192.0.2.7" });
  expect(JSON.stringify(rows)).not.toContain(password);
  expect(JSON.stringify(rows)).not.toContain(testPassword);
  expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
});

test("npm run audit:verify reports an intact chain in one line", async () => {
  const temp = tempDir("audit");
  try {
    const run = await runScript("scripts/audit-verify.ts", [], { env: embeddedEnv(temp.dir) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/The audit log in .* is intact: 0 rows/);
  } finally {
    temp.remove();
  }
});
