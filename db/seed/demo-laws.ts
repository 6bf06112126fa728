/**
 * Laws of the founding example (DESIGN.md), as the law form would submit them. Summaries are
 * written by the Marginalia editors and say where each fact comes from; no third-party text is
 * reproduced. Dates are given at the precision the sources give them.
 */
export const kyrgyzLaw = {
  jurisdictionCode: "KG",
  type: "law",
  status: "adopted",
  slug: "rehabilitation-of-victims-of-soviet-political-repression",
  titles: [
    {
      lang: "en",
      title: "Law of the Kyrgyz Republic on the rehabilitation of victims of political repression of the Soviet period",
    },
  ],
  preferredTitle: 0,
  periods: [{ startYear: 1917, endYear: 1953 }],
  summary:
    "Rehabilitates citizens repressed for political reasons in the Soviet period: people convicted under the " +
    "RSFSR Criminal Code, which applied in Kyrgyzstan until 1961, and people subjected to repression decided " +
    "between 1917 and 1953, including under the “Red Terror” decree, in the fight against the Basmachi and " +
    "for “signs of a kulak economy”.\n\nThe bill was initiated in January 2023 and adopted by the Jogorku " +
    "Kenesh in December 2024; the president then signed it.\n\n*Summary by the Marginalia editors from a news " +
    "report credited to TRT.*",
  topicSlugs: ["political-repression", "rehabilitation", "red-terror", "basmachi-movement", "dekulakization"],
  sourceTitles: ["Kyrgyzstan adopts law rehabilitating victims of Soviet-era repression"],
  events: [
    { kind: "initiated", date: "2023-01", agentSlug: null, note: "The bill was initiated." },
    { kind: "adopted", date: "2024-12", agentSlug: "jogorku-kenesh", note: "" },
    {
      kind: "signed",
      date: "",
      agentSlug: "sadyr-japarov",
      note: "Signed by the president after adoption; the report does not give the date.",
    },
  ],
};

export const kazakhLaw = {
  jurisdictionCode: "KZ",
  type: "law",
  status: "in_force",
  slug: "on-the-rehabilitation-of-victims-of-mass-political-repression-1993",
  titles: [
    { lang: "en", title: "On the rehabilitation of victims of mass political repression" },
    { lang: "ru", title: "О реабилитации жертв массовых политических репрессий" },
  ],
  preferredTitle: 0,
  periods: [],
  summary:
    "Kazakhstan's 1993 law on the rehabilitation of victims of mass political repression. Commentary on the " +
    "Kyrgyz law of 2024 compares the two.\n\n*Summary by the Marginalia editors.*",
  topicSlugs: ["political-repression", "rehabilitation"],
  sourceTitles: [] as string[],
  events: [{ kind: "adopted", date: "1993", agentSlug: "supreme-council-of-the-republic-of-kazakhstan", note: "" }],
};

export const demoLaws = [kyrgyzLaw, kazakhLaw];
