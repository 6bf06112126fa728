/**
 * Articles and figures of the founding example (DESIGN.md): our own summaries, with the source each
 * one credits. The commentary is labelled opinion; the archive records it and does not endorse it.
 */
export const demoArticles = [
  {
    kind: "news",
    slug: "kyrgyzstan-president-signs-law-rehabilitating-victims-of-soviet-repression",
    title: "Kyrgyzstan's president signs law rehabilitating victims of Soviet-era political repression",
    lang: "en",
    creditedAgentSlug: "trt",
    lawSlugs: ["rehabilitation-of-victims-of-soviet-political-repression"],
    topicSlugs: ["rehabilitation", "political-repression"],
    jurisdictionCodes: ["KG"],
    sourceTitles: ["Kyrgyzstan adopts law rehabilitating victims of Soviet-era repression"],
    body:
      "Kyrgyzstan's president has signed a law that rehabilitates citizens repressed for political reasons in " +
      "the Soviet period, according to a report credited to TRT.\n\nThe law covers people convicted under the " +
      "RSFSR Criminal Code, which applied in Kyrgyzstan until 1961, and repression decided between 1917 and " +
      "1953: under the “Red Terror” decree, in the fight against the Basmachi, for “signs of a kulak economy” " +
      "and under other acts. The bill was initiated in January 2023 and adopted by the Jogorku Kenesh in " +
      "December 2024.\n\n*Summary by the Marginalia editors; the original report is credited to TRT.*",
  },
  {
    kind: "opinion",
    slug: "commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours",
    title: "Commentary: Kyrgyzstan's rehabilitation law and its neighbours",
    lang: "en",
    creditedAgentSlug: null,
    lawSlugs: [
      "rehabilitation-of-victims-of-soviet-political-repression",
      "on-the-rehabilitation-of-victims-of-mass-political-repression-1993",
    ],
    topicSlugs: ["rehabilitation"],
    jurisdictionCodes: ["KG", "KZ", "UZ"],
    sourceTitles: ["Commentary comparing Kyrgyzstan's rehabilitation law with Kazakhstan and Uzbekistan"],
    body:
      "An opinion piece on the Kyrgyz law compares it with Kazakhstan's 1993 law “On the rehabilitation of " +
      "victims of mass political repression” and with Uzbekistan, where, it states, 856 people had been " +
      "acquitted, and argues a view of its own on the Kyrgyz law.\n\nThe original is signed by its author and " +
      "was written for a media office; the editors have still to record that attribution here.\n\n*Summary by " +
      "the Marginalia editors. The archive records this commentary; it does not endorse it.*",
  },
];

export const demoFigures = [
  {
    label: "Citizens repressed in Kyrgyzstan, according to official data",
    jurisdictionCode: "KG",
    unit: "people",
    note: "Official data cited by 24.kg on 20 November 2024; the date the count refers to is not given.",
    accounts: [
      {
        value: "18000",
        asOf: "",
        sourceTitle: "Parliament passes bill on rehabilitation of victims of political repression",
      },
    ],
  },
  {
    label: "People acquitted in Uzbekistan in the rehabilitation of victims of Soviet-era repression",
    jurisdictionCode: "UZ",
    unit: "people",
    note: "As stated in the commentary comparing the Kyrgyz law with its neighbours; the date it refers to is not given.",
    accounts: [
      {
        value: "856",
        asOf: "",
        sourceTitle: "Commentary comparing Kyrgyzstan's rehabilitation law with Kazakhstan and Uzbekistan",
      },
    ],
  },
];
