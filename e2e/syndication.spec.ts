/**
 * What machines read: the Atom feed and the sitemap list published laws and articles, never a
 * draft, and drop a law once it is withdrawn; robots.txt keeps crawlers out of the admin.
 */
import { expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

test("the feed and the sitemap carry published items only, and lose a law once withdrawn", async ({
  adminPage: admin,
  request,
}) => {
  const feed = async () => (await request.get("/feed.xml")).text();
  const sitemap = async () => (await request.get("/sitemap.xml")).text();

  const response = await request.get("/feed.xml");
  expect(response.headers()["content-type"]).toContain("application/atom+xml");
  const atom = await response.text();
  expect(atom).toContain("<title>On Amendments to Certain Legislative Acts of the Kyrgyz Republic</title>");
  expect(atom).toContain("/articles/commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours</id>");
  expect(await sitemap()).toContain("/laws/kg/rehabilitation-of-victims-of-soviet-political-repression</loc>");

  const title = `Law syndicated then withdrawn ${Date.now()}`;
  await admin.goto("/admin/laws/new");
  await admin
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await admin.getByRole("button", { name: "Create law" }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slug = await admin.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  expect(await feed()).not.toContain(title);
  expect(await sitemap()).not.toContain(`/${slug}</loc>`);

  await publishAsAdmin(admin);
  expect(await feed()).toContain(`<title>${title}</title>`);
  expect(await sitemap()).toContain(`/${slug}</loc>`);

  await move(admin, "Withdraw");
  expect(await feed()).not.toContain(title);
  expect(await sitemap()).not.toContain(`/${slug}</loc>`);
});

test("robots.txt points to the sitemap and keeps crawlers out of the admin", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /admin");
  expect(robots).toMatch(/Sitemap: https?:\/\/[^/]+\/sitemap\.xml/);
});
