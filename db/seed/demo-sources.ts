/**
 * Citation records for the founding example (DESIGN.md). Titles are our own descriptions of the
 * items, not quotations; an address is left empty where we have not verified it.
 */
export type DemoSource = { title: string; url: string; note: string };

export const demoSources: DemoSource[] = [
  {
    title: "Parliament passes bill on rehabilitation of victims of political repression",
    url: "https://24.kg/english/311752_Parliament_passes_bill_on_rehabilitation_of_victims_of_political_repression/",
    note:
      "24.kg, 20 November 2024. Parliament unanimously adopted an agreed version after the president returned " +
      "the bill with objections; cites official data of 18,000 repressed citizens in the republic.",
  },
  {
    title: "Sadyr Japarov signs law on rehabilitation of victims of political repressions",
    url: "https://24.kg/english/315873_Sadyr_Japarov_signs_law_on_rehabilitation_of_victims_of_political_repressions/",
    note: "24.kg, 31 December 2024. Reports the signature and that Parliament adopted the law on 20 November 2024.",
  },
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
