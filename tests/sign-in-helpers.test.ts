import { describe, expect, test } from "vitest";
import { safeNextPath } from "@/app/login/next-path";
import { describeConnectionError } from "@/db/errors";
import { clientAddress } from "@/modules/auth/client-ip";
import { generatePassword, hashPassword, passwordSchema, verifyPassword } from "@/modules/auth/passwords";
import { throttledMessage } from "@/modules/auth/sign-in";

describe("safeNextPath", () => {
  test.each(["/admin", "/admin/users?x=1", "/", "/laws/kg-1#history", "/search?q=a%2Fb"])("keeps %s", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  test.each([
    ["a protocol-relative URL", "//evil.example"],
    ["an absolute URL", "https://evil.example/admin"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a leading backslash", "\\\\evil.example"],
    ["a relative path", "admin"],
    ["an empty string", ""],
    ["no value", null],
    ["a form file", new Blob(["/admin"])],
  ])("sends %s to /admin", (_case, value) => {
    expect(safeNextPath(value)).toBe("/admin");
  });
});

describe("clientAddress", () => {
  const socket = "192.0.2.10";
  const address = (forwardedFor: string | null, trustedHops: number) =>
    clientAddress({ forwardedFor, socket, trustedHops });

  test("with no trusted proxy, the socket's address counts and X-Forwarded-For is the client's own claim", () => {
    expect(address(null, 0)).toBe(socket);
    expect(address("203.0.113.9", 0)).toBe(socket);
    expect(address("1.2.3.4, 198.51.100.7", 0)).toBe(socket);
  });

  test("behind N trusted proxies, the Nth X-Forwarded-For entry from the end counts", () => {
    expect(address("203.0.113.9", 1)).toBe("203.0.113.9");
    // A client can put anything first; only what our own proxies appended is taken.
    expect(address("1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(address("1.2.3.4,  2001:db8::1  ", 1)).toBe("2001:db8::1");
    expect(address("1.2.3.4, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  test("a request that did not pass every trusted proxy counts by its socket", () => {
    expect(address("198.51.100.7", 2)).toBe(socket);
    expect(address(" , ", 1)).toBe(socket);
  });

  test("an IPv4 client seen over IPv6 counts as its IPv4 address; an unknown one under a fixed name", () => {
    expect(clientAddress({ forwardedFor: null, socket: "::ffff:127.0.0.1", trustedHops: 0 })).toBe("127.0.0.1");
    expect(clientAddress({ forwardedFor: null, socket: null, trustedHops: 0 })).toBe("unknown");
    expect(clientAddress({ forwardedFor: "x".repeat(300), socket, trustedHops: 1 })).toHaveLength(64);
  });
});

describe("throttledMessage", () => {
  test.each([
    [30, "30 seconds"],
    [59, "59 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [14 * 60 + 1, "15 minutes"],
    [15 * 60, "15 minutes"],
  ])("%i seconds reads as %s", (seconds, wait) => {
    expect(throttledMessage(seconds)).toBe(`Too many failed sign-ins. Please wait ${wait} before trying again.`);
  });
});

describe("generatePassword", () => {
  test("makes four groups of five characters that cannot be misread", () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect(password).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
      expect(password).not.toMatch(/[01oOlI]/);
      expect(passwordSchema.safeParse(password).success).toBe(true);
    }
  });

  test("does not repeat itself", () => {
    const passwords = new Set(Array.from({ length: 2000 }, generatePassword));
    expect(passwords.size).toBe(2000);
  });
});

describe("password hashes", () => {
  test("verify only the password they were made from, and a garbled hash verifies nothing", async () => {
    const hash = await hashPassword("a password of some length");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "a password of some length")).toBe(true);
    expect(await verifyPassword(hash, "a password of some lengtH")).toBe(false);
    expect(await verifyPassword("not a hash", "a password of some length")).toBe(false);
  });
});

describe("describeConnectionError", () => {
  const describeCode = (code: string) =>
    describeConnectionError(Object.assign(new Error("raw driver text"), { code }), "db.internal", "6543", "marginalia");

  test.each([
    ["ECONNREFUSED", /^Cannot reach PostgreSQL at db\.internal:6543: connection refused\./],
    ["ENOTFOUND", /^Cannot reach PostgreSQL at db\.internal:6543: the host name does not resolve\./],
    ["EAI_AGAIN", /the host name does not resolve/],
    ["ETIMEDOUT", /^Cannot reach PostgreSQL at db\.internal:6543: the connection timed out\.$/],
    ["28P01", /^PostgreSQL at db\.internal:6543 refused the user or password given in DATABASE_URL\.$/],
    ["28000", /refused the user or password/],
    ["3D000", /^PostgreSQL at db\.internal:6543 has no database named "marginalia"\./],
  ])("%s becomes a sentence naming host and port", (code, expected) => {
    const line = describeCode(code);
    expect(line).toMatch(expected);
    expect(line).not.toContain("\n");
    expect(line).not.toContain("raw driver text");
  });

  test("a timeout without a code is recognised by its message", () => {
    expect(describeConnectionError(new Error("Connection terminated due to connection timeout"), "h", "1", "d")).toBe(
      "Cannot reach PostgreSQL at h:1: the connection timed out.",
    );
  });

  test("anything else keeps the driver's message after host and port", () => {
    expect(describeConnectionError(new Error("SSL is required"), "h", "5432", "d")).toBe(
      "Cannot connect to PostgreSQL at h:5432: SSL is required",
    );
    expect(describeConnectionError("odd", "h", "5432", "d")).toBe("Cannot connect to PostgreSQL at h:5432: odd");
  });
});
