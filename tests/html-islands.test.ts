import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test, vi } from "vitest";
import { HtmlIsland } from "@/components/ui/html-island";
import { shareIslandHtml } from "@/lib/html-islands/keep";
import { keepIslandHtml, keptIslandHtml } from "@/lib/html-islands/store";

const island = (htmlKey: string) => renderToStaticMarkup(createElement(HtmlIsland, { htmlKey, className: "text" }));

describe("HTML islands", () => {
  test("the server rendering writes the HTML kept under the island's key", () => {
    const key = shareIslandHtml("<p>Article 1. Victims are rehabilitated.</p>");
    expect(island(key)).toBe(
      `<div class="text" data-island="${key}"><p>Article 1. Victims are rehabilitated.</p></div>`,
    );
  });

  test("the same HTML gets the same key, other HTML another", () => {
    expect(shareIslandHtml("<p>One</p>")).toBe(shareIslandHtml("<p>One</p>"));
    expect(shareIslandHtml("<p>One</p>")).not.toBe(shareIslandHtml("<p>Two</p>"));
  });

  test("in production an island whose HTML was not kept fails its render rather than go out empty", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(() => island("never-kept")).toThrow(/not kept/);
    vi.stubEnv("NODE_ENV", "development");
    expect(island("never-kept")).toBe('<div class="text" data-island="never-kept"></div>');
    vi.unstubAllEnvs();
  });

  test("an entry expires a minute after it was last kept", () => {
    const now = performance.now();
    keepIslandHtml("old", "<p>old</p>", now - 61_000);
    keepIslandHtml("fresh", "<p>fresh</p>", now);
    expect(keptIslandHtml("old")).toBeUndefined();
    expect(keptIslandHtml("fresh")).toBe("<p>fresh</p>");
  });

  test("beyond its budget the store lets the oldest entries go first", () => {
    const big = (c: string) => c.repeat(3_000_000); // 6 MB each as the store counts
    keepIslandHtml("a", big("a"));
    keepIslandHtml("b", big("b"));
    keepIslandHtml("a", big("a")); // kept again: now the newest
    keepIslandHtml("c", big("c"));
    expect(keptIslandHtml("b")).toBeUndefined();
    expect(keptIslandHtml("a")?.length).toBe(3_000_000);
    expect(keptIslandHtml("c")?.length).toBe(3_000_000);
  });
});
