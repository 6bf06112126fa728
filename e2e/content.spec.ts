/**
 * Content: an editor enters a law with its timeline and a text version, and an article that
 * discusses it, entirely through the admin UI; the forms say what is wrong next to the field and
 * keep everything typed; the agent picker finds people by any spelling of their name.
 */
import type { Page } from "@playwright/test";
import {
  adminNav,
  createAccount,
  createInPicker,
  expect,
  pickInPicker,
  picker,
  signInOverHttp,
  test as base,
} from "./fixtures";

const test = base.extend<{ editorPage: Page }>({
  /** A page signed in (over HTTP) as a new editor, created by the seeded admin on /admin/users. */
  editorPage: async ({ adminPage, openPage }, provide) => {
    const editor = await createAccount(adminPage, "editor", "editor");
    const page = await openPage();
    await signInOverHttp(page, editor.email, editor.password);
    await page.goto("/admin");
    await expect(page.getByTestId("current-user")).toHaveText(editor.name);
    await provide(page);
  },
});

/** The repeatable rows of a law form (titles, identifiers), by their legend. */
const rows = (page: Page, legend: string) => page.getByRole("group", { name: legend, exact: true });

test("an editor enters a law with its timeline and text, and an article that discusses it", async ({ editorPage }) => {
  test.slow();
  const page = editorPage;
  const stamp = Date.now();
  const englishTitle = `Law on the rehabilitation of victims of political repression ${stamp}`;
  const russianTitle = `Закон о реабилитации жертв политических репрессий ${stamp}`;
  const sourceTitle = `Lex.uz record of the rehabilitation law ${stamp}`;
  const parliament = `Oliy Majlis ${stamp}`;
  let lawUrl = "";

  await test.step("a new law, with a topic picked and a source created from the pickers", async () => {
    await adminNav(page).getByRole("link", { name: "Laws" }).click();
    await page.getByRole("link", { name: "New law" }).click();
    await expect(page.getByRole("heading", { name: "New law", level: 1 })).toBeVisible();

    const titles = rows(page, "Titles");
    await expect(titles.getByLabel(/^Language, row \d+ of/)).toHaveValue("en");
    await titles.getByLabel(/^Title, row \d+ of/).fill(englishTitle);
    await titles.getByRole("button", { name: "+ Add a title" }).click();
    await titles
      .getByLabel(/^Language, row \d+ of/)
      .nth(1)
      .fill("ru");
    await titles
      .getByLabel(/^Title, row \d+ of/)
      .nth(1)
      .fill(russianTitle);
    await titles.getByRole("radio", { name: "Preferred" }).nth(0).check();

    await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Uzbekistan (UZ)" });
    await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Law" });
    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "In force" });

    const identifiers = rows(page, "Official identifiers");
    await identifiers.getByRole("button", { name: "+ Add an identifier" }).click();
    await identifiers.getByLabel("Registry").fill("Lex.uz");
    await identifiers.getByLabel("Number").fill(`ZRU-${stamp}`);

    await pickInPicker(page, "Topics", "Rehabil", "Rehabilitation");
    await createInPicker(page, "Sources", sourceTitle);

    await page.getByRole("button", { name: "Create law" }).click();
    await expect(page).toHaveURL(/\/admin\/laws\/\d+$/);
    lawUrl = page.url();
    // The preferred (English) title names the law; the edit form holds everything entered.
    await expect(page.getByRole("heading", { name: englishTitle, level: 1 })).toBeVisible();
    await expect(titles.getByLabel(/^Title, row \d+ of/).nth(0)).toHaveValue(englishTitle);
    await expect(titles.getByLabel(/^Title, row \d+ of/).nth(1)).toHaveValue(russianTitle);
    await expect(titles.getByLabel(/^Language, row \d+ of/).nth(0)).toHaveValue("en");
    await expect(titles.getByLabel(/^Language, row \d+ of/).nth(1)).toHaveValue("ru");
    await expect(titles.getByRole("radio", { name: "Preferred" }).nth(0)).toBeChecked();
    await expect(page.getByRole("combobox", { name: "Jurisdiction", exact: true })).toHaveValue("UZ");
    await expect(page.getByRole("combobox", { name: "Type", exact: true })).toHaveValue("law");
    await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("in_force");
    await expect(identifiers.getByLabel("Registry")).toHaveValue("Lex.uz");
    await expect(identifiers.getByLabel("Number")).toHaveValue(`ZRU-${stamp}`);
    await expect(picker(page, "Topics").chosen).toHaveText(/Rehabilitation/);
    await expect(picker(page, "Sources").chosen).toContainText(sourceTitle);
  });

  await test.step("a covered period to the day, on which two accounts disagree", async () => {
    const periods = page.getByRole("region", { name: "Periods covered" });
    await expect(periods).toContainText("No periods yet.");
    await periods.getByText("Add a period", { exact: true }).click();
    const from = periods.getByRole("textbox", { name: "From", exact: true });
    const to = periods.getByRole("textbox", { name: "To", exact: true });
    await from.fill("1986-12-18");
    await to.fill("1986-12-17");
    await pickInPicker(periods, "Source", stamp.toString(), sourceTitle);
    await periods.getByRole("button", { name: "Add period" }).click();
    // Refused at the field; what was entered stays.
    await expect(to).toHaveAttribute("aria-invalid", "true");
    await expect(to).toHaveAccessibleDescription("The period ends before it starts.");
    await expect(from).toHaveValue("1986-12-18");
    await expect(picker(periods, "Source").chosen).toContainText(sourceTitle);

    await from.fill("1986-12-17");
    await to.fill("1986-12-18");
    await periods.getByRole("button", { name: "+ Add another source's account" }).click();
    await from.nth(1).fill("1986-12-16");
    await to.nth(1).fill("1986-12-18");
    await periods.getByRole("button", { name: "Add period" }).click();
    const listed = periods.getByTestId("covered-period");
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText("17–18 December 1986");
    await expect(listed).toContainText("Sources disagree");
    await expect(listed).toContainText(`17–18 December 1986 — ${sourceTitle} (preferred)`);
    await expect(listed).toContainText("16–18 December 1986 — no source given");
  });

  await test.step("two timeline events, shown in date order at the precision entered", async () => {
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline).toContainText("No events yet.");
    await timeline.getByText("Add an event", { exact: true }).click();

    // The later event first: the timeline orders by date, not by entry.
    await timeline.getByRole("combobox", { name: "What happened" }).selectOption({ label: "Adopted" });
    await createInPicker(timeline, "Acting agent (optional)", parliament);
    const date = timeline.getByRole("textbox", { name: "Date", exact: true });
    await date.fill("2021-02-30");
    await timeline.getByRole("button", { name: "Add event" }).click();
    // An impossible day is refused at the field; what was picked stays.
    await expect(date).toHaveAttribute("aria-invalid", "true");
    await expect(date).toHaveAccessibleDescription(/Use a year \(2023\), a month \(2023-01\) or a day/);
    await expect(date).toHaveValue("2021-02-30");
    await expect(picker(timeline, "Acting agent (optional)").chosen).toContainText(parliament);
    await expect(timeline.getByRole("combobox", { name: "What happened" })).toHaveValue("adopted");
    await expect(timeline.getByTestId("timeline-event")).toHaveCount(0);

    await date.fill("2021");
    await timeline.getByRole("button", { name: "Add event" }).click();
    const events = timeline.getByTestId("timeline-event");
    await expect(events).toHaveCount(1);
    await expect(events.first()).toContainText(`2021 · Adopted · ${parliament}`);

    // The form starts afresh for the next event.
    await expect(date).toHaveValue("");
    await timeline.getByRole("combobox", { name: "What happened" }).selectOption({ label: "Initiated" });
    await date.fill("2020-03");
    await timeline.getByRole("button", { name: "Add event" }).click();
    await expect(events).toHaveCount(2);
    await expect(events.nth(0)).toContainText("March 2020 · Initiated");
    await expect(events.nth(1)).toContainText(`2021 · Adopted · ${parliament}`);
    // Never more precise than known: no invented day for the month, no month for the year.
    await expect(events.nth(0)).not.toContainText("1 March 2020");
    await expect(events.nth(1)).not.toContainText("January 2021");
    await expect(timeline.getByRole("button", { name: "Move Initiated, March 2020 up" })).toBeDisabled();
    await expect(timeline.getByRole("button", { name: "Move Adopted, 2021 down" })).toBeDisabled();

    // A month of 2021 may go before "2021" (the year holds it), not before March 2020.
    await timeline.getByRole("combobox", { name: "What happened" }).selectOption({ label: "Signed" });
    await date.fill("2021-06");
    await timeline.getByRole("button", { name: "Add event" }).click();
    await expect(events).toHaveCount(3);
    await expect(events.nth(2)).toContainText("June 2021 · Signed");
    await timeline.getByRole("button", { name: "Move Signed, June 2021 up" }).click();
    await expect(events.nth(1)).toContainText("June 2021 · Signed");
    await expect(events.nth(2)).toContainText(`2021 · Adopted · ${parliament}`);
    await expect(timeline.getByRole("button", { name: "Move Signed, June 2021 up" })).toBeDisabled();
    await expect(timeline.getByRole("button", { name: "Move Signed, June 2021 up" })).toHaveAccessibleDescription(
      /set the order of events whose dates overlap/,
    );
  });

  await test.step("an official text version with a Markdown body", async () => {
    const texts = page.getByRole("region", { name: "Text versions" });
    await expect(texts).toContainText("No text yet.");
    await texts.getByText("Add a text version", { exact: true }).click();
    await texts.getByRole("textbox", { name: "Language" }).fill("uz");
    await texts.getByRole("textbox", { name: "Effective date" }).fill("2021-05-10");
    await texts.getByRole("checkbox", { name: /^Official text/ }).check();
    await texts
      .getByRole("textbox", { name: "Text", exact: true })
      .fill("## Article 1\n\nUshbu Qonun siyosiy qatag‘on qurbonlarini reabilitatsiya qilish tartibini belgilaydi.");
    await texts.getByRole("button", { name: "Add text version" }).click();

    await expect(texts.getByText("Text version added.")).toBeVisible();
    const version = texts.getByTestId("text-version");
    await expect(version).toHaveCount(1);
    await expect(version).toContainText("Uzbek (uz) · Official text · effective 10 May 2021");
    await expect(version).toContainText("## Article 1");
    await expect(version).toContainText("Ushbu Qonun siyosiy qatag‘on");
    // The form is emptied for the next version.
    await expect(texts.getByRole("textbox", { name: "Language" })).toHaveValue("");

    // Still there on a fresh load, with the timeline.
    await page.reload();
    await expect(page.getByTestId("text-version")).toContainText("Official text · effective 10 May 2021");
    await expect(page.getByTestId("timeline-event")).toHaveText([
      /^March 2020 · Initiated/,
      /^June 2021 · Signed/,
      /^2021 · Adopted/,
    ]);
  });

  const articleTitle = `Uzbekistan adopts a rehabilitation law ${stamp}`;
  const author = `Dilnoza Karimova ${stamp}`;
  const publisher = `Tashkent Review ${stamp}`;
  const body = "Uzbekistan has adopted a law on rehabilitating victims of political repression.";

  await test.step("an article that discusses the law, with its full attribution", async () => {
    await adminNav(page).getByRole("link", { name: "Articles" }).click();
    await page.getByRole("link", { name: "New article" }).click();
    await expect(page.getByRole("heading", { name: "New article", level: 1 })).toBeVisible();

    await page.getByRole("combobox", { name: "Kind", exact: true }).selectOption({ label: "News report" });
    await page.getByRole("textbox", { name: "Language" }).fill("en");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(articleTitle);
    await createInPicker(page, "Authors", author);
    await createInPicker(page, "Publisher (optional)", publisher);
    await pickInPicker(page, "Credited agency (optional)", "TRT", "TRT");
    await page.getByRole("textbox", { name: "Original date" }).fill("2021-05");
    await page.getByRole("textbox", { name: "Original address (optional)" }).fill("https://example.org/report");
    await pickInPicker(
      page,
      "Laws discussed",
      `rehabilitation of victims of political repression ${stamp}`,
      englishTitle,
    );
    await page
      .getByRole("group", { name: "Jurisdictions concerned" })
      .getByRole("checkbox", { name: "Uzbekistan (UZ)" })
      .check();
    await page.getByRole("textbox", { name: "Body" }).fill(body);
    await page.getByRole("button", { name: "Create article" }).click();

    await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
    await expect(page.getByRole("heading", { name: articleTitle, level: 1 })).toBeVisible();
    await expect(page.getByText(`${author} · ${publisher} · reported by TRT · May 2021 · Draft`)).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Kind", exact: true })).toHaveValue("news");
    await expect(page.getByRole("textbox", { name: "Language" })).toHaveValue("en");
    await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(articleTitle);
    await expect(picker(page, "Authors").chosen).toHaveText(new RegExp(author));
    await expect(picker(page, "Publisher (optional)").chosen).toContainText(publisher);
    await expect(picker(page, "Credited agency (optional)").chosen).toContainText("TRT");
    await expect(page.getByRole("textbox", { name: "Original date" })).toHaveValue("2021-05");
    await expect(page.getByRole("textbox", { name: "Original address (optional)" })).toHaveValue(
      "https://example.org/report",
    );
    await expect(picker(page, "Laws discussed").chosen).toContainText(englishTitle);
    const jurisdictions = page.getByRole("group", { name: "Jurisdictions concerned" });
    await expect(jurisdictions.getByRole("checkbox", { name: "Uzbekistan (UZ)" })).toBeChecked();
    await expect(jurisdictions.getByRole("checkbox", { checked: true })).toHaveCount(1);
    await expect(page.getByRole("textbox", { name: "Body" })).toHaveValue(body);
  });

  await test.step("the article list filtered by the law shows the article", async () => {
    await adminNav(page).getByRole("link", { name: "Articles" }).click();
    const filters = page.getByRole("search");
    await filters.getByLabel("Law discussed").selectOption({ label: `${englishTitle} (UZ)` });
    await filters.getByRole("button", { name: "Apply" }).click();
    const lawId = lawUrl.split("/").pop()!;
    await expect(page).toHaveURL(new RegExp(`[?&]law=${lawId}(&|$)`));
    const row = page.getByTestId("article-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(articleTitle);
    await expect(row.getByRole("cell", { name: author })).toBeVisible();
    for (const cell of ["May 2021", "Draft"])
      await expect(row.getByRole("cell", { name: cell, exact: true })).toBeVisible();
    // Publisher and language are columns the list hides until chosen.
    await page.getByText("Columns", { exact: true }).click();
    for (const column of ["Publisher", "Language"])
      await page.getByRole("checkbox", { name: column, exact: true }).check();
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page.getByRole("columnheader", { name: "Publisher" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]law=${lawId}(&|$)`));
    for (const cell of [publisher, "English"])
      await expect(row.getByRole("cell", { name: cell, exact: true })).toBeVisible();
  });
});

test("the law form marks an empty title and an impossible period at their fields and keeps everything typed", async ({
  editorPage: page,
}) => {
  const title = `Decree on archives ${uniqueStamp()}`;
  await page.goto("/admin/laws/new");
  const titles = rows(page, "Titles");
  await titles.getByLabel(/^Title, row \d+ of/).fill(title);
  await titles.getByRole("button", { name: "+ Add a title" }).click();
  await titles
    .getByLabel(/^Language, row \d+ of/)
    .nth(1)
    .fill("ru");
  await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Uzbekistan (UZ)" });
  await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Decree" });
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Adopted" });
  const identifiers = rows(page, "Official identifiers");
  await identifiers.getByRole("button", { name: "+ Add an identifier" }).click();
  await identifiers.getByLabel("Registry").fill("Lex.uz");
  await identifiers.getByLabel("Number").fill("UP-1");
  await pickInPicker(page, "Topics", "Rehabil", "Rehabilitation");
  await page.getByRole("textbox", { name: "Summary" }).fill("A summary in our own words.");
  await page.getByRole("button", { name: "Create law" }).click();

  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  const secondTitle = titles.getByLabel(/^Title, row \d+ of/).nth(1);
  await expect(secondTitle).toHaveAttribute("aria-invalid", "true");
  await expect(secondTitle).toHaveAccessibleDescription("Enter the title.");
  // Nothing typed is lost, and the rows are the ones the editor made.
  await expect(page).toHaveURL(/\/admin\/laws\/new$/);
  await expect(titles.getByLabel(/^Title, row \d+ of/).nth(0)).toHaveValue(title);
  await expect(titles.getByLabel(/^Title, row \d+ of/).nth(1)).toHaveValue("");
  await expect(titles.getByLabel(/^Language, row \d+ of/).nth(0)).toHaveValue("en");
  await expect(titles.getByLabel(/^Language, row \d+ of/).nth(1)).toHaveValue("ru");
  await expect(titles.getByLabel(/^Title, row \d+ of/).first()).not.toHaveAttribute("aria-invalid");
  await expect(page.getByRole("combobox", { name: "Jurisdiction", exact: true })).toHaveValue("UZ");
  await expect(page.getByRole("combobox", { name: "Type", exact: true })).toHaveValue("decree");
  await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("adopted");
  await expect(identifiers.getByLabel("Registry")).toHaveValue("Lex.uz");
  await expect(identifiers.getByLabel("Number")).toHaveValue("UP-1");
  await expect(picker(page, "Topics").chosen).toContainText("Rehabilitation");
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveValue("A summary in our own words.");

  // Correcting the field is enough.
  await secondTitle.fill(`Указ об архивах ${uniqueStamp()}`);
  await page.getByRole("button", { name: "Create law" }).click();
  await expect(page).toHaveURL(/\/admin\/laws\/\d+$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(picker(page, "Topics").chosen).toContainText("Rehabilitation");
});

test("the agent picker finds a person by another spelling of their name", async ({ editorPage: page }) => {
  await page.goto("/admin/articles/new");
  const authors = picker(page, "Authors");
  await authors.combobox.fill("Жапаров");
  const found = (await authors.options()).filter({ hasText: /^Sadyr Japarov/ });
  // The option says which spelling matched.
  await expect(found).toContainText("Жапаров Садыр");
  await found.click();
  await expect(authors.chosen).toContainText("Sadyr Japarov");
});

function uniqueStamp(): string {
  return `${Date.now()}`;
}
