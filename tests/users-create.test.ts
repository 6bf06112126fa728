import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { verifyPassword } from "@/modules/auth/passwords";
import { signInWithPassword } from "@/modules/auth/sign-in";
import { createUser } from "@/modules/users/create";
import type { CreateUserInput } from "@/modules/users/schemas";
import { createTestDatabase } from "./db";
import { makeUser } from "./factories";

let database: Database;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await makeUser(database.db, "admin")).ctx;
});
afterAll(() => database.close());

const storedRow = async (email: string) => (await database.db.select().from(users).where(eq(users.email, email)))[0];

/** Runs createUser expecting a ValidationError, and returns its field errors. */
async function fieldErrorsOf(input: CreateUserInput): Promise<Record<string, string[]>> {
  const error = await createUser(admin, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

const valid = {
  email: "valid@example.org",
  name: "Valid Name",
  role: "editor",
  password: "long-enough-password",
} as const;

describe("createUser", () => {
  test("stores an argon2id hash of the password, never the password", async () => {
    const { user, password } = await createUser(admin, {
      email: "  Aigerim@Example.ORG ",
      name: " Aigerim ",
      role: "editor",
      password: "correct horse battery",
    });
    expect(password).toBe("correct horse battery");
    expect(user).toMatchObject({ email: "aigerim@example.org", name: "Aigerim", role: "editor", active: true });
    // What pages get never carries the hash.
    expect(Object.keys(user)).not.toContain("passwordHash");

    const row = await storedRow("aigerim@example.org");
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain("correct horse battery");
    expect(await verifyPassword(row!.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(row!.passwordHash, "correct horse batterY")).toBe(false);
  });

  test("rejects an email that exists in another case, with an error on the email field", async () => {
    await createUser(admin, { ...valid, email: "taken@example.org" });
    const errors = await fieldErrorsOf({ ...valid, email: "TAKEN@Example.org", name: "Someone else" });
    expect(errors).toEqual({ email: ["An account with this email already exists."] });
    expect(await database.db.select().from(users).where(eq(users.name, "Someone else"))).toEqual([]);
  });

  test("the database itself refuses an email differing only in case", async () => {
    // The unique index is on lower(email): a row written around createUser cannot slip through.
    await expect(
      database.db.insert(users).values({ email: "Taken@Example.org", name: "Raw", passwordHash: "x" }),
    ).rejects.toThrow();
  });

  test.each([
    ["a malformed email", { email: "not-an-email" }, "email", "Enter a valid email address."],
    ["an empty email", { email: "   " }, "email", "Enter an email address."],
    ["an empty name", { name: "   " }, "name", "Enter a display name."],
    ["an unknown role", { role: "owner" }, "role", "Choose a role."],
    ["a short password", { password: "elevenchars" }, "password", "Use at least 12 characters."],
  ])("rejects %s with a field error", async (_case, change, field, message) => {
    const errors = await fieldErrorsOf({ ...valid, ...change } as CreateUserInput);
    expect(errors[field]).toContain(message);
    expect(await storedRow(valid.email)).toBeUndefined();
  });

  test("reports every invalid field at once", async () => {
    const errors = await fieldErrorsOf({ email: "x", name: "", role: "root", password: "short" } as never);
    expect(Object.keys(errors).sort()).toEqual(["email", "name", "password", "role"]);
  });

  test("without a password generates one, returns it once, and it signs in", async () => {
    const { user, password } = await createUser(admin, {
      email: "generated@example.org",
      name: "Generated",
      role: "contributor",
    });
    expect(password).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(JSON.stringify(user)).not.toContain(password);
    expect((await storedRow("generated@example.org"))?.passwordHash).not.toContain(password);

    const signedIn = await signInWithPassword(database.db, { email: user.email, password, ip: "192.0.2.1" });
    expect(signedIn.id).toBe(user.id);
  });

  test("the command line may create the first admin without a signed-in user", async () => {
    const { user } = await createUser(
      { db: database.db, actor: commandLineActor },
      { ...valid, email: "cli@example.org", role: "admin" },
    );
    expect(user.role).toBe("admin");
  });
});
