import { jurisdictionKinds, type JurisdictionKind } from "@/db/schema/vocabulary";

export const jurisdictionKindLabels: Record<JurisdictionKind, string> = {
  country: "Country",
  historical: "Historical polity",
  subdivision: "Subdivision",
  international: "International body",
};

export const jurisdictionKindOptions = jurisdictionKinds.map((value) => ({
  value,
  label: jurisdictionKindLabels[value],
}));
