import { describe, expect, test } from "vitest";
import { cssUrls, sitemapLocations, staticHtml } from "@/modules/system/static-mirror/html";
import { fileName, mirrorTarget, relativeLink, searchLink } from "@/modules/system/static-mirror/paths";

const fileOf = (address: string) => {
  const url = new URL(address, "http://site");
  const target = mirrorTarget(url.pathname, url.searchParams);
  return target.kind === "file" ? target.file : target.kind;
};

describe("where an address lives in the mirror", () => {
  test("a page is a folder's index.html, with an explicit file name", () => {
    expect(fileOf("/")).toBe("index.html");
    expect(fileOf("/laws")).toBe("laws/index.html");
    expect(fileOf("/laws/")).toBe("laws/index.html");
    expect(fileOf("/laws/kg/rehabilitation")).toBe("laws/kg/rehabilitation/index.html");
    expect(fileOf("/agents/sadyr-japarov")).toBe("agents/sadyr-japarov/index.html");
  });

  test("the query parameters that make a view are in the file name, in one order", () => {
    expect(fileOf("/laws?page=2")).toBe("laws/index.page-2.html");
    expect(fileOf("/laws?page=1")).toBe("laws/index.html");
    expect(fileOf("/laws?jurisdiction=kg")).toBe("laws/index.jurisdiction-kg.html");
    expect(fileOf("/laws?page=3&topic=red-terror")).toBe(fileOf("/laws?topic=red-terror&page=3"));
    expect(fileOf("/laws?status=in_force")).toBe("laws/index.status-in_force.html");
    expect(fileOf("/articles?kind=news&page=2")).toBe("articles/index.kind-news.page-2.html");
    expect(fileOf("/laws/kg/x?text=5&version=3")).toBe("laws/kg/x/index.text-5.version-3.html");
  });

  test("a combination of filters points at the unfiltered index; other parameters are dropped", () => {
    expect(fileOf("/laws?jurisdiction=kg&topic=red-terror&page=2")).toBe("laws/index.html");
    expect(fileOf("/laws?jurisdiction=kg&sort=title")).toBe("laws/index.html");
    expect(fileOf("/articles?kind=news&agent=trt")).toBe("articles/index.html");
    expect(fileOf("/laws?utm_source=x")).toBe("laws/index.html");
    expect(fileOf("/agents/trt?tab=laws")).toBe("agents/trt/index.html");
  });

  test("assets, feeds and the JSON dump", () => {
    expect(fileOf("/_next/static/chunks/a1.css")).toBe("assets/chunks/a1.css");
    expect(fileOf("/_next/static/media/inter_latin.woff2")).toBe("assets/media/inter_latin.woff2");
    expect(fileOf("/icon.svg?icon.3_btbw.svg")).toBe("icon.svg");
    expect(fileOf("/feed.xml")).toBe("feed.xml");
    expect(fileOf("/feed.xml?kind=law")).toBe("feed.kind-law.xml");
    expect(fileOf("/sitemap.xml")).toBe("sitemap.xml");
    expect(fileOf("/api/v1/laws")).toBe("data/laws.json");
    expect(fileOf("/api/v1/laws/kg/x")).toBe("data/laws/kg/x.json");
    expect(fileOf("/api/v1/openapi.json")).toBe("data/openapi.json");
  });

  test("the search, and what the mirror leaves to the live site", () => {
    expect(mirrorTarget("/search", "q=Zhaparov&type=agent")).toEqual({ kind: "search", q: "Zhaparov" });
    for (const address of ["/login", "/admin/laws", "/api/auth/csrf", "/preview/laws/kg/x", "/index-views/laws/all"])
      expect(fileOf(address)).toBe("outside");
  });

  test("names that are not safe everywhere are escaped, so two addresses never share a file", () => {
    expect(fileName("/topics/репрессии", [])).toBe(
      "topics/~D1~80~D0~B5~D0~BF~D1~80~D0~B5~D1~81~D1~81~D0~B8~D0~B8/index.html",
    );
    expect(fileName("/topics/a%20b", [])).toBe("topics/a~20b/index.html");
    expect(fileName("/topics/a~20b", [])).toBe("topics/a~7E20b/index.html");
    expect(fileName("/laws", [["q", "a.b"]])).toBe("laws/index.q-a~2Eb.html");
    expect(fileName("/laws", [["q", "a-b"]])).not.toBe(fileName("/laws", [["q-a", "b"]]));
  });

  test("the request keeps only the parameters the file stands for", () => {
    expect(mirrorTarget("/laws", "sort=title&utm=1")).toEqual({
      kind: "file",
      file: "laws/index.sort-title.html",
      request: "/laws?sort=title",
    });
    expect(mirrorTarget("/_next/static/chunks/a.js")).toEqual({
      kind: "file",
      file: "assets/chunks/a.js",
      request: "/_next/static/chunks/a.js",
    });
  });
});

describe("relative links", () => {
  test("from one file to another, through the folders between them", () => {
    expect(relativeLink("laws/kg/x/index.html", "laws/index.html")).toBe("../../index.html");
    expect(relativeLink("laws/kg/x/index.html", "agents/trt/index.html")).toBe("../../../agents/trt/index.html");
    expect(relativeLink("index.html", "laws/index.html")).toBe("laws/index.html");
    expect(relativeLink("laws/index.html", "laws/index.page-2.html")).toBe("index.page-2.html");
    expect(relativeLink("laws/kg/x/index.html", "laws/kg/x/index.html", "#note-2")).toBe("index.html#note-2");
    expect(searchLink("laws/index.html", "Жапаров Садыр")).toBe(
      "../search/index.html?q=%D0%96%D0%B0%D0%BF%D0%B0%D1%80%D0%BE%D0%B2+%D0%A1%D0%B0%D0%B4%D1%8B%D1%80",
    );
    expect(searchLink("search/index.html", "")).toBe("index.html");
  });
});

describe("static HTML", () => {
  const page = [
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
    '<script src="/_next/static/chunks/b.js" async=""></script>',
    '<script type="application/ld+json">{"@type":"Legislation"}</script></head>',
    '<body><a href="/laws?jurisdiction=kg&amp;page=2">Laws</a><a href="#main">Skip</a>',
    '<a href="https://24.kg/x">Source</a><img src="/icon.svg" srcset="/a.png 1x, /b.png 2x"/>',
    "<p>Text with href=&quot;/x&quot; in it</p>",
    '<script>self.__next_f.push([1,"</div>"])</script></body></html>',
  ].join("");
  const links: string[] = [];
  const html = staticHtml(page, (raw) => {
    links.push(raw);
    return raw.startsWith("/") ? `mirror${raw}` : null;
  });

  test("Next's scripts and their preloads go; structured data and styles stay", () => {
    expect(html).not.toMatch(/__next_f|chunks\/b\.js/);
    expect(html).toContain('<script type="application/ld+json">{"@type":"Legislation"}</script>');
    expect(html).toContain('<link rel="stylesheet" href="mirror/_next/static/chunks/a.css"/>');
  });

  test("every address in an attribute is rewritten, unescaped for the callback and escaped again", () => {
    expect(links).toContain("/laws?jurisdiction=kg&page=2");
    expect(html).toContain('<a href="mirror/laws?jurisdiction=kg&amp;page=2">');
    expect(html).toContain('srcset="mirror/a.png 1x, mirror/b.png 2x"');
    expect(html).toContain('<a href="#main">');
    expect(html).toContain('<a href="https://24.kg/x">');
    expect(html).toContain("<p>Text with href=&quot;/x&quot; in it</p>");
  });

  test("stylesheet addresses and the sitemap's locations", () => {
    expect(
      cssUrls(
        "a{src:url(../media/a.woff2) format('woff2')}b{background:url(\"/x.png\")}c{x:url(data:image/png;base64,AA)}",
      ),
    ).toEqual(["../media/a.woff2", "/x.png"]);
    expect(sitemapLocations("<urlset><url><loc>https://a.org/laws?x=1&amp;y=2</loc></url></urlset>")).toEqual([
      "https://a.org/laws?x=1&y=2",
    ]);
  });
});

describe("static HTML of hostile text", () => {
  test("a tag written as text is left alone, and a `>` in an attribute value does not end the tag", () => {
    const html = staticHtml(
      '<p>&#x3C;img src="x" onerror=y></p><a title="a > b" href="/laws">Laws</a>',
      (raw) => `m${raw}`,
    );
    expect(html).toBe('<p>&#x3C;img src="x" onerror=y></p><a title="a > b" href="m/laws">Laws</a>');
  });
});
