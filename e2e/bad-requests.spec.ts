/**
 * What no page can answer gets a clear 4xx and leaves no error in the server's log: addresses with
 * broken percent-encoding, and server-action requests that are too large or malformed, whether
 * the proxy sees them (pages) or not (the public route handlers).
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { watchServerLog } from "./server-log";

// A string that must never reach the log: what the request carried.
const canary = "CANARY-7f3a9c";

test("addresses with malformed percent-encoding answer the site's 404 page", async ({ request }) => {
  const log = watchServerLog();
  for (const path of [
    "/laws/kg/%C3%28",
    "/articles/%E0%80%80",
    "/agents/%FF%FE",
    "/topics/%C3",
    "/jurisdictions/%E0%A4%A",
    "/laws/%FF/slug",
    "/search/%FF",
    "/%C0%AF",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain("Page not found");
  }
  expect(log.read()).not.toMatch(/⨯|error/i);
});

/** The sign-in action's id, as the sign-in page gives it to every anonymous visitor. */
async function signInActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/login")).text();
  const id = /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

test("server-action requests that cannot be read get a 4xx, and nothing of them is logged", async ({
  request,
  baseURL,
}) => {
  const action = await signInActionId(request);
  const headers = (type: string, actionHeader = true) => ({
    origin: baseURL!,
    "content-type": type,
    ...(actionHeader ? { "next-action": action } : {}),
  });
  const log = watchServerLog();
  const cases: { name: string; status: number; headers: Record<string, string>; data: string | Buffer }[] = [
    {
      name: "over the body limit",
      status: 413,
      headers: headers("text/plain;charset=UTF-8"),
      data: JSON.stringify([canary.repeat(1 + (9 * 1024 * 1024) / canary.length)]),
    },
    { name: "not JSON", status: 400, headers: headers("text/plain;charset=UTF-8"), data: `${canary}{` },
    {
      name: "a type browsers never send",
      status: 415,
      headers: headers("application/json"),
      data: `{"a":"${canary}"}`,
    },
    {
      name: "nested 100,000 deep",
      status: 400,
      headers: headers("text/plain;charset=UTF-8"),
      data: `${"[".repeat(100_000)}"${canary}"${"]".repeat(100_000)}`,
    },
    {
      name: "a broken form",
      status: 400,
      headers: headers("multipart/form-data; boundary=XYZ"),
      data: `--XYZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n${canary}`,
    },
    {
      name: "a form whose arguments are nested 100,000 deep",
      status: 400,
      headers: headers("multipart/form-data; boundary=XYZ"),
      data: `--XYZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n${"[".repeat(100_000)}${"]".repeat(100_000)}\r\n--XYZ--\r\n`,
    },
    {
      name: "a broken form without the action header (a form posted without JavaScript)",
      status: 400,
      headers: headers("multipart/form-data; boundary=XYZ", false),
      data: `garbage ${canary}`,
    },
  ];
  for (const { name, status, headers, data } of cases) {
    const response = await request.post("/login", { headers, data, maxRedirects: 0 });
    expect(response.status(), name).toBe(status);
    expect(await response.text(), name).not.toContain(canary);
  }
  const logged = log.read();
  expect(logged).not.toContain(canary);
  expect(logged).not.toMatch(/⨯|error/i);
});

test("the public routes, which the proxy does not see, answer action-shaped requests with 405 and log nothing", async ({
  request,
  baseURL,
}) => {
  const action = await signInActionId(request);
  const log = watchServerLog();
  const routes = [
    "/feed.xml",
    "/sitemap.xml?page=2",
    "/robots.txt",
    "/api/v1/annotations?target=/laws",
    "/api/v1/annotations/1",
    "/api/v1/laws?limit=1",
    "/api/v1/laws/kg/rehabilitation-of-victims-of-soviet-political-repression",
    "/api/v1/articles?limit=1",
    "/api/v1/articles/kyrgyzstan-president-signs-law-rehabilitating-victims-of-soviet-repression",
    "/api/v1/agents?limit=1",
    "/api/v1/agents/sadyr-japarov",
    "/api/v1/topics",
    "/api/v1/topics/rehabilitation",
    "/api/v1/jurisdictions",
    "/api/v1/jurisdictions/kg",
    "/api/v1/figures?limit=1",
    "/api/v1/figures/1",
    "/api/v1/sources?limit=1",
    "/api/v1/sources/1",
    "/api/v1/search?q=japarov",
    "/api/v1/openapi.json",
  ];
  const text = { origin: baseURL!, "content-type": "text/plain;charset=UTF-8", "next-action": action };
  const form = { origin: baseURL!, "content-type": "multipart/form-data; boundary=XYZ" };
  for (const path of routes) {
    // A route handler runs no action: Next answers the POST it has no handler for, unread.
    for (const [name, headers, data] of [
      ["not JSON", text, `${canary}{`],
      ["nested 100,000 deep", text, `${"[".repeat(100_000)}"${canary}"${"]".repeat(100_000)}`],
      ["a broken form with the action header", { ...form, "next-action": action }, `garbage ${canary}`],
      ["a broken form without it", form, `garbage ${canary}`],
    ] as const) {
      const response = await request.post(path, { headers, data, maxRedirects: 0 });
      expect(response.status(), `${name}: ${path}`).toBe(405);
      expect(await response.text(), `${name}: ${path}`).not.toContain(canary);
    }
    // The header alone is nothing to a route: a GET that carries it is answered as any other.
    const plain = await request.get(path, { maxRedirects: 0 });
    const flagged = await request.get(path, { headers: { "next-action": action }, maxRedirects: 0 });
    expect(flagged.status(), path).toBe(plain.status());
    expect(await flagged.text(), path).toBe(await plain.text());
  }
  const large = await request.post("/feed.xml", {
    headers: text,
    data: JSON.stringify([canary.repeat(1 + (9 * 1024 * 1024) / canary.length)]),
    maxRedirects: 0,
  });
  expect(large.status(), "over the body limit").toBe(405);
  // An annotation's id that is not digits still meets the proxy: a malformed escape is its 404.
  for (const path of ["/api/v1/annotations/%C3%28", "/api/v1/annotations/%E0%A4%A"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain("Page not found");
  }
  const logged = log.read();
  expect(logged).not.toContain(canary);
  expect(logged).not.toMatch(/⨯|error/i);
});

test("a real sign-in still goes through the same checks", async ({ page }) => {
  // The browser's own action requests (multipart, with the action header) must pass untouched.
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@e2e.example");
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is not correct.")).toBeVisible();
});
