import type { laws } from "../schema";

/**
 * Demo content from the founding example (DESIGN.md). Summaries are written by the Marginalia
 * editors and say where each fact comes from; no third-party text is reproduced.
 */
export const demoLaws: (typeof laws.$inferInsert)[] = [
  {
    slug: "kg-rehabilitation-of-victims-of-soviet-political-repression",
    jurisdictionCode: "KG",
    title: "Law of the Kyrgyz Republic on the rehabilitation of victims of political repression of the Soviet period",
    summary:
      "Rehabilitates citizens repressed for political reasons in the Soviet period: people convicted under the " +
      "RSFSR Criminal Code, which applied in Kyrgyzstan until 1961, and people subjected to repression decided " +
      "between 1917 and 1953, including under the “Red Terror” decree, in the fight against the Basmachi and " +
      "for “signs of a kulak economy”. The bill was initiated in January 2023 and adopted by the Zhogorku " +
      "Kenesh in December 2024; the president then signed it. Summary by the Marginalia editors from a news " +
      "report credited to TRT.",
    status: "adopted",
    publishedAt: new Date("2025-01-15T09:00:00Z"),
  },
  {
    slug: "kz-1993-rehabilitation-of-victims-of-mass-political-repression",
    jurisdictionCode: "KZ",
    title: "Law of the Republic of Kazakhstan “On the rehabilitation of victims of mass political repression” (1993)",
    summary:
      "Kazakhstan's 1993 law on the rehabilitation of victims of mass political repression, cited in commentary " +
      "on the Kyrgyz law as the earlier regional point of comparison. Summary by the Marginalia editors.",
    status: "in_force",
    publishedAt: new Date("2025-01-14T09:00:00Z"),
  },
];
