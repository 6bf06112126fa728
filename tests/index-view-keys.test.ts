import { describe, expect, test, vi } from "vitest";
import { indexViewKeys, plainIndexRewrites } from "@/lib/index-view-keys";
import { articlesIndexQuery } from "@/modules/public/articles-index-url";
import { indexViewRewrite } from "@/modules/public/index-page-view";
import { lawIndexQuery } from "@/modules/public/law-index-url";
import { searchQuery } from "@/modules/public/search-url";
import { config } from "@/proxy";

// The proxy's own work is not run here: only its matcher is read.
vi.mock("@/modules/auth/session", () => ({ requestContext: vi.fn() }));

const rewrite = (address: string) => {
  const url = new URL(address, "http://archive.test");
  return indexViewRewrite(url.pathname, url.searchParams);
};

// What the proxy's matcher sends to it: the pattern for every other path, and the entries with a condition.
const matcherPattern = new RegExp(`^${String(config.matcher[0])}$`);
const conditional = config.matcher.filter((entry) => typeof entry === "object");

/** Whether a request for `address` runs the proxy, as Next decides from the matcher. */
function proxied(address: string): boolean {
  const url = new URL(address, "http://archive.test");
  if (matcherPattern.test(url.pathname)) return true;
  return conditional.some(
    (entry) =>
      new RegExp(`^${entry.source.replace(/:index\(([^)]+)\)/, "($1)")}$`).test(url.pathname) &&
      entry.has?.every((condition) => condition.type === "query" && url.searchParams.has(condition.key)),
  );
}

describe("index pages without the proxy", () => {
  test("the keys are exactly those of the indexes' query schemas: a key left out would show the plain view for a filtered address", () => {
    const schemaKeys = new Set([
      ...Object.keys(lawIndexQuery.shape),
      ...Object.keys(articlesIndexQuery.shape),
      // Search without words is the plain view whatever its filters (index-page-view.ts `normalize`).
      "q",
    ]);
    expect(new Set(indexViewKeys)).toEqual(schemaKeys);
    expect(Object.keys(searchQuery.shape)).toContain("q");
  });

  test("each plain view the config rewrites to is the one the proxy would choose, whatever other parameters come", () => {
    const rewrites = plainIndexRewrites();
    expect(rewrites.map((r) => r.source).sort()).toEqual([
      "/",
      "/articles",
      "/jurisdictions",
      "/laws",
      "/search",
      "/topics",
    ]);
    for (const { source, destination, missing } of rewrites) {
      expect(rewrite(source), source).toBe(destination);
      expect(rewrite(`${source}?utm_source=newsletter&fbclid=x`), source).toBe(destination);
      expect(missing.map((m) => m.key)).toEqual(indexViewKeys);
    }
    // Search's filters without words are its plain view too.
    expect(rewrite("/search?jurisdiction=kg&page=3")).toBe("/index-views/search/all");
  });

  test("the proxy sees an index page exactly when a key names a view, and every other page it saw before", () => {
    for (const plain of ["/", "/laws", "/articles", "/search", "/topics", "/jurisdictions", "/laws?utm_source=x"])
      expect(proxied(plain), plain).toBe(false);
    for (const index of ["/laws", "/articles", "/search"])
      for (const key of indexViewKeys) expect(proxied(`${index}?${key}=x`), `${index}?${key}=`).toBe(true);
    for (const other of ["/admin", "/login", "/index-views/laws/all", "/lawsuit", "/laws/kg", "/preview/laws/kg/a"])
      expect(proxied(other), other).toBe(true);
  });
});
