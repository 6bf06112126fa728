/**
 * The authorization matrix (e2e/authorization/matrix.ts), checked over HTTP: every server action
 * is called as the browser calls it, and every route handler fetched, as each column of the matrix.
 * A refused call must answer its refusal, never a server error, and write nothing (the audit log,
 * which every change writes to, stays where it was); an allowed call must really do its work.
 */
import type { APIRequestContext } from "@playwright/test";
import { actionIds, callAction, Form, type ActionAnswer } from "./authorization/caller";
import { calls, routeCalls } from "./authorization/calls";
import { Maker, type Call } from "./authorization/maker";
import { columns, matrix, type Cell, type Column, type Row } from "./authorization/matrix";
import { expect, seededAdmin, test } from "./fixtures";

const ids = actionIds();
const sessionCookie = "__Secure-marginalia.session";
let maker: Maker;
/** No cookie at all: what a visitor's browser sends. */
let visitor: APIRequestContext;
const as = {} as Record<Column, APIRequestContext>;
const opened: APIRequestContext[] = [];

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const open = async (options: Parameters<typeof playwright.request.newContext>[0] = {}) => {
    const context = await playwright.request.newContext({ baseURL, ...options });
    opened.push(context);
    return context;
  };
  const signedIn = async (email: string, password: string) => {
    const context = await open();
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, callbackUrl: "/admin" },
      maxRedirects: 0,
    });
    expect(response.headers()["location"], `signing in ${email}`).toMatch(/\/admin$/);
    return context;
  };
  /** Signs an admin account in, signs it out with `signOut`, and keeps a copy of its cookie from before. */
  const keptCopy = async (signOut: (context: APIRequestContext) => Promise<void>) => {
    const account = await maker.account("admin");
    const context = await signedIn(account.email, account.password);
    const copy = await context.storageState();
    await signOut(context);
    return open({ storageState: copy });
  };

  maker = new Maker(await signedIn(seededAdmin.email, seededAdmin.password), ids);
  visitor = await open();
  // An anonymous caller past the proxy, which lets any request with a session cookie through.
  as.anonymous = await open({ extraHTTPHeaders: { cookie: `${sessionCookie}=forged` } });
  await Promise.all(
    (["contributor", "editor", "admin"] as const).map(async (role) => {
      const account = await maker.account(role);
      as[role] = await signedIn(account.email, account.password);
    }),
  );

  const deactivated = await maker.account("admin");
  as.deactivated = await signedIn(deactivated.email, deactivated.password);
  await maker.data("app/admin/users/actions.ts#setActiveAction", "/admin/users", [
    null,
    new Form({ userId: await maker.userId(deactivated.email), active: "false" }),
  ]);

  as.signedOut = await keptCopy(async (context) => {
    const answer = await callAction(context, ids.get("app/admin/sign-out.ts#signOutAction")!, "/admin", []);
    expect(answer.redirect, "the app's sign-out").toMatch(/\/login$/);
  });
  as.signedOutViaAuthEndpoint = await keptCopy(async (context) => {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await context.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
    expect(response.status(), "next-auth's sign-out").toBe(302);
  });
});

test.afterAll(async () => {
  await Promise.all(opened.map((context) => context.dispose()));
});

const rows = Object.entries(matrix).filter(([, row]) =>
  columns.some((column) => typeof row.cells[column] === "string"),
);
const routeRows = rows.filter(([key]) => key in routeCalls);
// Signing out ends the callers' sessions: last.
const actionRows = rows
  .filter(([key]) => key in calls)
  .sort(([a], [b]) => Number(a.endsWith("#signOutAction")) - Number(b.endsWith("#signOutAction")));

// One test per kind of door, a step per door: a refused cell that fails must not cost the other
// doors a fresh worker (and fresh sessions) each.
test("every route handler answers each column as the matrix says", async () => {
  for (const [key, row] of routeRows) await test.step(key, () => softly(key, () => checkRoute(key, row)));
});

test("every server action answers each column as the matrix says", async () => {
  // About a minute on a quiet machine; the margin is for a busy shared one.
  test.setTimeout(600_000);
  for (const [key, row] of actionRows) await test.step(key, () => softly(key, () => checkAction(key, row)));
});

/** A door whose records could not be made fails, and the next door is still checked. */
async function softly(key: string, check: () => Promise<void>) {
  try {
    await check();
  } catch (error) {
    expect.soft(String(error), `${key} could not be checked`).toBe("");
  }
}

async function checkAction(key: string, row: Row) {
  const id = ids.get(key);
  expect(id, `${key} in the build's server-reference-manifest.json`).toBeTruthy();
  const make = calls[key]!;
  const shared = await make(maker);
  const refused = columns.filter((column) => row.cells[column] !== "allowed" && typeof row.cells[column] === "string");
  const allowed = columns.filter((column) => row.cells[column] === "allowed");

  const before = await auditHead();
  // Without any cookie the proxy already sends the browser to sign in; the others get past it.
  const bare = shared.page.startsWith("/admin") ? await callAction(visitor, id!, shared.page, shared.args) : null;
  if (bare) expect.soft(bare.redirect, `${key} without a cookie`).toMatch(/^\/login\?next=/);
  const answers = await Promise.all(refused.map((column) => callAction(as[column], id!, shared.page, shared.args)));
  refused.forEach((column, index) => checkRefusal(answers[index]!, row.cells[column] as Cell, `${key} as ${column}`));
  const untouched = (await auditHead()) === before;
  expect.soft(untouched, `${key}: the refused calls changed nothing`).toBe(true);

  // The first allowed call acts on what the refused ones were aimed at: it is still there, unchanged.
  // An action that returns nothing shows its work only in the audit log: one call at a time.
  const returnsNothing = Object.values(row.cells).includes("silent");
  const allowedCall = async (column: Column, index: number) => {
    const call = index === 0 && untouched ? shared : await make(maker);
    const head = returnsNothing ? await auditHead() : 0;
    const answer = await callAction(as[column], id!, call.page, call.args);
    await checkAllowed(answer, call, row, head, `${key} as ${column}`);
  };
  if (returnsNothing) for (const [index, column] of allowed.entries()) await allowedCall(column, index);
  else await Promise.all(allowed.map(allowedCall));
}

function checkRefusal(answer: ActionAnswer, cell: Cell, label: string) {
  expect.soft(answer.status, `${label}: never a server error`).toBeLessThan(500);
  expect.soft(answer.threw, `${label}: refused without throwing`).toBe(false);
  const result = answer.result as { ok?: boolean; code?: string } | undefined;
  if (cell === "unauthenticated" || cell === "forbidden")
    expect.soft(result, `${label}: ${JSON.stringify(result)}`).toMatchObject({ ok: false, code: cell });
  else if (cell === "no-results") {
    const nothing = Array.isArray(result) ? result.length === 0 : result?.ok === false;
    expect.soft(nothing, `${label}: no options, got ${JSON.stringify(result)}`).toBe(true);
  } else if (cell === "silent") expect.soft(result, label).toBeUndefined();
  else if (cell === "login") expect.soft(answer.redirect, label).toMatch(/\/login(\?|$)/);
  else throw new Error(`${label}: ${JSON.stringify(cell)} is not a refusal of an action`);
}

async function checkAllowed(answer: ActionAnswer, call: Call, row: Row, head: number, label: string) {
  expect.soft(answer.status, `${label}: never a server error`).toBeLessThan(500);
  const result = answer.result as { ok?: boolean; code?: string } | unknown[] | undefined;
  if (call.redirectsTo) expect.soft(answer.redirect, label).toMatch(new RegExp(`${call.redirectsTo}$`));
  else if (row.passesGuardWith) expect.soft(result, label).toMatchObject({ ok: false, code: row.passesGuardWith });
  else if (Array.isArray(result)) expect.soft(result.length, `${label}: finds the demo records`).toBeGreaterThan(0);
  else if (result) expect.soft(result, `${label}: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
  // An action that returns nothing shows its work in the audit log.
  else expect.soft(await auditHead(), `${label}: did its work`).toBeGreaterThan(head);
}

async function checkRoute(key: string, row: Row) {
  const call = await routeCalls[key]!(maker);
  const fetch = (context: APIRequestContext) =>
    typeof call === "string"
      ? context.get(call, { maxRedirects: 0 })
      : "raw" in call
        ? context.post(call.url, { data: call.raw.data, headers: call.raw.headers, maxRedirects: 0 })
        : context.post(call.url, { multipart: call.multipart, maxRedirects: 0 });
  const reference = await fetch(visitor);
  const referenceBody = await reference.text();
  for (const column of columns) {
    const cell = row.cells[column];
    if (typeof cell !== "string") continue;
    const label = `${key} as ${column}`;
    const response = column === "anonymous" ? reference : await fetch(as[column]);
    const location = response.headers()["location"] ?? "";
    expect.soft(response.status(), `${label}: never a server error`).toBeLessThan(500);
    if (cell === "public") {
      expect.soft(response.status(), label).toBe(reference.status());
      expect.soft(location, label).toBe(reference.headers()["location"] ?? "");
      expect.soft(await response.text(), `${label}: the same answer as a visitor's`).toBe(referenceBody);
    } else if (cell === "login") expect.soft(location, label).toMatch(/\/login\?next=/);
    else if (cell === "no-session") expect.soft(await sessionUser(response), label).toBeFalsy();
    else if (cell === "unauthenticated" || cell === "forbidden") {
      // A route that is posted to answers its refusal as a status, with a JSON error.
      expect.soft(response.status(), label).toBe(cell === "forbidden" ? 403 : 401);
      expect.soft(await response.json(), label).toHaveProperty("error");
    } else if (key === "GET /api/auth/[...nextauth]") expect.soft(await sessionUser(response), label).toBeTruthy();
    else if (typeof call !== "string" && "raw" in call) {
      // Allowed: the file, stored.
      expect.soft(response.status(), label).toBe(200);
      expect.soft(await response.json(), label).toHaveProperty("file.sha256");
    } else if (typeof call !== "string") {
      // Allowed: the answer streams JSON lines and ends with the report.
      expect.soft(response.status(), label).toBe(200);
      const last = (await response.text()).trim().split("\n").pop() ?? "{}";
      expect.soft(JSON.parse(last), label).toHaveProperty("report");
    } else {
      // The preview: draft mode on, and off to the item's address.
      expect.soft(response.status(), label).toBe(307);
      expect.soft(location, label).not.toMatch(/\/login/);
    }
  }
}

async function sessionUser(response: { json: () => Promise<unknown> }): Promise<unknown> {
  const body = (await response.json()) as { user?: unknown } | null;
  return body?.user;
}

/** The newest audit entry's number: every change writes one, so a refused call must leave it. */
async function auditHead(): Promise<number> {
  const html = await maker.html("/admin/audit");
  return Number(/data-testid="audit-row-(\d+)"/.exec(html)?.[1] ?? 0);
}
