/**
 * Citation records for the founding example (DESIGN.md). Titles are our own descriptions of the
 * items, not quotations; an address is left empty where we have not verified it.
 */
export type DemoSource = { title: string; url: string; note: string };

export const demoSources: DemoSource[] = [
  {
    title: "Kyrgyzstan adopts law rehabilitating victims of Soviet-era repression",
    url: "",
    note:
      "News report credited to TRT. It reports that the president signed the law on rehabilitating citizens " +
      "repressed for political reasons in the Soviet period, initiated in January 2023 and adopted by the " +
      "Zhogorku Kenesh in December 2024.",
  },
  {
    title: "Commentary comparing Kyrgyzstan's rehabilitation law with Kazakhstan and Uzbekistan",
    url: "",
    note:
      "Opinion piece signed by its author and written for a media office. It compares the Kyrgyz law with " +
      "Kazakhstan's 1993 law and with Uzbekistan, where it states 856 people had been acquitted. The author " +
      "and the media office are still to be recorded here from the original.",
  },
];
