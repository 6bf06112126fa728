/**
 * The import page (/admin/import): an admin checks a file with an error and reads it, checks the
 * corrected file, imports it as drafts, and a second import of the same file changes nothing. An
 * editor imports without the choice to publish; a contributor and a visitor are kept out.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createAccount, expect, signInOverHttp, test } from "./fixtures";

const example = fs.readFileSync(path.resolve(import.meta.dirname, "../docs/import-examples/example.json"), "utf8");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-import-e2e-"));
test.afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** The example file with ids, slugs and titles of its own, so runs and other specs do not meet. */
function variant(tag: string) {
  const json = example
    .replaceAll("example-", `${tag}-`)
    // Sources are also found by their URL.
    .replaceAll("https://example.org/", `https://example.org/${tag}/`)
    .replaceAll("Example ", `Example ${tag} `)
    .replaceAll("Примерный ", `Примерный ${tag} `);
  return { json, lawTag: tag, agent: `${tag}-assembly` };
}

function writeFile(name: string, json: string): string {
  const dir = fs.mkdtempSync(path.join(folder, "f-"));
  fs.writeFileSync(path.join(dir, name), json);
  return path.join(dir, name);
}

const tag = () => `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test("an admin reads the errors of a file, imports the corrected one as drafts, and importing it again changes nothing", async ({
  adminPage: page,
}) => {
  test.setTimeout(120_000);
  const { json, lawTag, agent } = variant(tag());
  const bad = writeFile("import-bad.json", json.replace(`"agent": "${agent}"`, `"agent": "nobody-${agent}"`));
  const good = writeFile("import-good.json", json);

  await page.goto("/admin");
  await page.getByTestId("current-user").click();
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Which files" })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByLabel("Choose files").setInputFiles(bad);
  await expect(page.getByRole("region", { name: /^1 file chosen/ })).toContainText("import-bad.json");
  await page.getByRole("button", { name: "Check files" }).click();
  await expect(page.getByRole("heading", { name: "The files have errors" })).toBeFocused();
  const error = page.getByTestId("import-error");
  await expect(error).toHaveCount(1);
  await expect(error.getByRole("cell")).toHaveText(
    ["import-bad.json", "1", /agent/, `No agent with externalId "nobody-${agent}" in this file or the archive.`],
    { useInnerText: true },
  );
  await expect(page.getByRole("button", { name: /^Import \d+ records$/ })).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: path.join(os.tmpdir(), "import-errors-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(os.tmpdir(), "import-errors-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Remove import-bad.json" }).click();
  await expect(page.getByRole("region", { name: /file chosen/ })).toHaveCount(0);
  await page.getByLabel("Choose files").setInputFiles(good);
  await page.getByRole("button", { name: "Check files" }).click();
  await expect(page.getByRole("heading", { name: "Check passed: ready to import" })).toBeVisible();
  await expect(page.getByTestId("import-count-laws").getByRole("cell")).toHaveText(["1", "0", "0"]);
  await expect(page.getByTestId("import-count-agents").getByRole("cell")).toHaveText(["1", "0", "0"]);
  await expect(page.getByLabel("Publish everything imported at once")).not.toBeChecked();
  await page.screenshot({ path: path.join(os.tmpdir(), "import-checked-1280.png"), fullPage: true });

  await page.getByRole("button", { name: "Import 6 records" }).click();
  await expect(page.getByRole("heading", { name: "Imported 6 records" })).toBeVisible();
  await expect(page.getByTestId("import-done")).toContainText("New and changed items are drafts");
  await page.screenshot({ path: path.join(os.tmpdir(), "import-done-1280.png"), fullPage: true });
  await page.getByTestId("import-count-laws").getByRole("link", { name: "Laws" }).click();
  await expect(page).toHaveURL(/\/admin\/laws$/);
  // Found by the tag its titles carry (the file's other title, in Russian, has it too).
  await page.goto(`/admin/laws?q=${encodeURIComponent(lawTag)}`);
  const row = page.getByRole("row").filter({ hasText: lawTag });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Draft");

  await page.goto("/admin/import");
  await page.getByLabel("Choose files").setInputFiles(good);
  await page.getByRole("button", { name: "Check files" }).click();
  await expect(page.getByTestId("import-nothing")).toBeVisible();
  for (const kind of ["topics", "sources", "agents", "laws", "articles", "figures"])
    await expect(page.getByTestId(`import-count-${kind}`).getByRole("cell")).toHaveText(["0", "0", "1"]);
  await expect(page.getByRole("button", { name: /^Import \d+ records$/ })).toHaveCount(0);
});

test("the file input and buttons are reached by keyboard, and a failed check keeps the files", async ({
  adminPage: page,
}) => {
  const { json } = variant(tag());
  await page.goto("/admin/import");
  await page.getByRole("heading", { name: "Import", level: 1 }).waitFor();
  const input = page.getByLabel("Choose files");
  for (let i = 0; i < 60 && !(await input.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(input).toBeFocused();

  await input.setInputFiles(writeFile("keyboard.json", json));
  // The server fails once: the page says so in general terms, and nothing chosen is lost.
  await page.route("**/admin/import/run", (route) => route.fulfill({ status: 500, body: "Internal Server Error" }), {
    times: 1,
  });
  await input.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Remove keyboard.json" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Check files" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("import-failed")).toContainText("Something went wrong on our side");
  await expect(page.getByRole("region", { name: /^1 file chosen/ })).toContainText("keyboard.json");

  await page.getByRole("button", { name: "Check files" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check passed: ready to import" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Publish everything imported at once")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /^Import \d+ records$/ })).toBeFocused();
  await expectNoSeriousViolations(page);
});

test("files dropped on the drop zone are listed; other kinds are turned away by name", async ({ adminPage: page }) => {
  await page.goto("/admin/import");
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["{}"], "dropped.json", { type: "application/json" }));
    transfer.items.add(new File(["slug,name\n"], "topics.csv", { type: "text/csv" }));
    transfer.items.add(new File(["notes"], "notes.txt", { type: "text/plain" }));
    return transfer;
  });
  await page.getByRole("group", { name: "Drop .json and .csv files here" }).dispatchEvent("drop", { dataTransfer });
  const chosen = page.getByRole("region", { name: /^2 files chosen/ });
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  await expect(chosen).toContainText("dropped.json");
  await expect(chosen).toContainText("topics.csv");
  await expect(page.getByRole("alert").filter({ hasText: "Not added" })).toContainText("Not added: notes.txt.");
});

test("an editor imports without the choice to publish", async ({ adminPage, openPage }) => {
  const editor = await createAccount(adminPage, "import-editor", "editor");
  const page = await openPage();
  await signInOverHttp(page, editor.email, editor.password);
  // Only admins add topics: the editor's file has none.
  const { json } = variant(tag());
  const file = JSON.parse(json) as Record<string, unknown> & { laws: object[]; articles: object[] };
  delete file.topics;
  for (const record of [...file.laws, ...file.articles]) delete (record as { topics?: unknown }).topics;
  await page.goto("/admin/import");
  await page.getByLabel("Choose files").setInputFiles(writeFile("editor.json", JSON.stringify(file)));
  await page.getByRole("button", { name: "Check files" }).click();
  await expect(page.getByRole("heading", { name: "Check passed: ready to import" })).toBeVisible();
  await expect(page.getByLabel("Publish everything imported at once")).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(os.tmpdir(), "import-editor-390.png"), fullPage: true });
  await page.getByRole("button", { name: "Import 5 records" }).click();
  await expect(page.getByRole("heading", { name: "Imported 5 records" })).toBeVisible();
});

test("a contributor, a visitor and another site are kept out", async ({ adminPage, openPage, page }) => {
  const contributor = await createAccount(adminPage, "import-contributor", "contributor");
  const theirs = await openPage();
  await signInOverHttp(theirs, contributor.email, contributor.password);
  await theirs.goto("/admin/import");
  await expect(theirs.getByTestId("forbidden")).toBeVisible();
  await expect(theirs.getByRole("heading", { name: "Import", level: 1 })).toHaveCount(0);
  await theirs.goto("/admin");
  await theirs.getByTestId("current-user").click();
  await expect(
    theirs.getByRole("link", { name: "Sign out" }).or(theirs.getByText("Signed in as contributor")),
  ).toBeVisible();
  await expect(theirs.getByRole("link", { name: "Import", exact: true })).toHaveCount(0);

  await page.goto("/admin/import");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fimport$/);

  const form = {
    files: { name: "x.json", mimeType: "application/json", buffer: Buffer.from(variant(tag()).json) },
    dryRun: "true",
    publish: "false",
  };
  const crossSite = await adminPage.request.post("/admin/import/run", {
    headers: { origin: "https://elsewhere.example" },
    multipart: form,
  });
  expect(crossSite.status()).toBe(403);
  const publishing = await theirs.request.post("/admin/import/run", { multipart: { ...form, dryRun: "false" } });
  expect(publishing.status()).toBe(403);
});

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
