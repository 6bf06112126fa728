import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { ForbiddenError, NotAuthenticatedError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { deleteTopic } from "@/modules/topics/delete";
import { createTopicInline, searchTopicOptions } from "@/modules/topics/picker";
import { getTopic, listTopics, topicParentOptions } from "@/modules/topics/read";
import { createTopic, updateTopic } from "@/modules/topics/save";
import { createTestDatabase } from "./db";
import { anonymous, makeUser } from "./factories";

let database: Database;
let admin: Ctx;
let topicId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await makeUser(database.db, "admin")).ctx;
  topicId = (await createTopic(admin, { name: "Rehabilitation" })).id;
});
afterAll(() => database.close());

const reads = (ctx: Ctx) => [
  () => listTopics(ctx),
  () => getTopic(ctx, topicId),
  () => topicParentOptions(ctx),
  () => searchTopicOptions(ctx, "re", 5),
];
const writes = (ctx: Ctx) => [
  () => createTopic(ctx, { name: "New" }),
  () => updateTopic(ctx, topicId, { name: "Renamed" }),
  () => deleteTopic(ctx, topicId),
  () => createTopicInline(ctx, { name: "Inline" }),
];

describe("topic permissions", () => {
  test("nobody signed out can read or change topics", async () => {
    for (const call of [...reads(anonymous(database.db)), ...writes(anonymous(database.db))]) {
      await expect(call()).rejects.toBeInstanceOf(NotAuthenticatedError);
    }
  });

  test("contributors and editors read the vocabulary but cannot manage it", async () => {
    for (const role of ["contributor", "editor"] as const) {
      const { ctx } = await makeUser(database.db, role);
      for (const call of reads(ctx)) await expect(call()).resolves.toBeDefined();
      for (const call of writes(ctx)) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(getTopic(admin, topicId)).resolves.toMatchObject({ name: "Rehabilitation" });
  });

  test("the guard runs before validation: a bad input from a contributor is refused, not parsed", async () => {
    const { ctx } = await makeUser(database.db, "contributor");
    await expect(createTopic(ctx, { name: "" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createTopic(anonymous(database.db), { name: "" })).rejects.toBeInstanceOf(NotAuthenticatedError);
  });
});
