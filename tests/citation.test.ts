import { expect, test } from "vitest";
import { bibtexCitation, cslJsonCitation, plainCitation, type CitedLaw } from "@/modules/public/citation";

const law: CitedLaw = {
  title: "On the rehabilitation of victims of mass political repression",
  jurisdictionCode: "KZ",
  jurisdictionName: "Kazakhstan",
  year: 1993,
  identifier: "Law No. 2143-XII",
  slug: "on-the-rehabilitation-1993",
  version: 3,
  versionDate: new Date("2026-11-20T10:00:00Z"),
  permalink: "https://archive.example/laws/kz/on-the-rehabilitation-1993?version=3",
  accessed: new Date("2026-11-27T08:00:00Z"),
};

test("the plain citation names the law, where and when it is from, the exact version, and when it was read", () => {
  expect(plainCitation(law)).toBe(
    "On the rehabilitation of victims of mass political repression (Kazakhstan, 1993). Law No. 2143-XII. " +
      "Marginalia, version 3 of 20 November 2026. " +
      "https://archive.example/laws/kz/on-the-rehabilitation-1993?version=3 (accessed 27 November 2026).",
  );
  expect(plainCitation({ ...law, year: null, identifier: null })).toMatch(
    /^On the .* \(Kazakhstan\)\. Marginalia, version 3/,
  );
});

test("BibTeX keeps the title as written and escapes what BibTeX would read as commands", () => {
  const bib = bibtexCitation({ ...law, title: "Закон о реабилитации {жертв} 100% & more_" });
  expect(bib).toMatch(/^@misc\{marginalia-kz-on-the-rehabilitation-1993-v3,\n/);
  expect(bib).toContain("title = {{Закон о реабилитации \\{жертв\\} 100\\% \\& more\\_}}");
  expect(bib).toContain("year = {1993}");
  expect(bib).toContain("howpublished = {\\url{https://archive.example/laws/kz/on-the-rehabilitation-1993?version=3}}");
  expect(bib).toContain("urldate = {2026-11-27}");
  // Braces balance, so the entry parses.
  const depth = [...bib.replace(/\\[{}]/g, "")].reduce((d, c) => d + (c === "{" ? 1 : c === "}" ? -1 : 0), 0);
  expect(depth).toBe(0);
});

test("CSL-JSON is one legislation item with the version, the permalink and the access date", () => {
  const [item] = JSON.parse(cslJsonCitation(law)) as Record<string, unknown>[];
  expect(item).toEqual({
    id: "marginalia-kz-on-the-rehabilitation-1993-v3",
    type: "legislation",
    title: law.title,
    authority: "Kazakhstan",
    jurisdiction: "kz",
    issued: { "date-parts": [[1993]] },
    number: "Law No. 2143-XII",
    version: "3",
    "container-title": "Marginalia",
    URL: law.permalink,
    accessed: { "date-parts": [[2026, 11, 27]] },
  });
});
