/**
 * What machines read: the Atom feeds (everything, or one jurisdiction's, topic's or kind's) and the
 * sitemap (and the laws index and search) list published items, never a draft, and drop a law
 * once it is withdrawn; robots.txt keeps crawlers out of the admin. Each is rendered once and
 * served to every reader until a publication changes it: with an ETag, a 304 for a reader who
 * holds it, and the cache policy of pages stored whole.
 */
import { expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

const sharedCacheControl = "public, max-age=0, s-maxage=1, stale-while-revalidate=59";
/** How long a publication may take to reach what machines read: at once on this instance, in practice. */
const visibleWithin = { timeout: 2_000 };

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
  await expect.poll(feed, visibleWithin).toContain(`<title>${title}</title>`);
  await expect.poll(sitemap, visibleWithin).toContain(`/${slug}</loc>`);
  expect(found(await index())).toBe(true);
  expect(found(await search(String(stamp)))).toBe(true);
  expect((await request.get(`/laws/kg/${slug}`)).status()).toBe(200);

  await test.step("a draft of the published law changes no feed; its publication does", async () => {
    const published = await request.get("/feed.xml");
    const etag = published.headers()["etag"]!;
    const summary = `Summary drafted after publication ${stamp}`;
    await admin.getByRole("textbox", { name: "Summary" }).fill(summary);
    await admin.getByRole("button", { name: "Save changes" }).click();
    await expect(admin.getByText("Saved.")).toBeVisible();
    const afterSave = await request.get("/feed.xml");
    expect(afterSave.headers()["etag"]).toBe(etag);
    expect(await afterSave.text()).not.toContain(summary);
    expect(await (await request.get("/feed.xml?kind=law")).text()).not.toContain(summary);

    await publishAsAdmin(admin);
    await expect.poll(feed, visibleWithin).toContain(`<summary>${summary}</summary>`);
    const republished = await request.get("/feed.xml", { headers: { "if-none-match": etag } });
    expect(republished.status()).toBe(200);
    expect(republished.headers()["etag"]).not.toBe(etag);
  });

  await move(admin, "Withdraw");
  expect((await request.get(`/laws/kg/${slug}`)).status()).toBe(410);
  await expect.poll(feed, visibleWithin).not.toContain(title);
  await expect.poll(sitemap, visibleWithin).not.toContain(`/${slug}</loc>`);
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

test("the feed, the sitemap and robots.txt are rendered once: an ETag, a 304 for a reader who holds it, and the shared cache policy", async ({
  request,
}) => {
  for (const path of ["/feed.xml", "/feed.xml?jurisdiction=KG&kind=news", "/sitemap.xml", "/robots.txt"]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const etag = first.headers()["etag"];
    // Strong (no W/): the same bytes to every reader.
    expect(etag, path).toMatch(/^"[\w-]+"$/);
    expect(first.headers()["cache-control"], path).toBe(sharedCacheControl);
    const body = await first.text();

    const again = await request.get(path);
    expect(again.headers()["etag"], path).toBe(etag);
    expect(await again.text(), path).toBe(body);

    const held = await request.get(path, { headers: { "if-none-match": etag! } });
    expect(held.status(), path).toBe(304);
    expect(await held.body(), path).toHaveLength(0);
    expect(held.headers()["etag"], path).toBe(etag);
    expect(held.headers()["cache-control"], path).toBe(sharedCacheControl);

    const other = await request.get(path, { headers: { "if-none-match": '"an-older-version"' } });
    expect(other.status(), path).toBe(200);
    expect(await other.text(), path).toBe(body);
  }
  // Query parameters a feed does not read make no other feed.
  const plain = await request.get("/feed.xml");
  const tracked = await request.get("/feed.xml?utm_source=newsletter");
  expect(tracked.headers()["etag"]).toBe(plain.headers()["etag"]);
  // Errors stay errors, whatever the reader holds.
  const unknown = await request.get("/feed.xml?kind=podcast", { headers: { "if-none-match": "*" } });
  expect(unknown.status()).toBe(404);
});
