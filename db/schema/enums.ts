import { pgEnum } from "drizzle-orm/pg-core";

export const roles = ["contributor", "editor", "admin"] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum("role", roles);

export const lawStatuses = ["bill", "adopted", "in_force", "amended", "repealed"] as const;
export type LawStatus = (typeof lawStatuses)[number];
export const lawStatusEnum = pgEnum("law_status", lawStatuses);

export const datePrecisionEnum = pgEnum("date_precision", ["year", "month", "day"]);

export const jurisdictionKinds = ["country", "historical", "subdivision", "international"] as const;
export type JurisdictionKind = (typeof jurisdictionKinds)[number];
export const jurisdictionKindEnum = pgEnum("jurisdiction_kind", jurisdictionKinds);

export const agentKinds = [
  "person",
  "legislature",
  "government_body",
  "media_outlet",
  "publisher",
  "movement",
  "other",
] as const;
export type AgentKind = (typeof agentKinds)[number];
export const agentKindEnum = pgEnum("agent_kind", agentKinds);

export const lawTypes = ["law", "decree", "code", "resolution", "bill", "other"] as const;
export type LawType = (typeof lawTypes)[number];
export const lawTypeEnum = pgEnum("law_type", lawTypes);

export const lawEventKinds = [
  "initiated",
  "reading",
  "adopted",
  "returned",
  "signed",
  "published",
  "in_force",
  "amended",
  "repealed",
  "other",
] as const;
export type LawEventKind = (typeof lawEventKinds)[number];
export const lawEventKindEnum = pgEnum("law_event_kind", lawEventKinds);

export const lawRelationKinds = ["amends", "repeals", "implements", "cites", "comparable"] as const;
export type LawRelationKind = (typeof lawRelationKinds)[number];
export const lawRelationKindEnum = pgEnum("law_relation_kind", lawRelationKinds);

export const articleKinds = ["news", "opinion", "analysis", "statement"] as const;
export type ArticleKind = (typeof articleKinds)[number];
export const articleKindEnum = pgEnum("article_kind", articleKinds);
