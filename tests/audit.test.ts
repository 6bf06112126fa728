import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { auditLog } from "@/db/schema";
import { commandLineActor } from "@/modules/auth/context";
import { audit } from "@/modules/audit/record";
import { verifyAuditChain } from "@/modules/audit/verify";
import { createTestDatabase } from "./db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const entry = (n: number) => ({
  actor: commandLineActor,
  action: "test.event",
  targetType: "law",
  targetId: n,
  ip: "192.0.2.1",
  // Keys in an order jsonb will not keep: the hash must not depend on it.
  details: { zeta: n, alpha: { y: [1, "two"], b: null }, é: "ü" },
});

async function withTriggerOff(run: () => Promise<unknown>) {
  await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_change`);
  try {
    await run();
  } finally {
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_change`);
  }
}

test("appends chain together and verify finds the chain intact, also after appends at the same time", async () => {
  for (let n = 1; n <= 3; n++) await database.db.transaction((tx) => audit(tx, entry(n)));
  await Promise.all(Array.from({ length: 8 }, (_, i) => database.db.transaction((tx) => audit(tx, entry(10 + i)))));
  expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 11 });
});

test("the database refuses to update, delete or truncate audit rows", async () => {
  await expect(database.db.execute(sql`update audit_log set action = 'edited'`)).rejects.toThrow();
  await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
  expect((await database.db.select().from(auditLog)).length).toBe(11);
});

test("a row written in a transaction that fails is not kept", async () => {
  await expect(
    database.db.transaction(async (tx) => {
      await audit(tx, entry(99));
      throw new Error("the change failed");
    }),
  ).rejects.toThrow("the change failed");
  expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 11 });
});

test("verify names the first row that was changed, or that follows a removed one", async () => {
  const rows = await database.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id);
  const changed = rows[4]!.id;
  await withTriggerOff(() => database.db.execute(sql`update audit_log set target_id = 'other' where id = ${changed}`));
  const afterChange = await verifyAuditChain(database.db);
  expect(afterChange).toMatchObject({ ok: false, rows: 4, brokenAt: { id: changed } });
  expect(!afterChange.ok && afterChange.brokenAt.reason).toMatch(/changed/);

  const removed = rows[2]!.id;
  await withTriggerOff(() => database.db.execute(sql`delete from audit_log where id = ${removed}`));
  const afterRemoval = await verifyAuditChain(database.db);
  expect(afterRemoval).toMatchObject({ ok: false, rows: 2, brokenAt: { id: rows[3]!.id } });
  expect(!afterRemoval.ok && afterRemoval.brokenAt.reason).toMatch(/removed/);
});
