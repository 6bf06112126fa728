import { count } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { laws } from "@/db/schema";
import { NotAuthenticatedError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { createLawInline } from "@/modules/laws/create-inline";
import { getLaw } from "@/modules/laws/read";
import { editorialStatus } from "@/modules/workflow/status";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser } from "./factories";

let database: Database;
let ctx: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KZ");
  ctx = (await makeUser(database.db, "contributor")).ctx;
});
afterAll(() => database.close());

const lawCount = async () => (await database.db.select({ n: count() }).from(laws))[0]!.n;

test("a law created from a picker has its title, jurisdiction and status, and comes back as an option", async () => {
  const option = await createLawInline(ctx, { title: "Law on archives", jurisdictionCode: "kz", status: "in_force" });
  expect(option).toMatchObject({ label: "Law on archives", hint: "KZ · In force" });
  const law = await getLaw(ctx, Number(option.value));
  expect(law).toMatchObject({ jurisdictionCode: "KZ", status: "in_force", type: "law" });
  // A draft like any other: nothing reaches the public until it is reviewed and published.
  expect(await editorialStatus(ctx, "law", law.id)).toMatchObject({
    review: "draft",
    visibility: "unpublished",
    liveRevisionId: null,
  });
  expect(law.titles).toEqual([{ lang: "und", title: "Law on archives", preferred: true }]);
});

test.each([
  ["no title", { title: " ", jurisdictionCode: "KZ", status: "bill" }, "title"],
  ["an unknown jurisdiction", { title: "A law", jurisdictionCode: "XX", status: "bill" }, "jurisdictionCode"],
  ["no status", { title: "A law", jurisdictionCode: "KZ" }, "status"],
])("%s is refused at its field and writes nothing", async (_case, input, field) => {
  const before = await lawCount();
  const error = await createLawInline(ctx, input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
  expect(await lawCount()).toBe(before);
});

test("nobody signed out can create a law from a picker", async () => {
  await expect(
    createLawInline(anonymous(database.db), { title: "A law", jurisdictionCode: "KZ", status: "bill" }),
  ).rejects.toBeInstanceOf(NotAuthenticatedError);
});
