import { pgEnum } from "drizzle-orm/pg-core";
import {
  roles,
  lawStatuses,
  jurisdictionKinds,
  agentKinds,
  lawTypes,
  lawEventKinds,
  lawRelationKinds,
  articleKinds,
  contentTypes,
  reviewStates,
  visibilities,
  annotationKinds,
  annotationAudiences,
  anchorStates,
  attachmentRoles,
  extractionStates,
} from "./vocabulary";

export * from "./vocabulary";

export const roleEnum = pgEnum("role", roles);
export const lawStatusEnum = pgEnum("law_status", lawStatuses);
export const datePrecisionEnum = pgEnum("date_precision", ["year", "month", "day"]);
export const jurisdictionKindEnum = pgEnum("jurisdiction_kind", jurisdictionKinds);
export const agentKindEnum = pgEnum("agent_kind", agentKinds);
export const lawTypeEnum = pgEnum("law_type", lawTypes);
export const lawEventKindEnum = pgEnum("law_event_kind", lawEventKinds);
export const lawRelationKindEnum = pgEnum("law_relation_kind", lawRelationKinds);
export const articleKindEnum = pgEnum("article_kind", articleKinds);
export const contentTypeEnum = pgEnum("content_type", contentTypes);
export const reviewStateEnum = pgEnum("review_state", reviewStates);
export const visibilityEnum = pgEnum("visibility", visibilities);
export const annotationKindEnum = pgEnum("annotation_kind", annotationKinds);
export const annotationAudienceEnum = pgEnum("annotation_audience", annotationAudiences);
export const anchorStateEnum = pgEnum("anchor_state", anchorStates);
export const attachmentRoleEnum = pgEnum("attachment_role", attachmentRoles);
export const extractionStateEnum = pgEnum("extraction_state", extractionStates);
