import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { signInWithPassword } from "@/modules/auth/sign-in";
import { changeRole } from "@/modules/users/change-role";
import { createUser } from "@/modules/users/create";
import { listUsers } from "@/modules/users/list";
import { resetPassword } from "@/modules/users/reset-password";
import { setActive } from "@/modules/users/set-active";
import { createTestDatabase } from "./db";
import { makeUser, testPassword } from "./factories";

describe("the last active admin", () => {
  // Its own database: "last admin" depends on every admin in it.
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  test("cannot be demoted or deactivated until another active admin exists", async () => {
    const first = await makeUser(database.db, "admin");
    const operator: Ctx = { db: database.db, actor: commandLineActor };
    const lastAdmin = /last active admin/;

    await expect(changeRole(first.ctx, { userId: first.user.id, role: "editor" })).rejects.toThrow(lastAdmin);
    await expect(changeRole(operator, { userId: first.user.id, role: "contributor" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(setActive(operator, { userId: first.user.id, active: false })).rejects.toThrow(lastAdmin);

    // An inactive admin cannot take over, so does not count.
    const dormant = await makeUser(database.db, "admin");
    await setActive(first.ctx, { userId: dormant.user.id, active: false });
    await expect(changeRole(first.ctx, { userId: first.user.id, role: "editor" })).rejects.toBeInstanceOf(
      ConflictError,
    );

    // With a second active admin, either change is allowed.
    const second = await makeUser(database.db, "admin");
    await expect(changeRole(second.ctx, { userId: first.user.id, role: "editor" })).resolves.toMatchObject({
      role: "editor",
    });
    // Now `second` is the last one again.
    await expect(changeRole(second.ctx, { userId: second.user.id, role: "editor" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await changeRole(second.ctx, { userId: first.user.id, role: "admin" });
    await expect(setActive(second.ctx, { userId: first.user.id, active: false })).resolves.toMatchObject({
      active: false,
    });

    // A change that keeps the last admin an admin is not blocked.
    await expect(changeRole(second.ctx, { userId: second.user.id, role: "admin" })).resolves.toMatchObject({
      role: "admin",
    });
  });
});

describe("account administration", () => {
  let database: Database;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await makeUser(database.db, "admin");
    await makeUser(database.db, "admin");
  });
  afterAll(() => database.close());

  test("an admin cannot deactivate their own account, even with other admins around", async () => {
    const error = await setActive(admin.ctx, { userId: admin.user.id, active: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe("You cannot deactivate your own account.");
    expect(await listUsers(admin.ctx, { q: admin.user.email })).toMatchObject({ users: [{ active: true }] });
  });

  test("a deactivated account can be reactivated and signs in again", async () => {
    const { user } = await makeUser(database.db, "editor");
    await expect(setActive(admin.ctx, { userId: user.id, active: false })).resolves.toMatchObject({ active: false });
    await expect(
      signInWithPassword(database.db, { email: user.email, password: testPassword, ip: "192.0.2.10" }),
    ).rejects.toThrow();
    await expect(setActive(admin.ctx, { userId: user.id, active: true })).resolves.toMatchObject({ active: true });
    await expect(
      signInWithPassword(database.db, { email: user.email, password: testPassword, ip: "192.0.2.10" }),
    ).resolves.toMatchObject({ id: user.id });
  });

  test("changes to an account that does not exist are NotFoundError", async () => {
    await expect(changeRole(admin.ctx, { userId: 999_999, role: "editor" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setActive(admin.ctx, { userId: 999_999, active: false })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetPassword(admin.ctx, { userId: 999_999 })).rejects.toBeInstanceOf(NotFoundError);
  });

  test("malformed changes are ValidationError on the field", async () => {
    const { user } = await makeUser(database.db, "editor");
    await expect(changeRole(admin.ctx, { userId: user.id, role: "owner" })).rejects.toMatchObject({
      fieldErrors: { role: ["Choose a role."] },
    });
    await expect(changeRole(admin.ctx, { userId: "abc", role: "editor" })).rejects.toBeInstanceOf(ValidationError);
    await expect(setActive(admin.ctx, { userId: user.id, active: "false" })).rejects.toBeInstanceOf(ValidationError);
  });

  test("listUsers pages through every account in creation order with after/nextAfter", async () => {
    for (let i = 0; i < 7; i++) {
      await createUser(admin.ctx, { email: `page-${i}@example.org`, name: `Page ${i}`, role: "contributor" });
    }
    const [total] = await database.db.select({ n: count() }).from(users);

    const seen: number[] = [];
    let after: number | undefined;
    let pages = 0;
    do {
      const page = await listUsers(admin.ctx, { limit: 3, after });
      expect(page.users.length).toBeLessThanOrEqual(3);
      seen.push(...page.users.map((u) => u.id));
      after = page.nextAfter ?? undefined;
      if (page.nextAfter !== null) expect(page.nextAfter).toBe(page.users.at(-1)?.id);
      pages++;
    } while (after !== undefined && pages < 20);

    expect(seen).toHaveLength(total!.n);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(pages).toBe(Math.ceil(total!.n / 3));

    // A page that ends exactly at the last account says there is no next one.
    const lastFull = await listUsers(admin.ctx, { limit: total!.n });
    expect(lastFull.nextAfter).toBeNull();
    // `after` arrives from the query string as text.
    const fromQuery = await listUsers(admin.ctx, { limit: 2, after: String(seen[0]) });
    expect(fromQuery.users.map((u) => u.id)).toEqual(seen.slice(1, 3));
  });

  test("listUsers rejects a limit out of range", async () => {
    await expect(listUsers(admin.ctx, { limit: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(listUsers(admin.ctx, { limit: 101 })).rejects.toBeInstanceOf(ValidationError);
  });

  test("listUsers filters by name or email, ignoring case", async () => {
    const { user: byName } = await makeUser(database.db, "editor", { name: "Chyngyz Aitmatov" });
    const { user: byEmail } = await makeUser(database.db, "editor", {
      email: "aitmatov.fan@example.org",
      name: "Reader",
    });
    await makeUser(database.db, "editor", { name: "Someone Else" });

    const page = await listUsers(admin.ctx, { q: "  AITMATOV " });
    expect(page.users.map((u) => u.id).sort()).toEqual([byName.id, byEmail.id].sort());
    expect(page.users[0]).not.toHaveProperty("passwordHash");
    expect((await listUsers(admin.ctx, { q: "no such person" })).users).toEqual([]);
  });

  test("listUsers treats % and _ in the search literally", async () => {
    const { user: percent } = await makeUser(database.db, "editor", { name: "100% Reliable" });
    const { user: underscore } = await makeUser(database.db, "editor", { email: "under_score@example.org" });
    await makeUser(database.db, "editor", { email: "underXscore@example.org" });
    const { user: backslash } = await makeUser(database.db, "editor", { name: "Back\\slash" });

    expect((await listUsers(admin.ctx, { q: "%" })).users.map((u) => u.id)).toEqual([percent.id]);
    expect((await listUsers(admin.ctx, { q: "under_score" })).users.map((u) => u.id)).toEqual([underscore.id]);
    expect((await listUsers(admin.ctx, { q: "_" })).users.map((u) => u.id)).toEqual([underscore.id]);
    expect((await listUsers(admin.ctx, { q: "\\" })).users.map((u) => u.id)).toEqual([backslash.id]);
  });
});
