import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { NotAuthenticatedError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { itemActivity } from "@/modules/workflow/history";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, workingRevision } from "./factories";

let database: Database;
let contributor: Ctx;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG");
  contributor = (await makeUser(database.db, "contributor", { name: "Aida Writer" })).ctx;
  admin = (await makeUser(database.db, "admin", { name: "Bakyt Admin" })).ctx;
});
afterAll(() => database.close());

const lawForm = (title: string) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "bill",
  titles: [{ lang: "en", title }],
});

async function move(ctx: Ctx, id: number, action: string, extra: Record<string, unknown> = {}) {
  await moveItem(ctx, { type: "law", id, action, baseRevision: await workingRevision(ctx, "law", id), ...extra });
}

test("an item's activity lists its saves and status changes with who, newest first, overrides quoted", async () => {
  const id = (await createLaw(contributor, lawForm("With a history"))).id;
  await updateLaw(contributor, id, {
    ...lawForm("With a history, retitled"),
    baseRevision: await workingRevision(contributor, "law", id),
  });
  await move(contributor, id, "submit");
  await move(admin, id, "approve");
  await move(admin, id, "publish");

  const activity = await itemActivity(contributor, "law", id);
  expect(activity.map((a) => [a.actor, a.label])).toEqual([
    ["Bakyt Admin", "published"],
    ["Bakyt Admin", "approved"],
    ["Aida Writer", "submitted for review"],
    ["Aida Writer", "saved"],
    ["Aida Writer", "created"],
  ]);
  expect(activity.every((a) => a.override === null)).toBe(true);

  // The admin edits and publishes their own change: the reason is on the record.
  await updateLaw(admin, id, {
    ...lawForm("Corrected by the admin"),
    baseRevision: await workingRevision(admin, "law", id),
  });
  await move(admin, id, "submit");
  await move(admin, id, "approve", { overrideReason: "Typo in the title, nobody else on duty." });
  const [latest] = await itemActivity(admin, "law", id);
  expect(latest).toMatchObject({ label: "approved", override: "Typo in the title, nobody else on duty." });
});

test("only signed-in users read an item's activity; another item's trail is not mixed in", async () => {
  const a = (await createLaw(contributor, lawForm("First of two"))).id;
  const b = (await createLaw(contributor, lawForm("Second of two"))).id;
  expect((await itemActivity(contributor, "law", b)).map((x) => x.label)).toEqual(["created"]);
  await expect(itemActivity(anonymous(database.db), "law", a)).rejects.toBeInstanceOf(NotAuthenticatedError);
});
