/**
 * What machines read: the Atom feeds (everything, or one jurisdiction's, topic's or kind's) and the
 * sitemap list published items, never a draft, and drop a law once it is withdrawn; robots.txt
 * keeps crawlers out of the admin.
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

test("feeds per jurisdiction, topic and kind say what they cover; an unknown one is a 404", async ({ request }) => {
  const kyrgyzLaw = "<title>On Amendments to Certain Legislative Acts of the Kyrgyz Republic</title>";
  const kazakhLaw = "<title>On the rehabilitation of victims of mass political repression</title>";
  const news = "/articles/kyrgyzstan-president-signs-law-rehabilitating-victims-of-soviet-repression</id>";
  const commentary = "/articles/commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours</id>";

  const kyrgyz = await request.get("/feed.xml?jurisdiction=kg");
  expect(kyrgyz.headers()["content-type"]).toContain("application/atom+xml");
  const kg = await kyrgyz.text();
  expect(kg).toContain("<title>Marginalia: laws and what is written about them · Kyrgyzstan</title>");
  expect(kg).toMatch(/<link rel="self" type="application\/atom\+xml" href="[^"]+\/feed\.xml\?jurisdiction=KG"\/>/);
  for (const expected of [kyrgyzLaw, news, commentary]) expect(kg).toContain(expected);
  expect(kg).not.toContain(kazakhLaw);

  const laws = await (await request.get("/feed.xml?kind=law")).text();
  expect(laws).toContain("<title>Marginalia: laws</title>");
  expect(laws).toContain(kazakhLaw);
  expect(laws).not.toContain(news);
  const opinion = await (await request.get("/feed.xml?kind=commentary")).text();
  expect(opinion).toContain(commentary);
  expect(opinion).not.toContain(news);
  const topic = await (await request.get("/feed.xml?topic=rehabilitation")).text();
  expect(topic).toContain("topic: Rehabilitation</title>");
  expect(topic).toContain(news);

  for (const unknown of ["kind=podcast", "jurisdiction=XX", "topic=no-such-topic", "jurisdiction=%3Cscript%3E"]) {
    const response = await request.get(`/feed.xml?${unknown}`);
    expect(response.status(), unknown).toBe(404);
  }
});

test("the sitemap lists jurisdictions, topics and agents with published content, and pages link the main feed", async ({
  page,
  request,
}) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const path of [
    "/articles",
    "/jurisdictions",
    "/jurisdictions/kg",
    "/topics/rehabilitation",
    "/agents/jogorku-kenesh",
  ])
    expect(sitemap).toContain(`${path}</loc>`);
  expect(sitemap).not.toContain("/search</loc>");
  // All of it fits in one file, so there are no numbered ones.
  for (const page of ["1", "2", "x"]) expect((await request.get(`/sitemap.xml?page=${page}`)).status()).toBe(404);
  await page.goto("/");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    /\/feed\.xml$/,
  );
});

test("robots.txt points to the sitemap and keeps crawlers out of the admin", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /admin");
  expect(robots).toMatch(/Sitemap: https?:\/\/[^/]+\/sitemap\.xml/);
});
