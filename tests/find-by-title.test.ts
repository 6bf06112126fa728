import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { NotAuthenticatedError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { findRecordsByTitle } from "@/modules/records/find-by-title";
import { createSource } from "@/modules/sources/save";
import { createTopic } from "@/modules/topics/save";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser } from "./factories";

let database: Database;
let contributor: Ctx;
let lawId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db);
  const admin = (await makeUser(database.db, "admin")).ctx;
  contributor = (await makeUser(database.db, "contributor")).ctx;
  lawId = (
    await createLaw(admin, {
      jurisdictionCode: "KG",
      type: "law",
      status: "adopted",
      titles: [{ lang: "en", title: "On the rehabilitation of victims of repression" }],
    })
  ).id;
  await createSource(admin, { title: "Rehabilitation commission report", url: "https://example.org/report" });
  await createTopic(admin, { name: "Rehabilitation" });
  await createTopic(admin, { name: "Archives" });
});
afterAll(() => database.close());

test("anyone signed in finds records of every kind by title, each with its admin page", async () => {
  const found = await findRecordsByTitle(contributor, "rehabilitation");
  expect(found.map((r) => r.kind)).toEqual(["law", "source", "topic"]);
  expect(found[0]).toMatchObject({
    label: "On the rehabilitation of victims of repression",
    href: `/admin/laws/${lawId}`,
  });
  expect(found.find((r) => r.kind === "topic")?.label).toBe("Rehabilitation");
});

test("an empty query finds nothing rather than everything", async () => {
  expect(await findRecordsByTitle(contributor, "   ")).toEqual([]);
});

test("nobody signed out can look records up", async () => {
  await expect(findRecordsByTitle(anonymous(database.db), "rehabilitation")).rejects.toBeInstanceOf(
    NotAuthenticatedError,
  );
});
