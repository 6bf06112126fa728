/**
 * What machines read: the Atom feeds (everything, or one jurisdiction's, topic's or kind's) and the
 * sitemap (and the laws index and search) list published items, never a draft, and drop a law
 * once it is withdrawn; robots.txt
 * keeps crawlers out of the admin.
 */
import { expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

test("the feed, the sitemap, the index and search carry published items only, and lose a law once withdrawn", async ({
  adminPage: admin,
  request,
}) => {
  const feed = async () => (await request.get("/feed.xml")).text();
  const sitemap = async () => (await request.get("/sitemap.xml")).text();
  const index = async () => (await request.get("/laws")).text();
  const search = async (q: string) => (await request.get(`/search?q=${encodeURIComponent(q)}`)).text();

  const response = await request.get("/feed.xml");
  expect(response.headers()["content-type"]).toContain("application/atom+xml");
  const atom = await response.text();
  expect(atom).toContain("<title>On Amendments to Certain Legislative Acts of the Kyrgyz Republic</title>");
  expect(atom).toContain("/articles/commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours</id>");
  expect(await sitemap()).toContain("/laws/kg/rehabilitation-of-victims-of-soviet-political-repression</loc>");

  const stamp = Date.now();
  const title = `Law syndicated then withdrawn ${stamp}`;
  await admin.goto("/admin/laws/new");
  await admin
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await admin.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kyrgyzstan (KG)" });
  await admin.getByRole("button", { name: "Create law" }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slug = await admin.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  const found = (html: string) => html.includes(`/${slug}"`);
  expect(await feed()).not.toContain(title);
  expect(await sitemap()).not.toContain(`/${slug}</loc>`);
  expect(found(await search(String(stamp)))).toBe(false);
  expect((await request.get(`/laws/kg/${slug}`)).status()).toBe(404);

  await publishAsAdmin(admin);
  expect(await feed()).toContain(`<title>${title}</title>`);
  expect(await sitemap()).toContain(`/${slug}</loc>`);
  expect(found(await index())).toBe(true);
  expect(found(await search(String(stamp)))).toBe(true);
  expect((await request.get(`/laws/kg/${slug}`)).status()).toBe(200);

  await move(admin, "Withdraw");
  expect((await request.get(`/laws/kg/${slug}`)).status()).toBe(410);
  expect(await feed()).not.toContain(title);
  expect(await sitemap()).not.toContain(`/${slug}</loc>`);
  expect(found(await index())).toBe(false);
  expect(found(await search(String(stamp)))).toBe(false);
  expect(found(await search(title))).toBe(false);
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
  // Every page links a feed: the archive's, or the one of what the page is about.
  for (const [path, feed] of [
    ["/", /\/feed\.xml$/],
    ["/laws/kg/rehabilitation-of-victims-of-soviet-political-repression", /\/feed\.xml$/],
    ["/jurisdictions/kg", /\/feed\.xml\?jurisdiction=KG$/],
    ["/topics/rehabilitation", /\/feed\.xml\?topic=rehabilitation$/],
    ["/articles?kind=news", /\/feed\.xml\?kind=news$/],
  ] as const) {
    await page.goto(path);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", feed);
  }
});

test("robots.txt points to the sitemap and keeps crawlers out of the admin", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /admin");
  expect(robots).toMatch(/Sitemap: https?:\/\/[^/]+\/sitemap\.xml/);
});
