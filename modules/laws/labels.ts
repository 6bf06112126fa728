import {
  lawEventKinds,
  lawRelationKinds,
  lawStatuses,
  lawTypes,
  type LawEventKind,
  type LawRelationKind,
  type LawStatus,
  type LawType,
} from "@/db/schema/vocabulary";

export const lawTypeLabels: Record<LawType, string> = {
  law: "Law",
  decree: "Decree",
  code: "Code",
  resolution: "Resolution",
  bill: "Bill",
  other: "Other instrument",
};

export const lawStatusLabels: Record<LawStatus, string> = {
  bill: "Bill",
  adopted: "Adopted",
  in_force: "In force",
  amended: "Amended",
  repealed: "Repealed",
};

export const lawEventKindLabels: Record<LawEventKind, string> = {
  initiated: "Initiated",
  reading: "Reading",
  adopted: "Adopted",
  returned: "Returned or vetoed",
  signed: "Signed",
  published: "Officially published",
  in_force: "Entered into force",
  amended: "Amended",
  repealed: "Repealed",
  other: "Other",
};

/** Each relation read from both sides: "amends" on one law is "amended by" on the other. */
export const lawRelationLabels: Record<LawRelationKind, { outgoing: string; incoming: string }> = {
  amends: { outgoing: "Amends", incoming: "Amended by" },
  repeals: { outgoing: "Repeals", incoming: "Repealed by" },
  implements: { outgoing: "Implements", incoming: "Implemented by" },
  succeeds: { outgoing: "Succeeds", incoming: "Succeeded by" },
  cites: { outgoing: "Cites", incoming: "Cited by" },
  comparable: { outgoing: "Comparable to", incoming: "Comparable to" },
  related: { outgoing: "Related act", incoming: "Related act" },
};

/** Relations that read the same from either law: recorded once, whichever law they were added on. */
export const symmetricLawRelations: ReadonlySet<LawRelationKind> = new Set(["comparable", "related"]);

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((value) => ({ value, label: labels[value] }));

export const lawTypeOptions = options(lawTypes, lawTypeLabels);
export const lawStatusOptions = options(lawStatuses, lawStatusLabels);
export const lawEventKindOptions = options(lawEventKinds, lawEventKindLabels);
export const lawRelationOptions = lawRelationKinds.map((value) => ({
  value,
  label: lawRelationLabels[value].outgoing,
}));
