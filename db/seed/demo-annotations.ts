/**
 * An unofficial English synopsis of the Kyrgyz law, provision by provision, and the editors'
 * annotations on it. Both are written by the Marginalia editors from the reports the law cites as
 * sources (db/seed/demo-laws.ts); no text of the law itself is reproduced, and the synopsis says so.
 */
export const kyrgyzSynopsis = {
  lawSlug: "rehabilitation-of-victims-of-soviet-political-repression",
  lang: "en",
  body: [
    "*Unofficial synopsis by the Marginalia editors, from the reports cited as sources. It is not the text of the law.*",
    "## 1. Convictions under the RSFSR Criminal Code",
    "People convicted for political reasons under the RSFSR Criminal Code, which applied in Kyrgyzstan until 1961, are rehabilitated.",
    "## 2. Repression decided between 1917 and 1953",
    "Decisions of Soviet authorities and organizations taken between 1917 and 1953 are treated as political repression, including decisions under the “Red Terror” decree, in the fight against the Basmachi and for “signs of a kulak economy”.",
    "## 3. Exception",
    "People whose prosecution for treason in the Second World War is borne out by their case files are not rehabilitated.",
    "## 4. Archives",
    "The Law “On the National Archival Fund of the Kyrgyz Republic” is amended as well.",
  ].join("\n\n"),
};

const commentary = "commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours";
const kazakhLaw = "on-the-rehabilitation-of-victims-of-mass-political-repression-1993";

/** What a demo note is on, and what it links to: a law or article by slug, or an earlier demo note's passage. */
type Ref = { law: string } | { article: string };
type DemoAnnotation = {
  on: Ref;
  kind: "context" | "cross_reference" | "note";
  audience: "public" | "internal";
  quote: string;
  body: string;
  links: (Ref | { passage: number })[];
};

/** In the order they are made: a note may link to the passage of one before it. */
export const demoAnnotations: DemoAnnotation[] = [
  {
    on: { article: commentary },
    kind: "cross_reference",
    audience: "public",
    quote: "compares it with Kazakhstan's 1993 law",
    body: "Kazakhstan's 1993 law is in the archive.\n\n*Note by the Marginalia editors.*",
    links: [{ law: kazakhLaw }],
  },
  {
    on: { law: kyrgyzSynopsis.lawSlug },
    kind: "context",
    audience: "public",
    quote: "RSFSR Criminal Code, which applied in Kyrgyzstan until 1961",
    body:
      "The Kirghiz SSR applied the criminal code of the Russian SFSR until 1961, as the reports on the law " +
      "note; convictions under it are what this provision reaches.\n\n*Note by the Marginalia editors.*",
    links: [],
  },
  {
    on: { law: kyrgyzSynopsis.lawSlug },
    kind: "cross_reference",
    audience: "public",
    quote: "taken between 1917 and 1953",
    body:
      "The commentary on this law compares the period it covers with Kazakhstan's 1993 law on the " +
      "rehabilitation of victims of mass political repression.\n\n*Note by the Marginalia editors.*",
    links: [{ passage: 0 }, { law: kazakhLaw }],
  },
  {
    on: { law: kyrgyzSynopsis.lawSlug },
    kind: "note",
    audience: "internal",
    quote: "National Archival Fund",
    body: "Record what the archival amendments change once the official text is in the archive.",
    links: [],
  },
];
