/**
 * Laws of the founding example (DESIGN.md), as the law form would submit them. Summaries are
 * written by the Marginalia editors and say where each fact comes from; no third-party text is
 * reproduced. Dates are given at the precision the sources give them.
 */
const trtReport = "Kyrgyzstan adopts law rehabilitating victims of Soviet-era repression";
const kgAdopted = "Parliament passes bill on rehabilitation of victims of political repression";
const kgSigned = "Sadyr Japarov signs law on rehabilitation of victims of political repressions";

type DemoEvent = {
  kind: string;
  agentSlug: string | null;
  note: string;
  /** One source's date each; the first is the preferred one. */
  accounts: { date: string; sourceTitle?: string; note?: string }[];
};

type DemoPeriod = { accounts: { start: string; end: string }[] };

export const kyrgyzLaw = {
  jurisdictionCode: "KG",
  type: "law",
  status: "adopted",
  slug: "rehabilitation-of-victims-of-soviet-political-repression",
  // The act's title as reported in English (24.kg); it amends the law on rehabilitated citizens.
  titles: [{ lang: "en", title: "On Amendments to Certain Legislative Acts of the Kyrgyz Republic" }],
  preferredTitle: 0,
  // The span the summary names; one account, with no source of its own.
  periods: [{ accounts: [{ start: "1917", end: "1953" }] }] as DemoPeriod[],
  summary:
    "Amends the Law “On the Rights and Guarantees of Rehabilitated Citizens Who Suffered as a Result of " +
    "Repression for Political and Religious Beliefs, on Social, National and Other Grounds” and the Law “On " +
    "the National Archival Fund of the Kyrgyz Republic”. It rehabilitates people convicted for political " +
    "reasons under the RSFSR Criminal Code, which applied in Kyrgyzstan until 1961, and treats as political " +
    "repression decisions of Soviet authorities and organizations taken between 1917 and 1953, including " +
    "under the “Red Terror” decree, in the fight against the Basmachi and for “signs of a kulak economy”. " +
    "People whose prosecution for treason in the Second World War is borne out by their case files are not " +
    "rehabilitated.\n\nThe bill was initiated in January 2023. The president returned it with objections; " +
    "Parliament adopted an agreed version, which the president signed. The sources differ on the month of " +
    "adoption: see the history below.\n\n*Summary by the Marginalia editors from reports by 24.kg and a news " +
    "report credited to TRT.*",
  topicSlugs: ["political-repression", "rehabilitation", "red-terror", "basmachi-movement", "dekulakization"],
  sourceTitles: [trtReport, kgAdopted, kgSigned],
  events: [
    { kind: "initiated", agentSlug: null, note: "", accounts: [{ date: "2023-01", sourceTitle: trtReport }] },
    {
      kind: "returned",
      agentSlug: "sadyr-japarov",
      note: "The president returned the bill to Parliament with objections, among them its cost, before the agreed version was adopted.",
      accounts: [{ date: "", sourceTitle: kgAdopted }],
    },
    {
      kind: "adopted",
      agentSlug: "jogorku-kenesh",
      note: "An agreed version, adopted unanimously.",
      accounts: [
        { date: "2024-11-20", sourceTitle: kgAdopted },
        { date: "2024-12", sourceTitle: trtReport },
      ],
    },
    {
      kind: "signed",
      agentSlug: "sadyr-japarov",
      note: "",
      accounts: [{ date: "2024-12", sourceTitle: kgSigned, note: "Reported on 31 December 2024." }],
    },
  ] satisfies DemoEvent[] as DemoEvent[],
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
  periods: [] as DemoPeriod[],
  summary:
    "Kazakhstan's 1993 law on the rehabilitation of victims of mass political repression. Commentary on the " +
    "Kyrgyz law of 2024 compares the two.\n\n*Summary by the Marginalia editors.*",
  topicSlugs: ["political-repression", "rehabilitation"],
  sourceTitles: [] as string[],
  events: [
    {
      kind: "adopted",
      agentSlug: "supreme-council-of-the-republic-of-kazakhstan",
      note: "",
      accounts: [{ date: "1993" }],
    },
  ] as DemoEvent[],
};

export const demoLaws = [kyrgyzLaw, kazakhLaw];
