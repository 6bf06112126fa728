import { describe, expect, test } from "vitest";
import { cachedResponse, rendering, sharedCacheControl } from "@/lib/http/cached-response";

const feed = rendering("<feed/>\n", "application/atom+xml; charset=utf-8");
const ask = (headers: Record<string, string> = {}) => new Request("http://site.test/feed.xml", { headers });

describe("a rendering", () => {
  test("carries a strong ETag from its bytes: the same body the same tag, another body another", () => {
    expect(feed.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(rendering("<feed/>\n", "text/plain").etag).toBe(feed.etag);
    expect(rendering("<feed />\n", "application/atom+xml; charset=utf-8").etag).not.toBe(feed.etag);
  });
});

describe("its response", () => {
  test("has the body, the content type, the ETag, the shared cache policy, a policy that allows nothing and the caller's headers", async () => {
    const response = cachedResponse(ask(), feed, { "access-control-allow-origin": "*" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<feed/>\n");
    expect(Object.fromEntries(response.headers)).toEqual({
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=0, s-maxage=1, stale-while-revalidate=59",
      // Not HTML: nothing to load or run, and nobody may frame it.
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "content-type": "application/atom+xml; charset=utf-8",
      etag: feed.etag,
    });
    expect(sharedCacheControl).toBe(response.headers.get("cache-control"));
  });

  test.each([
    ["its own tag", () => feed.etag],
    ["its tag among others", () => `"other", ${feed.etag} , "more"`],
    ["its tag stored as weak by a cache", () => `W/${feed.etag}`],
    ["any tag", () => "*"],
  ])("answers 304 with no body to a request holding %s", async (_name, ifNoneMatch) => {
    const response = cachedResponse(ask({ "if-none-match": ifNoneMatch() }), feed, {
      "access-control-allow-origin": "*",
    });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("etag")).toBe(feed.etag);
    expect(response.headers.get("cache-control")).toBe(sharedCacheControl);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  test("answers the whole body to a request holding another version", async () => {
    const older = rendering("<feed>older</feed>\n", feed.contentType);
    const response = cachedResponse(ask({ "if-none-match": older.etag }), feed);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<feed/>\n");
  });

  test("never answers 304 for an error: a 404 has no representation to keep", async () => {
    const missing = rendering("No such feed.\n", "text/plain; charset=utf-8", 404);
    const response = cachedResponse(ask({ "if-none-match": missing.etag }), missing);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("No such feed.\n");
    expect(response.headers.get("etag")).toBe(missing.etag);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
