import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { createTestDatabase } from "./db";
import { makeUser } from "./factories";
import { listUsers } from "@/modules/users/list";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

test("smoke", async () => {
  const { ctx } = await makeUser(database.db, "admin");
  const page = await listUsers(ctx);
  expect(page.users).toHaveLength(1);
});
