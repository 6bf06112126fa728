import type { jurisdictions } from "../schema";

/**
 * ISO 3166 codes for current states; SU (ISO 3166-3's USSR), RSFSR and KIRSSR for the historical
 * ones, each after the state that succeeded it (a successor must exist first).
 */
export const demoJurisdictions: (typeof jurisdictions.$inferInsert)[] = [
  {
    code: "KG",
    name: "Kyrgyzstan",
    kind: "country",
    startYear: 1991,
    otherNames: [
      { name: "Kyrgyz Republic", lang: "en" },
      { name: "Кыргызстан", lang: "ky" },
      { name: "Киргизия", lang: "ru" },
    ],
  },
  {
    code: "KZ",
    name: "Kazakhstan",
    kind: "country",
    startYear: 1991,
    otherNames: [
      { name: "Republic of Kazakhstan", lang: "en" },
      { name: "Қазақстан", lang: "kk" },
      { name: "Казахстан", lang: "ru" },
    ],
  },
  {
    code: "UZ",
    name: "Uzbekistan",
    kind: "country",
    startYear: 1991,
    otherNames: [
      { name: "Oʻzbekiston", lang: "uz-Latn" },
      { name: "Узбекистан", lang: "ru" },
    ],
  },
  {
    code: "RU",
    name: "Russian Federation",
    kind: "country",
    startYear: 1991,
    otherNames: [{ name: "Российская Федерация", lang: "ru" }],
  },
  {
    code: "KIRSSR",
    name: "Kirghiz Soviet Socialist Republic",
    kind: "historical",
    startYear: 1936,
    endYear: 1991,
    successorCode: "KG",
    otherNames: [{ name: "Киргизская ССР", lang: "ru" }],
  },
  {
    code: "SU",
    name: "Soviet Union (USSR)",
    kind: "historical",
    startYear: 1922,
    endYear: 1991,
    otherNames: [{ name: "СССР", lang: "ru" }],
  },
  {
    code: "RSFSR",
    name: "Russian Soviet Federative Socialist Republic",
    kind: "historical",
    startYear: 1917,
    endYear: 1991,
    successorCode: "RU",
    otherNames: [{ name: "РСФСР", lang: "ru" }],
  },
];
