import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { statusMarker, storedPageStatus } from "@/lib/http/stored-page.mjs";
import { Withdrawn } from "@/components/public/withdrawn";

// The pages stored whole are served without the proxy; their status comes from their own markup.
describe("the status a stored page is served with", () => {
  it("is 410 Gone, not indexed, for a withdrawn item's page", () => {
    const html = renderToStaticMarkup(createElement(Withdrawn, { noun: "law", detail: "Withdrawn by the editors." }));
    expect(storedPageStatus(html)).toEqual({ status: 410, headers: { "x-robots-tag": "noindex" } });
  });

  it("is a permanent redirect to the new address for an old one", () => {
    // The element components/public/moved.tsx renders (its client part needs Next's router).
    const html = renderToStaticMarkup(
      createElement("meta", { name: statusMarker, content: "308 /laws/kg/renamed-law" }),
    );
    expect(storedPageStatus(html)).toEqual({ status: 308, headers: { location: "/laws/kg/renamed-law" } });
  });

  it("is the page's own (200) for any other page, whatever its text says", () => {
    const quoted = renderToStaticMarkup(createElement("p", null, '<meta name="marginalia:status" content="410"/>'));
    expect(storedPageStatus(quoted)).toBeNull();
    expect(storedPageStatus("<html><body><h1>A law</h1></body></html>")).toBeNull();
  });
});
