import { describe, expect, test } from "vitest";
import { renderMarkdown } from "@/lib/markdown";

/** Script injection attempts, as Markdown, as raw HTML and as mixtures of both. */
const payloads = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "Text <script>alert(1)</script> inline",
  "<img src=x onerror=alert(1)>",
  '<img/src="x"/onerror=alert(1)>',
  '<img src="x" onerror  =  "alert(1)">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<body onload=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<input onfocus=alert(1) autofocus>",
  '<a href="#" onclick="alert(1)">x</a>',
  '<a href="#" OnMouseOver="alert(1)">x</a>',
  "<div onpointerenter=alert(1) ONCLICK=alert(2) oNkEyDoWn=alert(3)>x</div>",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  '[click](javascript:alert(1) "a title")',
  "[click](<javascript:alert(1)>)",
  "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  "[click](&#x6A;avascript&colon;alert(1))",
  "[click](java&#x09;script:alert(1))",
  "[click](jav&#x0A;ascript:alert(1))",
  "[click][ref]\n\n[ref]: javascript:alert(1)",
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="javascript&#58;alert(1)">x</a>',
  '<a href="&#14;javascript:alert(1)">x</a>',
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](DATA:text/html,<script>alert(1)</script>)",
  "[click](vbscript:msgbox(1))",
  "[click](VBScript:msgbox(1))",
  "![img](javascript:alert(1))",
  "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "<javascript:alert(1)>",
  "<vbscript:msgbox(1)>",
  "<data:text/html,<script>alert(1)</script>>",
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="width: expression(alert(1))">x</div>',
  "<style>@import 'javascript:alert(1)';</style>",
  "<!--><script>alert(1)</script>-->",
  "<!-- --!><img src=x onerror=alert(1)> -->",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  "> quote <img src=x onerror=alert(1)>\n\n- item [x](javascript:alert(1))",
  "| a |\n|---|\n| <svg onload=alert(1)> [x](javascript:alert(1)) |",
];

const forbiddenTags =
  /<\s*\/?\s*(script|iframe|object|embed|svg|math|style|form|base|meta|link|body|input|img\s[^>]*onerror)\b/i;
const tagPattern = /<([a-z][a-z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/gi;
const attributePattern = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

function decode(value: string): string {
  return value
    .replace(/^["']|["']$/g, "")
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&quot;/gi, '"')
    .replace(/&amp;/gi, "&");
}

/** Every attribute of every tag in the output, values decoded as a browser would. */
function attributes(html: string): { tag: string; name: string; value: string }[] {
  const found: { tag: string; name: string; value: string }[] = [];
  for (const [, tag, attrs] of html.matchAll(tagPattern)) {
    for (const [, name, value] of (attrs ?? "").matchAll(attributePattern)) {
      found.push({ tag: tag!.toLowerCase(), name: name!.toLowerCase(), value: decode(value ?? "") });
    }
  }
  return found;
}

/** What in a piece of HTML could run script: the list is empty for safe output. */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push("script tag");
  if (forbiddenTags.test(html)) found.push("forbidden tag");
  for (const { tag, name, value } of attributes(html)) {
    if (/^on/.test(name)) found.push(`<${tag} ${name}>`);
    if (/^(style|srcdoc|formaction|action|data)$/.test(name)) found.push(`<${tag} ${name}>`);
    // Browsers ignore control characters and spaces inside a scheme.
    const squeezed = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
    if (/^(javascript|vbscript|data):/.test(squeezed)) found.push(`<${tag} ${name}="${value}">`);
  }
  // Not even anywhere inside a tag.
  for (const [tagText] of html.matchAll(/<[^>]+>/g)) {
    if (/javascript:|vbscript:|data:/.test(tagText.toLowerCase().replace(/[\u0000-\u0020]/g, ""))) {
      found.push(tagText);
    }
  }
  return found;
}

describe("renderMarkdown keeps scripts out", () => {
  test("the list is long enough to mean something", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(25);
  });

  test("the check itself catches unsafe HTML", () => {
    expect(unsafeParts('<a href="java&#x09;script:alert(1)">x</a>')).not.toEqual([]);
    expect(unsafeParts('<img src="x" OnError="alert(1)">')).not.toEqual([]);
    expect(unsafeParts('<a href="&#x64;ata:text/html,x">x</a>')).not.toEqual([]);
    expect(unsafeParts("<iframe></iframe>")).not.toEqual([]);
    expect(unsafeParts('<p><a href="https://example.org">javascript: is text here</a></p>')).toEqual([]);
  });

  test.each(payloads)("%s", (payload) => {
    expect(unsafeParts(renderMarkdown(payload))).toEqual([]);
  });
});

describe("renderMarkdown renders what editors write", () => {
  test("headings and emphasis", () => {
    const html = renderMarkdown("# Title\n\n## Article 1\n\nSome *emphasis*, **strong** and ~~struck~~ text.");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<h2>Article 1</h2>");
    expect(html).toContain("<em>emphasis</em>");
    expect(html).toContain("<strong>strong</strong>");
    expect(html).toContain("<del>struck</del>");
  });

  test("lists and blockquotes", () => {
    const html = renderMarkdown("- one\n- two\n\n1. first\n2. second\n\n> quoted");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol>\s*<li>first<\/li>\s*<li>second<\/li>\s*<\/ol>/);
    expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
  });

  test("links: external ones open safely, relative ones and mail stay as they are", () => {
    const html = renderMarkdown(
      "[TRT](https://www.trtworld.com/) [law](/laws/kg) [note](#n1) [mail](mailto:editors@example.org) www.example.org",
    );
    expect(html).toContain('<a href="https://www.trtworld.com/" rel="noopener noreferrer">TRT</a>');
    expect(html).toContain('<a href="/laws/kg">law</a>');
    expect(html).toContain('<a href="#n1">note</a>');
    expect(html).toContain('<a href="mailto:editors@example.org">mail</a>');
    expect(html).toContain('<a href="http://www.example.org" rel="noopener noreferrer">www.example.org</a>');
  });

  test("a forbidden link keeps its text", () => {
    expect(renderMarkdown("[read this](javascript:alert(1))")).toBe("<p><a>read this</a></p>");
  });

  test("tables", () => {
    const html = renderMarkdown("| Country | Acquitted |\n| --- | ---: |\n| Uzbekistan | 856 |");
    expect(html).toContain("<table>");
    expect(html).toMatch(/<th>Country<\/th>/);
    expect(html).toMatch(/<td>Uzbekistan<\/td>/);
    expect(html).toMatch(/<td align="right">856<\/td>/);
  });

  test("code is shown, not run", () => {
    const html = renderMarkdown("Use `<script>` here.\n\n```html\n<script>alert(1)</script>\n```");
    expect(html).toContain("<code>&#x3C;script></code>");
    expect(html).toContain('<pre><code class="language-html">&#x3C;script>alert(1)&#x3C;/script>');
  });

  test("footnotes link to each other", () => {
    const html = renderMarkdown("Adopted in December.[^1]\n\n[^1]: Dates differ between sources.");
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(html).toContain('id="user-content-fnref-1"');
  });

  test("an empty source renders nothing", () => {
    expect(renderMarkdown("")).toBe("");
  });
});

describe("renderMarkdown keeps the page's own names and content safe", () => {
  test("every id it makes carries the user-content- prefix, so nothing clobbers the page's names", () => {
    const html = renderMarkdown(
      "Text with a note.[^1] And another.[^two]\n\n[^1]: First.\n[^two]: Second.\n\n## Heading",
    );
    const ids = [...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^user-content-/);
  });

  test("images load only over https, never plain http", () => {
    expect(renderMarkdown("![a](https://example.org/a.png)")).toContain('src="https://example.org/a.png"');
    expect(renderMarkdown("![b](http://example.org/b.png)")).not.toContain("http://example.org/b.png");
  });

  test("a protocol-relative link is treated as external", () => {
    expect(renderMarkdown("[x](//example.org/page)")).toContain('rel="noopener noreferrer"');
  });
});
