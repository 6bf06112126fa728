/**
 * What a reader sees on the public pages (issue 14): the plain citation first and the other
 * formats a click away, a law's texts as language tabs with the versions apart, timeline sources
 * that link to what they cite, a home page that lists laws compactly, and margin notes beside the
 * text from 1280 px wide.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { publishAsAdmin } from "./workflow-steps";

const lawPath = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";
const lawTitle = "On Amendments to Certain Legislative Acts of the Kyrgyz Republic";
const phone = { width: 390, height: 844 };

/** Whether the page scrolls sideways: it must not, on a phone. */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test("Cite this shows the plain citation with its copy button, and BibTeX and CSL-JSON one click away", async ({
  page,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(lawPath);
  const cite = page.getByRole("region", { name: "Cite this" });
  await expect(cite.getByLabel("Plain text citation", { exact: true })).toContainText(lawTitle);
  await cite.getByRole("button", { name: "Copy the Plain text citation" }).click();
  await expect(cite.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(lawTitle);

  const bibtex = cite.getByRole("button", { name: "Copy the BibTeX citation" });
  const csl = cite.getByRole("button", { name: "Copy the CSL-JSON citation" });
  await expect(bibtex).toBeHidden();
  await expect(csl).toBeHidden();
  await cite.getByText(/^Other formats/).click();
  await expect(bibtex).toBeVisible();
  await expect(cite.getByLabel("CSL-JSON citation", { exact: true })).toContainText('"type": "legislation"');
  await csl.click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('"type": "legislation"');
});

test("a law's texts: its languages as tabs, its versions apart, by keyboard, on a phone too", async ({
  adminPage: admin,
  page,
}) => {
  test.slow();
  const title = `Law on archives in three texts ${Date.now()}`;
  await admin.goto("/admin/laws/new");
  await admin
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await admin.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kyrgyzstan (KG)" });
  await admin.getByRole("textbox", { name: "Summary" }).fill("A law with texts in two versions.");
  await admin.getByRole("button", { name: "Create law" }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slug = await admin.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  const texts = admin.getByRole("region", { name: "Text versions" });
  for (const [lang, date, official, body] of [
    ["en", "2021-05-10", true, "The first English text."],
    ["ru", "2021-05-10", false, "Первый русский текст."],
    ["en", "2023-01-01", true, "The amended English text."],
  ] as const) {
    // The form stays open after a text is added.
    const language = texts.getByRole("textbox", { name: "Language" });
    if (!(await language.isVisible())) await texts.getByText("Add a text version", { exact: true }).click();
    await language.fill(lang);
    await texts.getByRole("textbox", { name: "Effective date" }).fill(date);
    if (official) await texts.getByRole("checkbox", { name: /^Official text/ }).check();
    await texts.getByRole("textbox", { name: "Text", exact: true }).fill(body);
    await texts.getByRole("button", { name: "Add text version" }).click();
    await expect(texts.getByText("Text version added.")).toBeVisible();
    await expect(texts.getByTestId("text-version")).toContainText([body]);
  }
  await publishAsAdmin(admin);

  await page.goto(`/laws/kg/${slug}`);
  const nav = page.getByRole("navigation", { name: "Versions and languages of the text" });
  const languages = nav.getByRole("list", { name: "Languages" });
  const versions = nav.getByRole("list", { name: "Versions:" });
  // The latest official text, alone in its version; the earlier version is listed apart.
  await expect(page.getByText("The amended English text.")).toBeVisible();
  await expect(languages.getByRole("link")).toHaveText(["English"]);
  await expect(languages.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "page");
  await expect(versions.getByRole("link")).toHaveText(["In force from 1 January 2023", "In force from 10 May 2021"]);
  await expect(versions.getByRole("link", { name: "In force from 1 January 2023" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // By keyboard: the earlier version opens in the language being read, with its other language beside it.
  await versions.getByRole("link", { name: "In force from 10 May 2021" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?text=\d+#law-text$/);
  await expect(page.getByText("The first English text.")).toBeVisible();
  await expect(languages.getByRole("link")).toHaveText(["English", "Russian · unofficial"]);
  await expect(languages.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "page");
  await expect(versions.getByRole("link", { name: "In force from 10 May 2021" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const russian = languages.getByRole("link", { name: "Russian · unofficial" });
  await expect(russian).not.toHaveAttribute("aria-current");
  await russian.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Первый русский текст.")).toBeVisible();
  await expect(russian).toHaveAttribute("aria-current", "page");
  await expect(languages.getByRole("link", { name: "English" })).not.toHaveAttribute("aria-current");
  // The address stays the one a citation can name, and it is stored whole like every law page.
  const address = page.url();
  await page.goto(address);
  await expect(russian).toHaveAttribute("aria-current", "page");

  // The current tab stands out by more than colour: a bar under it and a heavier weight.
  const [current, other] = await Promise.all([
    russian.evaluate((e) => getComputedStyle(e).borderBottomColor),
    languages.getByRole("link", { name: "English" }).evaluate((e) => getComputedStyle(e).borderBottomColor),
  ]);
  expect(current).not.toBe(other);

  await page.setViewportSize(phone);
  await page.goto(address);
  await expect(nav).toBeVisible();
  expect(await overflows(page)).toBe(false);
  const box = (await nav.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
});

test("a timeline's sources link out to what they cite, where their address is known", async ({ page }) => {
  await page.goto(lawPath);
  const history = page.getByRole("region", { name: "History" });
  const signed = history.getByRole("link", { name: /Sadyr Japarov signs law on rehabilitation/ });
  await expect(signed).toHaveAttribute(
    "href",
    "https://24.kg/english/315873_Sadyr_Japarov_signs_law_on_rehabilitation_of_victims_of_political_repressions/",
  );
  await expect(signed).toHaveAttribute("rel", "noopener noreferrer");
  await expect(signed).toHaveAttribute("target", "_blank");
  // In a disputed date's accounts too.
  await expect(history.getByRole("link", { name: /Parliament passes bill on rehabilitation/ }).first()).toBeVisible();
  // A source with no recorded address stays a plain title.
  await expect(
    history.getByText("Kyrgyzstan adopts law rehabilitating victims of Soviet-era repression").first(),
  ).toBeVisible();
  await expect(history.getByRole("link", { name: /Kyrgyzstan adopts law rehabilitating/ })).toHaveCount(0);
});

test("the home page lists each law by its title, one line of context and its status, not its summary", async ({
  page,
}) => {
  await page.goto("/");
  const latest = page.getByRole("region", { name: "Latest laws" });
  const item = latest.getByRole("listitem").filter({ has: page.getByRole("link", { name: lawTitle, exact: true }) });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Kyrgyzstan · Law · Adopted 20 November 2024");
  await expect(item.getByText("Adopted", { exact: true })).toBeVisible();
  await expect(latest).not.toContainText("RSFSR Criminal Code");
  // A few lines at most, however long its summary.
  expect((await item.boundingBox())!.height).toBeLessThan(150);
});

test("margin notes stand beside the text at 1280 px, and below their passage on a phone", async ({ page }) => {
  const note = page.getByRole("note", { name: /Context note 1/ });
  const block = page.locator(".annotated-block", { has: page.locator("mark.annotation") }).first();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(lawPath);
  await expect(note.getByRole("link", { name: "Link to this annotation" })).toBeVisible();
  const text = (await block.boundingBox())!;
  expect((await note.boundingBox())!.x).toBeGreaterThan(text.x + text.width);
  // The text keeps a readable measure beside them.
  const [width, seventyCh] = await block.evaluate((e) => {
    const ruler = e.appendChild(document.createElement("div"));
    ruler.style.width = "70ch";
    const measure = ruler.getBoundingClientRect().width;
    ruler.remove();
    return [e.getBoundingClientRect().width, measure];
  });
  expect(width).toBeLessThanOrEqual(seventyCh);

  await page.setViewportSize(phone);
  await page.goto(lawPath);
  await expect(note).toBeVisible();
  const [narrowText, narrowNote] = [(await block.boundingBox())!, (await note.boundingBox())!];
  expect(narrowNote.y).toBeGreaterThanOrEqual(narrowText.y + narrowText.height);
  expect(narrowNote.x + narrowNote.width).toBeLessThanOrEqual(phone.width);
  expect(await overflows(page)).toBe(false);
});
