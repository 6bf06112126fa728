import { expect, test } from "vitest";
import type { PublicArticle } from "@/modules/public/article";
import { articleJsonLd, jsonLdScript, lawJsonLd } from "@/modules/public/json-ld";
import { lawView } from "@/modules/public/law-view";

const law = lawView(
  {
    schemaVersion: 3,
    slug: "rehabilitation",
    jurisdictionCode: "KG",
    type: "law",
    status: "in_force",
    title: "On the rehabilitation of victims of political repression",
    summary: "",
    titles: [
      { lang: "en", title: "On the rehabilitation of victims of political repression", preferred: true },
      { lang: "ky", title: "Саясий куугунтуктун курмандыктарын актоо жөнүндө", preferred: false },
    ],
    identifiers: [{ registry: "Ministry of Justice", value: "No. 123" }],
    periods: [],
    topics: [],
    sources: [],
    events: [
      {
        id: 1,
        kind: "adopted",
        agentId: 7,
        agentName: "Jogorku Kenesh",
        note: "",
        accounts: [
          {
            id: 1,
            date: { date: "2024-11-20", precision: "day", approximate: false },
            sourceId: null,
            sourceTitle: null,
            preferred: true,
            note: "",
          },
        ],
      },
    ],
    texts: [],
    relations: [],
    attachments: [],
  },
  {
    id: 1,
    jurisdictionName: "Kyrgyzstan",
    publishedAt: new Date("2026-11-27T00:00:00Z"),
    related: [],
    discussions: [],
    agents: new Map([[7, { id: 7, name: "Jogorku Kenesh", path: "/agents/jogorku-kenesh" }]]),
  },
);

test("a law is schema.org Legislation with its jurisdiction, identifier, date, passing body and force", () => {
  expect(lawJsonLd(law, "https://archive.example/laws/kg/rehabilitation")).toEqual({
    "@context": "https://schema.org",
    "@type": "Legislation",
    name: "On the rehabilitation of victims of political repression",
    alternateName: ["Саясий куугунтуктун курмандыктарын актоо жөнүндө"],
    legislationIdentifier: "No. 123",
    legislationJurisdiction: { "@type": "AdministrativeArea", name: "Kyrgyzstan" },
    legislationDate: "2024-11-20",
    legislationPassedBy: { "@type": "Organization", name: "Jogorku Kenesh" },
    legislationLegalForce: "https://schema.org/InForce",
    dateModified: "2026-11-27T00:00:00.000Z",
    url: "https://archive.example/laws/kg/rehabilitation",
  });
});

test("an opinion piece is an OpinionNewsArticle, a report a NewsArticle, an analysis an AnalysisNewsArticle", () => {
  const article = {
    articleKind: "opinion",
    title: "A commentary",
    lang: "en",
    authors: [{ id: 1, name: "A. Author", path: "/agents/a-author" }],
    publisher: { id: 2, name: "A paper", path: "/agents/a-paper" },
    originalDate: { date: "2024-12-01", precision: "month", approximate: false },
    originalUrl: "https://paper.example/a-commentary",
    laws: [{ title: "A law", path: "/laws/kg/a-law" }],
  } as unknown as PublicArticle;
  const ld = articleJsonLd(article, "https://archive.example/articles/a-commentary", "https://archive.example");
  expect(ld).toMatchObject({
    "@type": "OpinionNewsArticle",
    headline: "A commentary",
    author: [{ "@type": "Person", name: "A. Author" }],
    publisher: { "@type": "Organization", name: "A paper" },
    datePublished: "2024-12",
    isBasedOn: "https://paper.example/a-commentary",
    about: [{ "@type": "Legislation", name: "A law", url: "https://archive.example/laws/kg/a-law" }],
  });
  expect(articleJsonLd({ ...article, articleKind: "news" }, "u", "o")["@type"]).toBe("NewsArticle");
  expect(articleJsonLd({ ...article, articleKind: "analysis" }, "u", "o")["@type"]).toBe("AnalysisNewsArticle");
});

test("the script's JSON cannot close the script element, and still parses to the same data", () => {
  const data = { name: "</script><script>alert(1)</script>" };
  const text = jsonLdScript(data);
  expect(text).not.toContain("</script>");
  expect(JSON.parse(text)).toEqual(data);
});
