import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { ForbiddenError, NotAuthenticatedError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { listSavedViews } from "@/modules/saved-views/read";
import { deleteView, saveView } from "@/modules/saved-views/save";
import { createTestDatabase } from "./db";
import { anonymous, makeUser } from "./factories";

let database: Database;
let mine: Ctx;
let theirs: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  mine = (await makeUser(database.db, "contributor")).ctx;
  theirs = (await makeUser(database.db, "admin")).ctx;
});
afterAll(() => database.close());

const fieldErrors = (promise: Promise<unknown>) =>
  promise.then(
    (): FieldErrors => ({}),
    (error: unknown) => {
      if (error instanceof ValidationError) return error.fieldErrors;
      throw error;
    },
  );

test("a view keeps the list's query without its page cursor, and only its owner sees it", async () => {
  const view = await saveView(mine, {
    list: "laws",
    name: " Kyrgyz bills ",
    query: "?status=bill&after=abc&q=&jurisdiction=KG",
  });
  expect(view).toMatchObject({ name: "Kyrgyz bills", query: "jurisdiction=KG&status=bill" });
  expect(await listSavedViews(mine, "laws")).toEqual([view]);
  expect(await listSavedViews(mine, "articles")).toEqual([]);
  expect(await listSavedViews(theirs, "laws")).toEqual([]);
});

test("an empty or duplicate name is a field error; another user may use the same name", async () => {
  expect(await fieldErrors(saveView(mine, { list: "laws", name: "  ", query: "" }))).toHaveProperty("name");
  await saveView(mine, { list: "laws", name: "Twice", query: "sort=title" });
  const duplicate = await fieldErrors(saveView(mine, { list: "laws", name: "Twice", query: "" }));
  expect(duplicate.name?.[0]).toMatch(/already have a view named “Twice”/);
  await expect(saveView(theirs, { list: "laws", name: "Twice", query: "" })).resolves.toMatchObject({ name: "Twice" });
  await expect(saveView(mine, { list: "articles", name: "Twice", query: "" })).resolves.toBeDefined();
  expect(await fieldErrors(saveView(mine, { list: "users", name: "Odd", query: "" }))).toHaveProperty("list");
});

test("another user cannot delete my view: it is not found for them, and stays", async () => {
  const view = await saveView(mine, { list: "laws", name: "Keep me", query: "sort=status" });
  await expect(deleteView(theirs, { id: view.id })).rejects.toBeInstanceOf(NotFoundError);
  expect((await listSavedViews(mine, "laws")).map((v) => v.id)).toContain(view.id);
  await expect(deleteView(mine, { id: view.id })).resolves.toMatchObject({ name: "Keep me" });
  expect((await listSavedViews(mine, "laws")).map((v) => v.id)).not.toContain(view.id);
  await expect(deleteView(mine, { id: view.id })).rejects.toBeInstanceOf(NotFoundError);
});

test("signed out, or with no account, there are no views to read or write", async () => {
  const guest = anonymous(database.db);
  await expect(listSavedViews(guest, "laws")).rejects.toBeInstanceOf(NotAuthenticatedError);
  await expect(saveView(guest, { list: "laws", name: "x", query: "" })).rejects.toBeInstanceOf(NotAuthenticatedError);
  await expect(deleteView(guest, { id: 1 })).rejects.toBeInstanceOf(NotAuthenticatedError);
  const cli: Ctx = { db: database.db, actor: commandLineActor };
  await expect(saveView(cli, { list: "laws", name: "x", query: "" })).rejects.toBeInstanceOf(ForbiddenError);
});
