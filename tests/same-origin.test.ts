import { describe, expect, test } from "vitest";
import { isSameOrigin } from "@/lib/same-origin";

const check = (headers: Record<string, string>) => isSameOrigin(new Headers(headers));

describe("isSameOrigin", () => {
  test("a page of this site posting is let through", () => {
    expect(check({ host: "archive.example", origin: "https://archive.example", "sec-fetch-site": "same-origin" })).toBe(
      true,
    );
    expect(check({ host: "localhost:3000", origin: "http://localhost:3000" })).toBe(true);
    // Behind a proxy that forwards the host it was asked for.
    expect(check({ host: "app:3000", "x-forwarded-host": "archive.example", origin: "https://archive.example" })).toBe(
      true,
    );
  });

  test("another site is refused, by either header", () => {
    expect(check({ host: "archive.example", origin: "https://evil.example" })).toBe(false);
    expect(check({ host: "archive.example", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(
      check({ host: "archive.example", "sec-fetch-site": "same-site", origin: "https://sub.archive.example" }),
    ).toBe(false);
    expect(check({ host: "archive.example", origin: "null" })).toBe(false);
  });

  test("a request that names no origin comes from no browser: let through", () => {
    expect(check({ host: "archive.example" })).toBe(true);
  });
});
