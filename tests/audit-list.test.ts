import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { ForbiddenError, NotAuthenticatedError, ValidationError } from "@/lib/errors";
import { auditFacets, listAuditLog, type AuditLogEntry } from "@/modules/audit/list";
import { audit } from "@/modules/audit/record";
import type { Actor, Ctx } from "@/modules/auth/context";
import { encodeCursor } from "@/modules/content/cursor";
import { createTestDatabase } from "./db";
import { anonymous, makeUser } from "./factories";

let database: Database;
let admin: Ctx & { actor: Actor };
let editor: Ctx & { actor: Actor };
let contributor: Ctx & { actor: Actor };

beforeAll(async () => {
  database = await createTestDatabase();
  // Making these accounts writes "user.create" rows, which the tests below count on.
  admin = (await makeUser(database.db, "admin", { name: "Ada Admin", email: "ada@example.org" })).ctx as typeof admin;
  editor = (await makeUser(database.db, "editor", { name: "Eddie Editor" })).ctx as typeof editor;
  contributor = (await makeUser(database.db, "contributor")).ctx as typeof contributor;
  const write = (actor: Actor | null, action: string, targetType: string, targetId: string | number) =>
    database.db.transaction((tx) => audit(tx, { actor, action, targetType, targetId, details: { n: targetId } }));
  await write(editor.actor, "law.update", "law", 7);
  await write(editor.actor, "law.submit", "law", 7);
  await write(admin.actor, "law.publish", "law", 7);
  await write(editor.actor, "article.update", "article", 3);
  // "lawful.thing" must not match the "law." group, nor "law_x" a pattern built from "law.".
  await write(editor.actor, "lawful.thing", "law", 8);
  await write(null, "auth.sign_in_failed", "user", "nobody@example.org");
});
afterAll(() => database.close());

/** Every entry matching a filter, through the pages, to compare with what one big page holds. */
async function allPages(ctx: Ctx, input: Record<string, unknown>, limit: number) {
  const pages: AuditLogEntry[][] = [];
  let after: string | undefined;
  do {
    const page = await listAuditLog(ctx, { ...input, after, limit });
    pages.push(page.entries);
    after = page.nextAfter ?? undefined;
  } while (after && pages.length < 100);
  return pages;
}

test("an admin sees every row, newest first, with what each row says", async () => {
  const { entries, nextAfter } = await listAuditLog(admin);
  expect(nextAfter).toBeNull();
  expect(entries.map((e) => e.action)).toEqual([
    "auth.sign_in_failed",
    "lawful.thing",
    "article.update",
    "law.publish",
    "law.submit",
    "law.update",
    "user.create",
    "user.create",
    "user.create",
  ]);
  const ids = entries.map((e) => e.id);
  expect(ids).toEqual([...ids].sort((a, b) => b - a));
  expect(entries[0]).toMatchObject({ actorId: null, actorLabel: "anonymous", targetId: "nobody@example.org" });
  expect(entries[3]).toMatchObject({ actorId: admin.actor.id, targetType: "law", targetId: "7", details: { n: 7 } });
  expect(entries[0]).not.toHaveProperty("hash");
});

describe("filters", () => {
  const actions = async (input: Record<string, unknown>) =>
    (await listAuditLog(admin, input)).entries.map((e) => e.action);

  test("an action ending in a dot is a group; anything else is one exact action", async () => {
    expect(await actions({ action: "law." })).toEqual(["law.publish", "law.submit", "law.update"]);
    expect(await actions({ action: "law.submit" })).toEqual(["law.submit"]);
    expect(await actions({ action: "law" })).toEqual([]);
    expect(await actions({ action: "auth." })).toEqual(["auth.sign_in_failed"]);
    // LIKE's wildcards in the filter are plain characters.
    expect(await actions({ action: "%." })).toEqual([]);
    expect(await actions({ action: "auth.sign%" })).toEqual([]);
  });

  test("by target type and id", async () => {
    expect(await actions({ targetType: "law", targetId: "7" })).toEqual(["law.publish", "law.submit", "law.update"]);
    expect(await actions({ targetType: "article" })).toEqual(["article.update"]);
    expect(await actions({ targetType: "user", targetId: "nobody@example.org" })).toEqual(["auth.sign_in_failed"]);
    expect(await actions({ targetType: "law", targetId: "999" })).toEqual([]);
  });

  test("by actor: an account number, or part of the name or email", async () => {
    expect(await actions({ actor: String(admin.actor.id) })).toEqual(["law.publish"]);
    expect(await actions({ actor: `#${editor.actor.id}`, action: "law." })).toEqual(["law.submit", "law.update"]);
    expect(await actions({ actor: "ADA@example" })).toEqual(["law.publish"]);
    expect(await actions({ actor: "anonymous" })).toEqual(["auth.sign_in_failed"]);
    // Accounts made by the factory are created by the operator at the command line.
    expect(await actions({ actor: "command line" })).toEqual(["user.create", "user.create", "user.create"]);
  });

  test("by date range, in whole UTC days, both ends included", async () => {
    const [newest] = (await listAuditLog(admin, { limit: 1 })).entries;
    const today = newest!.at.toISOString().slice(0, 10);
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    const all = (await listAuditLog(admin)).entries;
    // Counted rather than assumed, should the rows have been written across midnight.
    const on = (date: string) => all.filter((e) => e.at.toISOString().startsWith(date)).length;
    expect((await listAuditLog(admin, { from: today, to: today })).entries).toHaveLength(on(today));
    expect((await listAuditLog(admin, { from: yesterday, to: yesterday })).entries).toHaveLength(on(yesterday));
    expect((await listAuditLog(admin, { to: yesterday })).entries).toHaveLength(on(yesterday));
    expect((await listAuditLog(admin, { from: "2000-01-01" })).entries).toHaveLength(all.length);

    // A row written at a known time, just before midnight UTC, counts on its own day.
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_change`);
    try {
      const [row] = (await listAuditLog(admin, { action: "law.update" })).entries;
      await database.db.execute(sql`update audit_log set at = '2001-05-04T23:59:59.999Z' where id = ${row!.id}`);
    } finally {
      await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_change`);
    }
    expect(await actions({ from: "2001-05-04", to: "2001-05-04" })).toEqual(["law.update"]);
    expect(await actions({ from: "2001-05-05", to: "2001-05-05" })).toEqual([]);
    expect(await actions({ to: "2001-05-03" })).toEqual([]);
  });

  test("empty fields, as a GET form sends them, filter nothing", async () => {
    const all = (await listAuditLog(admin)).entries;
    const blank = { action: "", actor: "", targetType: "", targetId: "", from: "", to: "", after: "" };
    expect((await listAuditLog(admin, blank)).entries).toEqual(all);
  });
});

test("pages are disjoint, newest first, and together hold every matching row", async () => {
  const all = (await listAuditLog(admin, { limit: 100 })).entries;
  const pages = await allPages(admin, {}, 4);
  expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
  expect(pages.flat()).toEqual(all);
  expect(new Set(pages.flat().map((e) => e.id)).size).toBe(all.length);

  // With a filter, pages keep it.
  const laws = await allPages(admin, { action: "law." }, 2);
  expect(laws.map((p) => p.map((e) => e.action))).toEqual([["law.publish", "law.submit"], ["law.update"]]);

  // An exact multiple of the page size ends without an empty page.
  const exact = await allPages(admin, {}, 3);
  expect(exact.map((p) => p.length)).toEqual([3, 3, 3]);
});

test("the default page holds 50 rows", async () => {
  await database.db.transaction(async (tx) => {
    for (let n = 0; n < 50; n++) await audit(tx, { actor: null, action: "bulk.row", targetType: "test", targetId: n });
  });
  const first = await listAuditLog(admin, { action: "bulk." });
  expect(first.entries).toHaveLength(50);
  expect(first.nextAfter).toBeNull();
  const page = await listAuditLog(admin);
  expect(page.entries).toHaveLength(50);
  expect(page.nextAfter).not.toBeNull();
});

test("facets list the actions, their groups and the target types the log holds", async () => {
  const facets = await auditFacets(admin);
  expect(facets.actions).toEqual([
    "article.update",
    "auth.sign_in_failed",
    "bulk.row",
    "law.publish",
    "law.submit",
    "law.update",
    "lawful.thing",
    "user.create",
  ]);
  expect(facets.actionGroups).toEqual(["article.", "auth.", "bulk.", "law.", "lawful.", "user."]);
  expect(facets.targetTypes).toEqual(["article", "law", "test", "user"]);
});

describe("who may read the log", () => {
  test.each([
    ["an editor", () => editor],
    ["a contributor", () => contributor],
  ])("%s gets ForbiddenError", async (_, ctx) => {
    await expect(listAuditLog(ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(auditFacets(ctx())).rejects.toBeInstanceOf(ForbiddenError);
  });

  test("without a session, NotAuthenticatedError", async () => {
    await expect(listAuditLog(anonymous(database.db))).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(auditFacets(anonymous(database.db))).rejects.toBeInstanceOf(NotAuthenticatedError);
  });

  test("the guard comes before the input is read", async () => {
    await expect(listAuditLog(contributor, { from: "nonsense" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("bad input is a ValidationError naming the field", () => {
  const fieldsOf = async (input: Record<string, unknown>) => {
    const error = await listAuditLog(admin, input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    return Object.keys((error as ValidationError).fieldErrors);
  };

  test.each([
    [{ from: "2024-13-01" }, "from"],
    [{ from: "2024-02-30" }, "from"],
    [{ to: "yesterday" }, "to"],
    [{ from: "2024/01/01" }, "from"],
    [{ from: "2024-01-01T00:00" }, "from"],
    [{ from: "0000-01-01" }, "from"],
    [{ from: "2024-05-02", to: "2024-05-01" }, "to"],
    [{ after: "not-a-cursor" }, "after"],
    [{ after: encodeCursor("2024-01-01T00:00:00.000000Z", 5) }, "after"],
    [{ after: encodeCursor(9_999_999_999, 9_999_999_999) }, "after"],
    [{ after: encodeCursor(-1, -1) }, "after"],
    [{ after: "x".repeat(5000) }, "after"],
    [{ action: ["law.", "user."] }, "action"],
    [{ actor: "a".repeat(201) }, "actor"],
    [{ limit: 0 }, "limit"],
  ])("%j", async (input, field) => {
    expect(await fieldsOf(input)).toEqual([field]);
  });

  test("a large account number is read as text, not sent to an integer column", async () => {
    expect((await listAuditLog(admin, { actor: "99999999999" })).entries).toEqual([]);
  });
});
