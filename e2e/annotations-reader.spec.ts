/**
 * Reading annotations: the demo law's synopsis with its published notes highlighted and in the
 * margin (inline on a phone), filters and hiding, permalinks, search, and the open-data API. The
 * demo's internal note never reaches a reader.
 */
import { expect, test } from "./fixtures";

const lawPath = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";
const contextQuote = "RSFSR Criminal Code, which applied in Kyrgyzstan until 1961";

test("a reader sees the highlighted passages and their notes, filters them by kind and hides them all", async ({
  page,
}) => {
  await page.goto(lawPath);
  const text = page.locator(".annotated-text");
  const highlight = text.locator("mark.annotation", { hasText: contextQuote }).first();
  await expect(highlight).toBeVisible();
  const note = page.getByRole("note", { name: /Context note 1/ });
  await expect(note).toBeVisible();
  await expect(note).toContainText("criminal code of the Russian SFSR");
  await expect(page.getByRole("note", { name: /Cross-reference note 2/ })).toContainText("Kazakhstan");
  // The internal note on the archival fund is for editors only.
  await expect(page.getByText("Record what the archival amendments change")).toHaveCount(0);
  await expect(text.locator("mark.annotation", { hasText: "National Archival Fund" })).toHaveCount(0);
  // The provision the commentary discusses, next to the text.
  await expect(page.getByRole("region", { name: "Commentary on its provisions" })).toContainText(
    "2. Repression decided between 1917 and 1953",
  );

  const toolbar = page.getByRole("group", { name: /Annotations/ });
  await toolbar.getByRole("checkbox", { name: /Context/ }).uncheck();
  await expect(note).toBeHidden();
  await expect(page.getByRole("note", { name: /Cross-reference note 2/ })).toBeVisible();
  await toolbar.getByRole("checkbox", { name: /Context/ }).check();
  await expect(note).toBeVisible();
  await toolbar.getByRole("checkbox", { name: "Hide all" }).check();
  await expect(note).toBeHidden();
  await expect(page.getByRole("note", { name: /Cross-reference note 2/ })).toBeHidden();
  // Hiding the notes never hides the text.
  await expect(text.getByText("People convicted for political reasons")).toBeVisible();
});

test("an annotation's permalink opens the page at its highlighted passage, on a phone too", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(lawPath);
  // On a narrow screen the note is folded under the passage: the reader opens it.
  const note = page.getByRole("note", { name: /Context note 1/ });
  await note
    .getByText(/Context note 1/)
    .first()
    .click();
  const link = note.getByRole("link", { name: "Link to this annotation" });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/#annotation-\d+$/);
  await page.goto(href!);
  const id = href!.split("#")[1]!;
  const passage = page.locator(`[id="${id}"]`);
  await expect(passage).toBeInViewport();
  await expect(passage).toBeFocused();
  await expect(page.getByRole("note", { name: /Context note 1/ })).toContainText("Russian SFSR");
});

test("the notes stand open in the margin at every desktop width, whatever fonts the machine has", async ({ page }) => {
  const note = page.getByRole("note", { name: /Context note 1/ });
  const block = page.locator(".annotated-block", { has: page.locator("mark.annotation", { hasText: contextQuote }) });
  const inTheMargin = async (width: number) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(lawPath);
    await expect(note.getByRole("link", { name: "Link to this annotation" })).toBeVisible();
    const text = (await block.boundingBox())!;
    expect((await note.boundingBox())!.x, `at ${width} px`).toBeGreaterThanOrEqual(text.x + text.width);
  };

  // The app ships its typefaces: they load from the app itself, on a machine that has none of them.
  await page.goto(lawPath);
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((face) => face.status === "loaded").length;
  });
  expect(loaded).toBeGreaterThan(0);
  for (const width of [1280, 1366, 1920, 2560]) await inTheMargin(width);

  // Until they load (or if they never do) the machine's own, wider fonts set the text: the layout holds.
  await page.route("**/*.woff2", (route) => route.abort());
  for (const width of [1280, 2560]) await inTheMargin(width);
});

test("the public search finds a note and leads to its passage", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("Kirghiz SSR"));
  const results = page.getByRole("region", { name: /results? for/ });
  const hit = results.getByRole("link", { name: /Context on / });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(
    /\/laws\/kg\/rehabilitation-of-victims-of-soviet-political-repression\?text=\d+#annotation-\d+$/,
  );
  await expect(page.locator("mark.annotation:focus")).toContainText("RSFSR Criminal Code");
});

test("the API serves published public annotations as W3C Web Annotation JSON-LD, and nothing else", async ({
  request,
}) => {
  const list = await request.get(`/api/v1/annotations?target=${encodeURIComponent(lawPath)}`);
  expect(list.status()).toBe(200);
  expect(list.headers()["content-type"]).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  const collection = await list.json();
  expect(collection).toMatchObject({ type: "AnnotationCollection", total: 2 });
  const items = collection.first.items as { id: string; target: { selector: { type: string; exact?: string }[] } }[];
  expect(items.map((a) => a.target.selector[0]!.exact)).toEqual([contextQuote, "taken between 1917 and 1953"]);

  const one = await request.get(new URL(items[0]!.id).pathname);
  expect(one.status()).toBe(200);
  expect(one.headers()["content-type"]).toContain("application/ld+json");
  expect(await one.json()).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", id: items[0]!.id });

  // Rendered once for every client: an ETag, a 304 for a client that holds it, any site may read it.
  for (const path of [`/api/v1/annotations?target=${encodeURIComponent(lawPath)}`, new URL(items[0]!.id).pathname]) {
    const first = await request.get(path);
    const etag = first.headers()["etag"]!;
    expect(etag, path).toMatch(/^"[\w-]+"$/);
    expect(first.headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=59");
    expect(first.headers()["access-control-allow-origin"], path).toBe("*");
    const held = await request.get(path, { headers: { "if-none-match": etag } });
    expect(held.status(), path).toBe(304);
    expect(await held.body(), path).toHaveLength(0);
    expect(held.headers()["etag"], path).toBe(etag);
    expect(held.headers()["access-control-allow-origin"], path).toBe("*");
  }

  // The demo's third annotation is internal: published, and still not served, nor in the walk through all.
  const ids = items.map((a) => Number(a.id.split("/").pop()));
  const internal = Math.max(...ids) + 1;
  const walk = await request.get("/api/v1/annotations?limit=100");
  expect(walk.status()).toBe(200);
  const walked = ((await walk.json()).items as { id: string }[]).map((a) => Number(a.id.split("/").pop()));
  expect(walked).toEqual(expect.arrayContaining(ids));
  expect(walked).not.toContain(internal);
  for (const [path, status] of [
    [`/api/v1/annotations/${internal}`, 404],
    ["/api/v1/annotations/not-a-number", 404],
    ["/api/v1/annotations?target=", 400],
    ["/api/v1/annotations?limit=0", 400],
    ["/api/v1/annotations?target=/laws/kg/no-such-law", 404],
  ] as const) {
    const refused = await request.get(path, { headers: { "if-none-match": "*" } });
    expect(refused.status(), path).toBe(status);
    expect(refused.headers()["content-type"], path).toContain("application/json");
    expect(refused.headers()["access-control-allow-origin"], path).toBe("*");
    const problem = await refused.json();
    expect(problem.status, path).toBe(status);
    expect(problem.message, path).toBeTruthy();
    expect(problem.error, path).toBe(problem.message);
  }
});
