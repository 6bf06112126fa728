import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import nodeFsModule from "next/dist/server/lib/node-fs-methods.js";
// @ts-expect-error: a plain .mjs that Next loads itself (no types)
import PageCache from "@/lib/cache/page-cache.mjs";
import { enableServedRenderings } from "@/lib/cache/served-renderings.mjs";

type Control = { expire(tags: string[]): Promise<void> };
type Stored = { value: { html: string } } | null;

const { nodeFs } = nodeFsModule as unknown as { nodeFs: unknown };
const context = { kind: "APP_PAGE", isRoutePPREnabled: true, isFallback: false };
const store = { cacheControl: { revalidate: 900, expire: undefined }, ...context };

let cache: {
  get(key: string, ctx: typeof context): Promise<Stored>;
  set(key: string, page: unknown, ctx: typeof store): Promise<void>;
};
let control: Control;

/** A law page as Next hands it to the cache, carrying the law's tag. */
const page = (html: string, tag: string) => ({
  kind: "APP_PAGE",
  html: `<!DOCTYPE html><html><body>${html}</body></html>`,
  rscData: Buffer.from(html),
  headers: { "x-next-cache-tags": tag },
  status: 200,
});

/**
 * Next stamps a stored copy with Date.now() and an expiry with the performance clock, which here
 * differ by a few milliseconds, and an expiry rounded up to its millisecond takes effect only when
 * the clock reaches it: events closer than that are not ordered by them.
 */
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeAll(async () => {
  // The expiring "use cache" handler that `next start` loads, with the count the page cache reads.
  // @ts-expect-error: a plain .mjs that Next loads itself (no types)
  await import("@/lib/cache/data-cache.mjs");
  control = (globalThis as Record<symbol, Control | undefined>)[Symbol.for("marginalia.cache")]!;
  cache = new PageCache({
    fs: nodeFs,
    flushToDisk: false,
    serverDistDir: mkdtempSync(path.join(tmpdir(), "page-cache-")),
    maxMemoryCacheSize: 8 * 1024 * 1024,
    revalidatedTags: [],
  });
});

afterAll(() => enableServedRenderings(false));
afterEach(() => vi.restoreAllMocks());

describe.each([
  ["a law page (Next's store)", "/test/$/laws/kg/law-", "law:"],
  ["a search view (the bounded store)", "/test/$/index-views/search/words-", "search:"],
])("%s rendered across a publication", (_, keyPrefix, tagPrefix) => {
  test("a render that read before the expiry is not stored after it: the next reader gets the new page", async () => {
    const key = `${keyPrefix}a`;
    const tag = `${tagPrefix}a`;
    expect(await cache.get(key, context)).toBeNull();
    // The render reads the old text, the editor publishes, the render ends.
    await aMoment();
    await control.expire([tag]);
    await aMoment();
    await cache.set(key, page("old text", tag), store);
    expect(await cache.get(key, context)).toBeNull();

    await cache.set(key, page("new text", tag), store);
    expect((await cache.get(key, context))?.value.html).toContain("new text");
  });

  test("a render that began after the expiry is stored, though readers were served the old copy before it", async () => {
    const key = `${keyPrefix}b`;
    const tag = `${tagPrefix}b`;
    expect(await cache.get(key, context)).toBeNull();
    await cache.set(key, page("old text", tag), store);
    expect((await cache.get(key, context))?.value.html).toContain("old text");

    await aMoment();
    await control.expire([tag]);
    await aMoment();
    expect(await cache.get(key, context)).toBeNull();
    await cache.set(key, page("new text", tag), store);
    expect((await cache.get(key, context))?.value.html).toContain("new text");
  });

  test("any expiry counts, a publication being rare: a render across one is not kept, the next one is", async () => {
    const key = `${keyPrefix}c`;
    const tag = `${tagPrefix}c`;
    expect(await cache.get(key, context)).toBeNull();
    await control.expire([`${tagPrefix}unrelated`]);
    await aMoment();
    await cache.set(key, page("text", tag), store);
    expect(await cache.get(key, context)).toBeNull();
    await cache.set(key, page("text", tag), store);
    expect((await cache.get(key, context))?.value.html).toContain("text");
  });

  test("a copy stored before a publication is stale though the wall clock runs ahead of the one expiries are stamped with", async () => {
    const key = `${keyPrefix}d`;
    const tag = `${tagPrefix}d`;
    // Seconds apart, as on a virtual machine whose wall clock was stepped after the server started.
    const wallClock = Date.now.bind(Date);
    vi.spyOn(Date, "now").mockImplementation(() => wallClock() + 5_000);
    expect(await cache.get(key, context)).toBeNull();
    await cache.set(key, page("old text", tag), store);
    expect((await cache.get(key, context))?.value.html).toContain("old text");
    await aMoment();
    await control.expire([tag]);
    expect(await cache.get(key, context)).toBeNull();
    await cache.set(key, page("new text", tag), store);
    expect((await cache.get(key, context))?.value.html).toContain("new text");
  });
});
