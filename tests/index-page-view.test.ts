import { describe, expect, test } from "vitest";
import { indexView, indexViewRewrite, unnamedView } from "@/modules/public/index-page-view";
import { lawIndexQuery } from "@/modules/public/law-index-url";
import { searchQuery } from "@/modules/public/search-url";
// @ts-expect-error: a plain .mjs that Next loads itself (no types)
import { boundedStoreOf } from "@/lib/cache/page-cache.mjs";

const rewrite = (address: string) => {
  const url = new URL(address, "http://archive.test");
  return indexViewRewrite(url.pathname, url.searchParams);
};
const segment = (address: string) => String(rewrite(address)).split("/").pop()!;

describe("index addresses as stored views", () => {
  test("each index is rewritten to its internal path; other paths are left alone", () => {
    expect(rewrite("/")).toBe("/index-views/home/all");
    expect(rewrite("/topics")).toBe("/index-views/topics/all");
    expect(rewrite("/jurisdictions/")).toBe("/index-views/jurisdictions/all");
    expect(rewrite("/laws")).toBe("/index-views/laws/all");
    expect(rewrite("/articles")).toBe("/index-views/articles/all");
    expect(rewrite("/search")).toBe("/index-views/search/all");
    for (const other of ["/laws/kg/some-law", "/articles/a-slug", "/topics/rehabilitation", "/lawsuit", "/admin"])
      expect(rewrite(other), other).toBeNull();
  });

  test("the internal paths are not addresses", () => {
    for (const internal of ["/index-views", "/index-views/", "/index-views/laws/all", "/index-views/search/-"])
      expect(rewrite(internal), internal).toBe("not-found");
  });

  test("one view is one stored page, whatever the order, case, defaults and extra parameters", () => {
    const kz1993 = rewrite("/laws?jurisdiction=kz&year=1993");
    expect(kz1993).toMatch(/^\/index-views\/laws\/q[A-Za-z0-9_-]+$/);
    expect(rewrite("/laws?year=1993&jurisdiction=KZ")).toBe(kz1993);
    expect(rewrite("/laws?year=1993&jurisdiction=kz&sort=recent&page=1&utm_source=x&_rsc=abc")).toBe(kz1993);
    expect(rewrite("/laws?jurisdiction=kz&year=1993&page=2")).not.toBe(kz1993);
    expect(rewrite("/laws?jurisdiction=kz&year=1993&sort=title")).not.toBe(kz1993);
    // What the page drops as unreadable is not part of the view.
    expect(rewrite("/laws?status=__proto__&year=1e308&page=-1&jurisdiction=%00")).toBe("/index-views/laws/all");
    expect(rewrite("/articles?kind=gossip&page=x")).toBe("/index-views/articles/all");
    expect(rewrite("/?anything=1")).toBe("/index-views/home/all");
    expect(rewrite("/topics?page=2")).toBe("/index-views/topics/all");
  });

  test("a search is its words, spaced once; without words its filters show nothing and are dropped", () => {
    expect(rewrite("/search?q=")).toBe("/index-views/search/all");
    expect(rewrite("/search?type=law&jurisdiction=kg&page=3")).toBe("/index-views/search/all");
    expect(rewrite("/search?q=%00")).toBe("/index-views/search/all");
    expect(rewrite("/search?q=++rehabilitation+++law+")).toBe(rewrite("/search?q=rehabilitation+law"));
    expect(rewrite("/search?q=rehabilitation")).not.toBe(rewrite("/search?q=Rehabilitation"));
  });

  test("the page reads back exactly the query the proxy read, in any script and with any symbol", () => {
    for (const q of ["реабилитации жертв", `'%"<>:*&|!`, "a&type=law", "Žaparov"]) {
      const address = `/search?q=${encodeURIComponent(q)}&type=law&page=2`;
      expect(indexView("search", segment(address))).toEqual(searchQuery.parse({ q, type: "law", page: "2" }));
    }
    expect(indexView("laws", segment("/laws?topic=rehabilitation&year=1993&sort=year"))).toEqual(
      lawIndexQuery.parse({ topic: "rehabilitation", year: "1993", sort: "year" }),
    );
    expect(indexView("laws", "all")).toEqual(lawIndexQuery.parse({}));
    expect(indexView("home", "all")).toEqual({});
  });

  test("a segment the proxy would not make is no view: the page answers not-found", () => {
    const encode = (search: string) => `q${Buffer.from(search).toString("base64url")}`;
    for (const made of [
      unnamedView,
      "",
      "q",
      "q!!",
      encode("page=1"), // a default, which the proxy leaves out
      encode("year=1993&jurisdiction=KZ"), // out of order
      encode("jurisdiction=kz"), // not as the schema writes it
      encode("jurisdiction=KZ&utm=x"), // a parameter the page does not read
    ])
      expect(indexView("laws", made), made).toBeNull();
    expect(indexView("laws", encode("jurisdiction=KZ"))).toEqual(lawIndexQuery.parse({ jurisdiction: "KZ" }));
    // A view of one index is not a view of another.
    expect(indexView("home", segment("/laws?jurisdiction=kz"))).toBeNull();
  });

  test("the views readers can make up without end are stored in memory within a bound, the others like any page", () => {
    const key = (internal: string) => `/route-cache/APP_PAGE/0123abcd/$${internal}`;
    const search = boundedStoreOf(key(String(rewrite("/search?q=law"))));
    const laws = boundedStoreOf(key(String(rewrite("/laws?jurisdiction=kz"))));
    expect(search).toBeDefined();
    expect(laws).toBeDefined();
    expect(search).not.toBe(laws);
    expect(boundedStoreOf(key(String(rewrite("/articles?page=2"))))).toBe(laws);
    for (const other of [rewrite("/"), rewrite("/topics"), rewrite("/jurisdictions"), "/laws/kg/some-law"])
      expect(boundedStoreOf(key(String(other))), String(other)).toBeUndefined();
  });
});
