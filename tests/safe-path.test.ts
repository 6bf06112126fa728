import { describe, expect, test } from "vitest";
import { safeLocalPath } from "@/lib/safe-path";

const site = "https://archive.example";
/** Where a browser on our site goes when it follows this Location. */
const followed = (location: string) => new URL(location, site);

describe("safeLocalPath", () => {
  test.each([
    "/",
    "/admin/users?x=1",
    "/laws/kg/rehabilitation#history",
    "/search?q=a%2Fb&page=2",
    "/articles/%D0%B7%D0%B0%D0%BA%D0%BE%D0%BD",
  ])("keeps the path %s as it is", (path) => {
    expect(safeLocalPath(path, "/fallback")).toBe(path);
  });

  test("percent-encodes what a Location header cannot carry raw", () => {
    expect(safeLocalPath("/articles/закон?q=a b", "/")).toBe("/articles/%D0%B7%D0%B0%D0%BA%D0%BE%D0%BD?q=a%20b");
  });

  test.each([
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/admin"],
    ["a slash and a backslash", "/\\evil.example"],
    ["a backslash and a slash", "\\/evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a backslash after a path", "/laws\\..\\\\evil.example"],
    ["a tab between the slashes", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a carriage return between the slashes", "/\r/evil.example"],
    ["a NUL", "/\0/evil.example"],
    ["a DEL", "/\x7f/evil.example"],
    ["a leading space", " //evil.example"],
    ["a leading tab", "\t/admin"],
    ["an absolute URL", "https://evil.example/admin"],
    ["an absolute URL without slashes", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: after a slash lookalike", "\u2215javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "admin"],
    ["a dot path", "./admin"],
    ["a fullwidth solidus", "\uff0f\uff0fevil.example"],
    ["dot segments that leave two slashes", "/..//evil.example"],
    ["a dot segment that leaves two slashes", "/.//evil.example"],
    ["encoded dot segments that leave two slashes", "/%2e%2e//evil.example"],
    ["a fraction slash", "\u2044\u2044evil.example"],
    ["an empty string", ""],
    ["no value", null],
    ["a number", 42],
    ["a form file", new Blob(["/admin"])],
  ])("refuses %s", (_case, value) => {
    expect(safeLocalPath(value, "/fallback")).toBe("/fallback");
  });

  test.each([
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded slash", "/%2Fevil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["dot segments climbing out", "/../../evil.example"],
    ["a lookalike slash after a slash", "/\u2215evil.example"],
    ["a fullwidth solidus after a slash", "/\uff0fevil.example"],
    ["an at sign", "/@evil.example"],
    ["a colon", "/:evil.example"],
  ])("keeps %s on the site", (_case, value) => {
    const location = safeLocalPath(value, "/fallback");
    expect(location.startsWith("/")).toBe(true);
    expect(location.startsWith("//")).toBe(false);
    expect(location).not.toMatch(/[\\\s]/);
    expect(followed(location).origin).toBe(site);
  });
});
