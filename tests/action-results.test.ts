import { redirect } from "next/navigation";
import { afterEach, describe, expect, test, vi } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { z } from "zod";
import { ConflictError, ForbiddenError, NotAuthenticatedError, NotFoundError, ValidationError } from "@/lib/errors";
import { toActionResult } from "@/lib/action-result";
import { parseInput } from "@/lib/validation";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("parseInput", () => {
  const schema = z.object({
    title: z.string().trim().min(1, "Enter a title."),
    dates: z.object({ from: z.string().min(1, "Enter a start date.") }),
  });

  test("returns the parsed, transformed value", () => {
    expect(parseInput(schema, { title: "  Law  ", dates: { from: "2024" }, extra: 1 })).toEqual({
      title: "Law",
      dates: { from: "2024" },
    });
  });

  test("throws a ValidationError with the messages per field, nested fields by dotted path", () => {
    const error = (() => {
      try {
        parseInput(schema, { title: " ", dates: { from: "" } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      title: ["Enter a title."],
      "dates.from": ["Enter a start date."],
    });
  });

  test("an error about the whole input lands under _form", () => {
    const whole = z.string({ message: "Send text." });
    expect(() => parseInput(whole, 42)).toThrow(ValidationError);
    try {
      parseInput(whole, 42);
    } catch (e) {
      expect((e as ValidationError).fieldErrors).toEqual({ _form: ["Send text."] });
    }
  });
});

describe("toActionResult", () => {
  test("wraps the value of a successful call", async () => {
    expect(await toActionResult(async () => ({ id: 3 }), "Saved.")).toEqual({
      ok: true,
      data: { id: 3 },
      message: "Saved.",
    });
  });

  test("turns a ValidationError into a result with its field errors", async () => {
    const result = await toActionResult(async () => {
      throw new ValidationError({ email: ["Enter a valid email address."] });
    });
    expect(result).toEqual({
      ok: false,
      code: "validation",
      message: "Please correct the highlighted fields.",
      fieldErrors: { email: ["Enter a valid email address."] },
    });
  });

  test.each([
    [new ForbiddenError(), "forbidden", "You do not have permission to do this."],
    [new NotAuthenticatedError(), "unauthenticated", "Please sign in."],
    [new NotFoundError("No such user."), "not_found", "No such user."],
    [new ConflictError("This is the last active admin."), "conflict", "This is the last active admin."],
  ])("turns %s into its code and message", async (error, code, message) => {
    expect(
      await toActionResult(async () => {
        throw error;
      }),
    ).toEqual({ ok: false, code, message });
  });

  test("an unknown error is logged with its cause and reaches the user only as a generic message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const secret = new Error('duplicate key value violates unique constraint "users_pkey" at 10.0.0.5');
    const result = await toActionResult(async () => {
      throw secret;
    });
    expect(result).toEqual({
      ok: false,
      code: "internal",
      message: "Something went wrong on our side. Please try again.",
    });
    expect(JSON.stringify(result)).not.toContain("users_pkey");
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]!.join(" ")).toContain(secret.message);
  });

  test("a failed query is logged by its database error, without the query's parameters", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const cause = new Error("permission denied for table users");
    const failed = new DrizzleQueryError("update users set password_hash = $1", ["$argon2id$v=19$secret-hash"], cause);
    await toActionResult(async () => {
      throw failed;
    });
    expect(log.mock.calls[0]!.join(" ")).toContain(cause.message);
    expect(JSON.stringify(log.mock.calls[0])).not.toContain("secret-hash");
  });

  test("a database error is logged by its code and the names of what failed, never the values it quotes", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // As pg and PGlite give it: the message, detail and context can quote what was sent.
    const cause = Object.assign(new Error('invalid input value for enum role: "secret-role"'), {
      severity: "ERROR",
      code: "22P02",
      detail: "Key (email)=(secret@example.org) already exists.",
      where: "unnamed portal parameter $1 = '...secret-text...'",
      table: "users",
      column: "role",
      query: "insert into users values ($1)",
      params: ["secret-param"],
    });
    await toActionResult(async () => {
      throw new DrizzleQueryError("insert into users values ($1)", ["secret-param"], cause);
    });
    const logged = log.mock.calls[0]!.join(" ");
    expect(logged).toContain("22P02");
    expect(logged).toContain("users");
    expect(logged).not.toMatch(/secret/);
  });

  test("a thrown non-Error value is handled the same way", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await toActionResult(async () => {
      throw "a string";
    });
    expect(result).toMatchObject({ ok: false, code: "internal" });
  });

  test("Next's redirect travels on instead of becoming an error result", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(toActionResult(async () => redirect("/admin"))).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT/),
    });
    expect(log).not.toHaveBeenCalled();
  });
});
