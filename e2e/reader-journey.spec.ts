/**
 * The reader's whole journey, on a phone and on a desktop: from the home page to a law through the
 * index's filters, its timeline, a commentary about it, a search for a person by another spelling
 * of the name, a BibTeX citation copied, and the law in the feed and the sitemap.
 */
import { expect, test } from "./fixtures";

const law = "On Amendments to Certain Legislative Acts of the Kyrgyz Republic";
const lawPath = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";
const commentary = "Commentary: Kyrgyzstan's rehabilitation law and its neighbours";

for (const viewport of [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
]) {
  test(`a reader finds, reads, follows, searches and cites a law (${viewport.name})`, async ({ page, request }) => {
    await page.setViewportSize(viewport);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);

    await test.step("home → laws index → Kyrgyzstan → the law", async () => {
      await page.goto("/");
      await page.getByRole("link", { name: /All laws/ }).click();
      await expect(page.getByRole("heading", { name: "Laws", level: 1 })).toBeVisible();
      // On a phone the filters are folded away under a disclosure.
      if (viewport.name === "phone") await page.getByText("Filters", { exact: true }).click();
      await page
        .getByRole("navigation", { name: "Filters" })
        .locator("visible=true")
        .getByRole("link", { name: "Kyrgyzstan", exact: true })
        .click();
      await expect(page).toHaveURL(/\/laws\?jurisdiction=kg$/);
      await page.getByRole("link", { name: law }).click();
      await expect(page.getByRole("heading", { name: law, level: 1 })).toBeVisible();
    });

    await test.step("its timeline, at the precision the sources give", async () => {
      const history = page.getByRole("region", { name: "History" });
      await expect(history.getByText("Signed", { exact: false }).first()).toBeVisible();
      await expect(history).toContainText("2024");
      await expect(history.getByRole("link", { name: "Sadyr Japarov" }).first()).toBeVisible();
    });

    await test.step("a commentary that discusses it, labelled as opinion", async () => {
      await page.getByRole("region", { name: "News and commentary" }).getByRole("link", { name: commentary }).click();
      await expect(page.getByRole("heading", { name: commentary, level: 1 })).toBeVisible();
      await expect(page.getByText("Opinion: the views are the author’s, not the archive’s")).toBeVisible();
    });

    await test.step("a search for the president by a transliteration of his name", async () => {
      await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Search" }).click();
      await page.getByRole("searchbox", { name: "Search the archive" }).fill("Жапаров");
      await page.getByRole("button", { name: "Search", exact: true }).click();
      const results = page.getByRole("region", { name: /results? for “Жапаров”/ });
      await results.getByRole("link", { name: "Sadyr Japarov" }).click();
      await expect(page.getByRole("heading", { name: "Sadyr Japarov", level: 1 })).toBeVisible();
    });

    await test.step("back to the law, a BibTeX citation copied", async () => {
      await page.getByRole("link", { name: law }).first().click();
      await expect(page.getByRole("heading", { name: law, level: 1 })).toBeVisible();
      await page
        .getByRole("region", { name: "Cite this" })
        .getByText(/^Other formats/)
        .click();
      await page.getByRole("button", { name: "Copy the BibTeX citation" }).click();
      await expect(page.getByText("Copied.")).toBeVisible();
      const bibtex = await page.evaluate(() => navigator.clipboard.readText());
      expect(bibtex).toMatch(/^@misc\{marginalia-kg-rehabilitation-of-victims-of-soviet-political-repression-v\d+,/);
      expect(bibtex).toContain(`title = {{${law}}}`);
    });

    await test.step("the feed and the sitemap carry the law", async () => {
      expect(await (await request.get("/feed.xml")).text()).toContain(`${lawPath}</id>`);
      expect(await (await request.get("/sitemap.xml")).text()).toContain(`${lawPath}</loc>`);
    });
  });
}
