import { afterEach, describe, expect, test, vi } from "vitest";
import { enableServedRenderings, forgetServedRenderings, servedRendering } from "@/lib/cache/served-renderings.mjs";

const rendering = (body: string) => ({ status: 200, contentType: "text/plain", body, etag: `"${body}"` });

/** A producer that counts its calls and answers the body it is given now. */
function source(initial: string) {
  let body = initial;
  const produce = vi.fn(async () => rendering(body));
  return { produce, set: (next: string) => (body = next) };
}

afterEach(() => {
  forgetServedRenderings();
  enableServedRenderings(false);
  vi.useRealTimers();
});

describe("renderings served again without the use-cache store", () => {
  test("off (next dev, tests), every request produces its rendering: nothing would forget it", async () => {
    const feed = source("v1");
    await servedRendering("feed all", feed.produce);
    feed.set("v2");
    expect((await servedRendering("feed all", feed.produce)).body).toBe("v2");
  });

  test("after the first request the same rendering is served without producing it again", async () => {
    enableServedRenderings();
    const feed = source("v1");
    expect((await servedRendering("feed all", feed.produce)).body).toBe("v1");
    feed.set("v2");
    expect((await servedRendering("feed all", feed.produce)).body).toBe("v1");
    expect(feed.produce).toHaveBeenCalledTimes(1);
  });

  test("an expiry forgets every rendering: the next request produces the new one", async () => {
    enableServedRenderings();
    const feed = source("v1");
    await servedRendering("feed all", feed.produce);
    feed.set("v2");
    forgetServedRenderings();
    expect((await servedRendering("feed all", feed.produce)).body).toBe("v2");
  });

  test("a rendering read while an expiry ran is served to its request but not kept", async () => {
    enableServedRenderings();
    let release!: () => void;
    const slow = vi.fn(
      () => new Promise<ReturnType<typeof rendering>>((resolve) => (release = () => resolve(rendering("old")))),
    );
    const inFlight = servedRendering("sitemap index", slow);
    forgetServedRenderings();
    release();
    expect((await inFlight).body).toBe("old");
    const fresh = source("new");
    expect((await servedRendering("sitemap index", fresh.produce)).body).toBe("new");
  });

  test("a rendering is asked for again after a minute, in case an expiry never came", async () => {
    enableServedRenderings();
    vi.useFakeTimers({ now: new Date("2026-12-03T12:00:00Z") });
    const robots = source("v1");
    await servedRendering("robots", robots.produce);
    robots.set("v2");
    vi.setSystemTime(new Date("2026-12-03T12:01:01Z"));
    expect((await servedRendering("robots", robots.produce)).body).toBe("v2");
  });

  test("the least recently served renderings go first past 16 MB", async () => {
    enableServedRenderings();
    const big = (name: string) => source(name.padEnd(6 * 1024 * 1024, "x"));
    const [a, b, c] = [big("a"), big("b"), big("c")];
    await servedRendering("a", a.produce);
    await servedRendering("b", b.produce);
    await servedRendering("a", a.produce);
    await servedRendering("c", c.produce);
    await servedRendering("a", a.produce);
    await servedRendering("b", b.produce);
    expect(a.produce).toHaveBeenCalledTimes(1);
    expect(b.produce).toHaveBeenCalledTimes(2);
  });
});
