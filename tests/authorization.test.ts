import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { roles, users, type Role } from "@/db/schema";
import { ForbiddenError, NotAuthenticatedError } from "@/lib/errors";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { permissions, roleHas, type Permission } from "@/modules/auth/permissions";
import { dashboardCounts } from "@/modules/system/dashboard";
import { changeRole } from "@/modules/users/change-role";
import { createUser } from "@/modules/users/create";
import { listUsers } from "@/modules/users/list";
import { resetPassword } from "@/modules/users/reset-password";
import { setActive } from "@/modules/users/set-active";
import { createTestDatabase } from "./db";
import { anonymous, makeUser, makeJurisdiction, publishItem } from "./factories";

let database: Database;
const ctxOf = {} as Record<Role, Ctx>;
let target: { id: number; email: string };

beforeAll(async () => {
  database = await createTestDatabase();
  for (const role of roles) ctxOf[role] = (await makeUser(database.db, role)).ctx;
  target = (await makeUser(database.db, "editor")).user;
  await makeJurisdiction(database.db, "KG");
  const operator: Ctx = { db: database.db, actor: commandLineActor };
  const law = (title: string, status: string) => ({
    jurisdictionCode: "KG",
    type: "law",
    status,
    summary: "s",
    titles: [{ lang: "en", title }],
  });
  const published = await createLaw(operator, law("Published", "adopted"));
  await publishItem(database.db, "law", published.id);
  await createLaw(operator, law("Draft", "bill"));
});
afterAll(() => database.close());

/** Every account verb, each aimed at a real user so that only the guard can stop it. */
const accountVerbs: [string, (ctx: Ctx) => Promise<unknown>][] = [
  ["listUsers", (ctx) => listUsers(ctx)],
  ["createUser", (ctx) => createUser(ctx, { email: "new@example.org", name: "New", role: "admin" })],
  ["changeRole", (ctx) => changeRole(ctx, { userId: target.id, role: "admin" })],
  ["setActive", (ctx) => setActive(ctx, { userId: target.id, active: false })],
  ["resetPassword", (ctx) => resetPassword(ctx, { userId: target.id })],
];

describe.each(["contributor", "editor"] as const)("a %s", (role) => {
  test.each(accountVerbs)("gets ForbiddenError from %s", async (_name, verb) => {
    await expect(verb(ctxOf[role])).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("an anonymous request", () => {
  test.each(accountVerbs)("gets NotAuthenticatedError from %s", async (_name, verb) => {
    await expect(verb(anonymous(database.db))).rejects.toBeInstanceOf(NotAuthenticatedError);
  });

  test("gets NotAuthenticatedError from dashboardCounts", async () => {
    await expect(dashboardCounts(anonymous(database.db))).rejects.toBeInstanceOf(NotAuthenticatedError);
  });
});

test("the refused calls changed nothing", async () => {
  const [row] = await database.db.select().from(users).where(eq(users.id, target.id));
  expect(row).toMatchObject({ role: "editor", active: true, sessionVersion: 1 });
  expect(await database.db.select().from(users).where(eq(users.email, "new@example.org"))).toEqual([]);
});

test("an admin may call every account verb", async () => {
  for (const [name, verb] of accountVerbs) {
    await expect(verb(ctxOf.admin), name).resolves.toBeDefined();
  }
});

describe("dashboardCounts", () => {
  test.each(["contributor", "editor"] as const)("shows a %s the law counts but no account count", async (role) => {
    expect(await dashboardCounts(ctxOf[role])).toEqual({
      laws: 2,
      publishedLaws: 1,
      articles: 0,
      agents: 0,
      activeUsers: null,
    });
  });

  test("shows an admin the number of active accounts", async () => {
    const active = await database.db.select().from(users).where(eq(users.active, true));
    expect(await dashboardCounts(ctxOf.admin)).toEqual({
      laws: 2,
      publishedLaws: 1,
      articles: 0,
      agents: 0,
      activeUsers: active.length,
    });
  });
});

describe("the permission table", () => {
  const expected: Record<Permission, Role[]> = {
    "admin.access": ["contributor", "editor", "admin"],
    "content.write": ["contributor", "editor", "admin"],
    "content.delete.any": ["editor", "admin"],
    "workflow.review": ["editor", "admin"],
    "archive.import": ["editor", "admin"],
    "workflow.override": ["admin"],
    "vocabulary.manage": ["admin"],
    "users.read": ["admin"],
    "users.manage": ["admin"],
    "audit.read": ["admin"],
  };

  test("lists exactly the permissions checked here", () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(expected).sort());
  });

  test.each(Object.entries(expected) as [Permission, Role[]][])("%s is held by %j only", (permission, holders) => {
    for (const role of roles) expect(roleHas(role, permission), `${role} / ${permission}`).toBe(holders.includes(role));
  });
});
