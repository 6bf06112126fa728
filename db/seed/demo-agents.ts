import type { AgentKind } from "../schema/enums";

export type DemoAgent = {
  slug: string;
  kind: AgentKind;
  preferredName: string;
  description: string;
  names: { name: string; lang: string }[];
};

/**
 * The people and organizations of the founding example (DESIGN.md). Descriptions are written by
 * the Marginalia editors; the other names are spellings and scripts a reader may search by.
 */
export const demoAgents: DemoAgent[] = [
  {
    slug: "sadyr-japarov",
    kind: "person",
    preferredName: "Sadyr Japarov",
    description:
      "President of the Kyrgyz Republic since January 2021. He returned the bill on the rehabilitation of " +
      "victims of Soviet-era political repression to Parliament with objections, and signed the agreed " +
      "version at the end of 2024.",
    names: [
      { name: "Zhaparov", lang: "en" },
      { name: "Sadyr Zhaparov", lang: "en" },
      { name: "Жапаров Садыр", lang: "ky" },
    ],
  },
  {
    slug: "jogorku-kenesh",
    kind: "legislature",
    preferredName: "Jogorku Kenesh",
    description:
      "The unicameral parliament of the Kyrgyz Republic. It adopted the law on the rehabilitation of " +
      "victims of Soviet-era political repression in late 2024.",
    names: [
      { name: "Zhogorku Kenesh", lang: "en" },
      { name: "Жогорку Кенеш", lang: "ky" },
      { name: "Supreme Council of the Kyrgyz Republic", lang: "en" },
    ],
  },
  {
    slug: "trt",
    kind: "media_outlet",
    preferredName: "TRT",
    description:
      "Türkiye's public broadcaster (Turkish Radio and Television Corporation). The news report on the " +
      "Kyrgyz rehabilitation law in the archive credits TRT as its source.",
    names: [{ name: "Türkiye Radyo-Televizyon Kurumu", lang: "tr" }],
  },
  {
    slug: "supreme-council-of-the-republic-of-kazakhstan",
    kind: "legislature",
    preferredName: "Supreme Council of the Republic of Kazakhstan",
    description:
      "The legislature of Kazakhstan in the first years of independence, until the Parliament of the " +
      "Republic of Kazakhstan replaced it in 1995. It adopted the law “On the rehabilitation of victims " +
      "of mass political repression” in 1993.",
    names: [
      { name: "Верховный Совет Республики Казахстан", lang: "ru" },
      { name: "Supreme Soviet of the Republic of Kazakhstan", lang: "en" },
    ],
  },
];
