import { agentKinds, type AgentKind } from "@/db/schema/vocabulary";

export const agentKindLabels: Record<AgentKind, string> = {
  person: "Person",
  legislature: "Legislature",
  government_body: "Head of state or government body",
  media_outlet: "Media outlet",
  publisher: "Publisher",
  movement: "Movement or party",
  other: "Other",
};

export const agentKindOptions = agentKinds.map((value) => ({ value, label: agentKindLabels[value] }));

export const agentSortOptions = [
  { value: "name", label: "Name" },
  { value: "updated", label: "Recently updated" },
] as const;

export type AgentSort = (typeof agentSortOptions)[number]["value"];
