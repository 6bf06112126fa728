/**
 * The static mirror (npm run export:static): exported from the running site, served by a plain
 * static file server under a path prefix, every internal link resolves, its search finds people
 * and laws by a transliterated name, a page opened from the folder has its styles, no draft-leak
 * canary is in any file, and a second export rewrites only what a publication changed.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { readCanaries } from "./canaries/book";
import { expect, test } from "./fixtures";
import { publishAsAdmin } from "./workflow-steps";

const root = path.resolve(import.meta.dirname, "..");
const prefix = "/mirror/v1/";
const kazakhTitle = "On the rehabilitation of victims of mass political repression";

let dir: string;
let server: http.Server;
let mirrorUrl: string;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-mirror-"));
  server = await serveStatic(dir, prefix);
  mirrorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("the static mirror works from a static host under a prefix and from a folder, and is incremental", async ({
  page,
  adminPage,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The Kazakh demo law as it stands now: another spec may have renamed it or moved its address.
  const kazakh = await currentLaw(baseURL!, "KZ", kazakhTitle);
  const kazakhLaw = `${new URL(kazakh.url).pathname.slice(1)}/index.html`;
  const first = await exportMirror(dir, baseURL!);
  expect(first.written).toBeGreaterThan(20);

  await test.step("every internal link and asset of every page resolves on the static host", async () => {
    const files = walk(dir);
    const targets = new Set<string>();
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const html = fs.readFileSync(path.join(dir, file), "utf8");
      const pageUrl = new URL(file, mirrorUrl);
      // In tags only: `src="x"` may be text (rehype escapes `<` in text, not `"`).
      const tags = html.match(/<[a-zA-Z][a-zA-Z0-9-]*\b(?:[^<>"']|"[^"]*"|'[^']*')*>/g) ?? [];
      for (const [, value] of tags.join(" ").matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        const link = value!.replace(/&amp;/g, "&");
        if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith("#")) continue;
        // Relative only: a root-relative link would leave the prefix.
        expect(link, `${file}: ${link}`).not.toMatch(/^\//);
        const target = new URL(link, pageUrl);
        target.hash = "";
        target.search = "";
        targets.add(target.href);
      }
    }
    expect(targets.size).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const target of targets) {
      const response = await fetch(target);
      if (response.status !== 200) broken.push(`${target} (${response.status})`);
    }
    expect(broken).toEqual([]);
    // The stylesheets' fonts are in the mirror too.
    for (const css of files.filter((f) => f.endsWith(".css")))
      for (const [, url] of fs.readFileSync(path.join(dir, css), "utf8").matchAll(/url\(([^)]+)\)/g))
        if (!url!.startsWith("data:")) expect(fs.existsSync(path.join(dir, path.dirname(css), url!)), url).toBe(true);
  });

  await test.step("no draft-leak canary is in any file", async () => {
    const everything = walk(dir)
      .map((file) => fs.readFileSync(path.join(dir, file), "utf8"))
      .join("\n")
      .toLowerCase();
    for (const canary of readCanaries(process.env.E2E_CANARY_FILE!)) {
      expect(everything.includes(canary.token.toLowerCase()), canary.where).toBe(false);
      if (canary.latin) expect(everything.includes(canary.latin), `${canary.where} (in Latin letters)`).toBe(false);
    }
  });

  await test.step("the dump holds each annotated page's notes as the site's API answers them", async () => {
    const pages = walk(path.join(dir, "data/annotations")).map((file) => `/${file.replace(/\.json$/, "")}`);
    // The demo annotates its laws and its commentary.
    expect(pages.some((page) => page.startsWith("/laws/"))).toBe(true);
    expect(pages.some((page) => page.startsWith("/articles/"))).toBe(true);
    for (const pagePath of pages) {
      const live = await fetch(new URL(`/api/v1/annotations?target=${encodeURIComponent(pagePath)}`, baseURL));
      const dumped = JSON.parse(fs.readFileSync(path.join(dir, `data/annotations${pagePath}.json`), "utf8"));
      expect(dumped, pagePath).toEqual(await live.json());
    }
  });

  await test.step("the search finds a person and a law by a transliterated name", async () => {
    await page.goto(`${mirrorUrl}index.html`);
    await page.getByRole("navigation").getByRole("link", { name: "Search" }).first().click();
    await page.getByRole("searchbox", { name: "Search the archive" }).fill("Zhaparov");
    await page.getByRole("searchbox", { name: "Search the archive" }).press("Enter");
    await expect(page.getByRole("heading", { name: /\d+ results? for .Zhaparov./ })).toBeVisible();
    await page.getByRole("link", { name: "Sadyr Japarov" }).click();
    await expect(page.getByRole("heading", { name: "Sadyr Japarov", level: 1 })).toBeVisible();
    expect(page.url()).toBe(`${mirrorUrl}agents/sadyr-japarov/index.html`);

    // The Kazakh law's Russian title, «О реабилитации жертв массовых политических репрессий», in Latin letters.
    await page.goto(`${mirrorUrl}search/index.html?q=${encodeURIComponent("zhertv massovykh")}`);
    const law = page.getByRole("link", { name: kazakh.title });
    await expect(law).toBeVisible();
    await law.click();
    expect(page.url()).toBe(`${mirrorUrl}${kazakhLaw}`);

    // Results come 20 at a time; the button brings the next ones and moves the focus to the first of them.
    await page.goto(`${mirrorUrl}search/index.html?q=re`);
    const results = page.locator("#search-results > li").filter({ has: page.getByRole("heading") });
    await expect(results).toHaveCount(20);
    const total = Number((await page.getByRole("heading", { name: /results for/ }).textContent())!.split(" ")[0]);
    expect(total).toBeGreaterThan(20);
    await page.getByRole("button", { name: "More results" }).press("Enter");
    await expect(results).toHaveCount(Math.min(total, 40));
    await expect(results.nth(20).getByRole("link")).toBeFocused();
  });

  await test.step("from a folder (file://), a page has its styles and the search works", async () => {
    const folderPage = pathToFileURL(path.join(dir, kazakhLaw)).href;
    await page.goto(folderPage);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(kazakh.title);
    // The stylesheet applies (the serif of headings), and its fonts load from the folder.
    expect(await heading.evaluate((h) => getComputedStyle(h).fontFamily)).toMatch(/^sourceSerif/);
    const fontsLoaded = () =>
      page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((font) => font.status === "loaded").length;
      });
    expect(await fontsLoaded()).toBeGreaterThan(0);
    await page.getByRole("navigation").getByRole("link", { name: "Search" }).first().click();
    await page.getByRole("searchbox", { name: "Search the archive" }).fill("Жапаров");
    await page.getByRole("searchbox", { name: "Search the archive" }).press("Enter");
    await page.getByRole("link", { name: "Sadyr Japarov" }).click();
    await expect(page.getByRole("heading", { name: "Sadyr Japarov", level: 1 })).toBeVisible();
  });

  await test.step("a second export with nothing published writes nothing", async () => {
    const again = await exportMirror(dir, baseURL!);
    expect(again).toMatchObject({ written: 0, removed: 0, unchanged: first.written });
  });

  await test.step("after one publication, only the pages that show it are rewritten", async () => {
    const before = hashes(dir);
    const summary = `Mirror check ${Date.now()}: the summary as the editors last published it.`;
    await adminPage.goto("/admin/laws?jurisdiction=KZ&q=On+the+rehabilitation+of+victims+of+mass+political+repression");
    await adminPage
      .getByRole("link", { name: /On the rehabilitation of victims of mass political repression/ })
      .first()
      .click();
    await adminPage.getByRole("textbox", { name: "Summary" }).fill(summary);
    await adminPage.getByRole("button", { name: "Save changes" }).click();
    await expect(adminPage.getByText("Saved.")).toBeVisible();
    await publishAsAdmin(adminPage);

    const third = await exportMirror(dir, baseURL!);
    const after = hashes(dir);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(third.written).toBe(changed.length);
    expect(changed).toContain(kazakhLaw);
    expect(fs.readFileSync(path.join(dir, kazakhLaw), "utf8")).toContain(summary);
    // The words of the new summary, and the file of titles and snippets that holds the law.
    expect(changed.some((file) => file.startsWith("search/terms/"))).toBe(true);
    expect(changed.some((file) => file.startsWith("search/docs/"))).toBe(true);
    expect(changed).not.toContain("agents/sadyr-japarov/index.html");
    expect(third.written).toBeLessThan(Object.keys(after).length / 4);
    test.info().annotations.push({ type: "rewritten after one publication", description: changed.join(", ") });
  });
});

type Counts = { written: number; unchanged: number; removed: number };

/** Runs the command as a user would, and reads its summary line. */
async function exportMirror(dir: string, url: string): Promise<Counts> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/export-static.ts", dir, "--url", url],
    { cwd: root },
  );
  expect(stderr, "the export warns of nothing").toBe("");
  const match = /(\d+) written, (\d+) unchanged, (\d+) removed/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  const [written, unchanged, removed] = match!.slice(1).map(Number);
  return { written: written!, unchanged: unchanged!, removed: removed! };
}

/** A plain static file server: files under the prefix, nothing else, no rewrites. */
async function serveStatic(dir: string, prefix: string): Promise<http.Server> {
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
  };
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url!, "http://x").pathname);
    const file = path.join(dir, pathname.slice(prefix.length));
    const inside = pathname.startsWith(prefix) && file.startsWith(dir + path.sep);
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end("Not found");
      return;
    }
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

function walk(dir: string, under = ""): string[] {
  return fs.readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const relative = under ? `${under}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(dir, relative) : [relative];
  });
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    walk(dir)
      .filter((file) => !file.startsWith("."))
      .map((file) => [
        file,
        createHash("sha256")
          .update(fs.readFileSync(path.join(dir, file)))
          .digest("hex"),
      ]),
  );
}

/** A published law of a jurisdiction whose title starts so, as the read API lists it now. */
async function currentLaw(baseURL: string, jurisdiction: string, title: string) {
  const response = await fetch(new URL(`/api/v1/laws?jurisdiction=${jurisdiction}&limit=100`, baseURL));
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: { title: string; url: string }[] };
  const law = data.find((l) => l.title.startsWith(title));
  if (!law) throw new Error(`No published law of ${jurisdiction} titled "${title}…"`);
  return law;
}
