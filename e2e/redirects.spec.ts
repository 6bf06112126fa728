/**
 * Every redirect target taken from a request stays on this site (lib/safe-path.ts), whatever a
 * browser would make of the value: backslashes, tabs, dot segments, other origins.
 */
import { expect, test } from "./fixtures";

const hostile = [
  "/%5Cevil.example",
  "/%09/evil.example",
  "/%0A/evil.example",
  "%2F%2Fevil.example",
  "//evil.example",
  "/..//evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
];

test("leaving preview never sends anyone to another site", async ({ request, baseURL }) => {
  for (const to of hostile) {
    const response = await request.get(`/api/preview/exit?to=${to}`, { maxRedirects: 0 });
    expect(response.status(), to).toBe(307);
    const location = response.headers()["location"] ?? "";
    expect(location, to).not.toMatch(/[\\\s]/);
    expect(new URL(location, baseURL).origin, to).toBe(new URL(baseURL!).origin);
  }
  const home = await request.get("/api/preview/exit?to=/laws", { maxRedirects: 0 });
  expect(home.headers()["location"]).toBe("/laws");
});

test("in Chromium, leaving preview with a backslash or a tab in the target stays on the site", async ({
  page,
  baseURL,
}) => {
  for (const to of ["/%5Cevil.example", "/%09/evil.example"]) {
    await page.goto(`/api/preview/exit?to=${to}`);
    expect(new URL(page.url()).origin, to).toBe(new URL(baseURL!).origin);
  }
});

test("signing in with a hostile ?next= lands in the admin", async ({ page }) => {
  await page.goto("/login?next=/%5Cevil.example");
  await expect(page.locator('input[name="next"]')).toHaveValue("/admin");
});
