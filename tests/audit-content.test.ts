import { asc, gt } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { auditLog } from "@/db/schema";
import { verifyAuditChain } from "@/modules/audit/verify";
import { deleteFigure } from "@/modules/figures/delete";
import { createFigure, updateFigure } from "@/modules/figures/save";
import { deleteJurisdiction } from "@/modules/jurisdictions/delete";
import { createJurisdiction, updateJurisdiction } from "@/modules/jurisdictions/save";
import { deleteLaw } from "@/modules/laws/delete";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { deleteSource } from "@/modules/sources/delete";
import { createSource, updateSource } from "@/modules/sources/save";
import { deleteTopic } from "@/modules/topics/delete";
import { createTopic, updateTopic } from "@/modules/topics/save";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, workingRevision } from "./factories";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG");
});
afterAll(() => database.close());

const lawInput = (title: string) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "bill",
  summary: "Written for the audit test.",
  titles: [{ lang: "en", title }],
  preferredTitle: "0",
});

async function lastId() {
  const rows = await database.db.select({ id: auditLog.id }).from(auditLog);
  return rows.reduce((max, r) => Math.max(max, r.id), 0);
}

async function actionsSince(id: number) {
  const rows = await database.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));
  return rows;
}

test("every change to content and vocabularies appends one audit row naming actor, action, target and address", async () => {
  const { ctx: admin, user } = await makeUser(database.db, "admin");
  const ctx = { ...admin, ip: "192.0.2.44" };
  const start = await lastId();

  const source = await createSource(ctx, { title: "Audited source" });
  await updateSource(ctx, source.id, { title: "Audited source, corrected" });
  const topic = await createTopic(ctx, { name: "Audited topic" });
  await updateTopic(ctx, topic.id, { name: "Audited topic, renamed" });
  await createJurisdiction(ctx, { code: "ZZ", name: "Audited land", kind: "country" });
  await updateJurisdiction(ctx, "ZZ", { name: "Audited land, renamed", kind: "country" });
  const figure = await createFigure(ctx, {
    label: "Audited figure",
    jurisdictionCode: "KG",
    unit: "people",
    accounts: [{ value: "1", asOf: "2024" }],
  });
  await updateFigure(ctx, figure.id, {
    label: "Audited figure, corrected",
    jurisdictionCode: "KG",
    unit: "people",
    accounts: [{ value: "2", asOf: "2024" }],
  });
  const law = await createLaw(ctx, lawInput("Audited law"));
  await updateLaw(ctx, law.id, {
    ...lawInput("Audited law, retitled"),
    baseRevision: await workingRevision(ctx, "law", law.id),
  });
  await deleteLaw(ctx, law.id);
  await deleteFigure(ctx, figure.id);
  await deleteJurisdiction(ctx, "ZZ");
  await deleteTopic(ctx, topic.id);
  await deleteSource(ctx, source.id);

  const rows = await actionsSince(start);
  expect(rows.map((r) => r.action)).toEqual([
    "source.create",
    "source.update",
    "topic.create",
    "topic.update",
    "jurisdiction.create",
    "jurisdiction.update",
    "figure.create",
    "figure.update",
    "law.create",
    "law.update",
    "law.delete",
    "figure.delete",
    "jurisdiction.delete",
    "topic.delete",
    "source.delete",
  ]);
  for (const row of rows) expect(row).toMatchObject({ actorId: user.id, ip: "192.0.2.44" });
  const lawRows = rows.filter((r) => r.targetType === "law");
  expect(lawRows.every((r) => r.targetId === String(law.id))).toBe(true);
  // A save records the revision it replaced and the one it made.
  expect(lawRows[1]!.beforeRevision).toBe(lawRows[0]!.afterRevision);
  expect(lawRows[1]!.afterRevision).not.toBe(lawRows[0]!.afterRevision);
  expect((await verifyAuditChain(database.db)).ok).toBe(true);
});

test("a refused change leaves no audit row", async () => {
  const { ctx: contributor } = await makeUser(database.db, "contributor");
  const start = await lastId();
  await expect(createSource(contributor, { title: "   " })).rejects.toThrow();
  await expect(createTopic(contributor, { name: "Not allowed" })).rejects.toThrow();
  const law = await createLaw(contributor, lawInput("Kept"));
  const afterCreate = await lastId();
  await expect(updateLaw(contributor, law.id, { ...lawInput("Stale"), baseRevision: 1 })).rejects.toThrow();
  expect(await actionsSince(afterCreate)).toEqual([]);
  expect((await actionsSince(start)).map((r) => r.action)).toEqual(["law.create"]);
});
