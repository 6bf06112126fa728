/**
 * The closed lists of the domain, as plain values: importable from the browser without drizzle.
 * db/schema/enums.ts turns them into PostgreSQL enums.
 */
export const roles = ["contributor", "editor", "admin"] as const;
export type Role = (typeof roles)[number];

export const lawStatuses = ["bill", "adopted", "in_force", "amended", "repealed"] as const;
export type LawStatus = (typeof lawStatuses)[number];

export const jurisdictionKinds = ["country", "historical", "subdivision", "international"] as const;
export type JurisdictionKind = (typeof jurisdictionKinds)[number];

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

export const lawTypes = ["law", "decree", "code", "resolution", "bill", "other"] as const;
export type LawType = (typeof lawTypes)[number];

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

export const lawRelationKinds = [
  "amends",
  "repeals",
  "implements",
  "succeeds",
  "cites",
  "comparable",
  "related",
] as const;
export type LawRelationKind = (typeof lawRelationKinds)[number];

export const articleKinds = ["news", "opinion", "analysis", "statement"] as const;
export type ArticleKind = (typeof articleKinds)[number];

/** Items that go through the editorial workflow (DESIGN.md, "Editorial workflow"). */
export const contentTypes = ["law", "article", "agent", "annotation"] as const;
export type ContentType = (typeof contentTypes)[number];

/** Where an item's working revision stands in review; `published` means it is the live one. */
export const reviewStates = ["draft", "in_review", "changes_requested", "approved", "published"] as const;
export type ReviewState = (typeof reviewStates)[number];

/** Whether readers see the item: its live revision, or a 410 once withdrawn or archived. */
export const visibilities = ["unpublished", "live", "withdrawn", "archived"] as const;
export type Visibility = (typeof visibilities)[number];

/** What an annotation does for the passage it marks (DESIGN.md, "annotation"). */
export const annotationKinds = [
  "context",
  "fact_check",
  "cross_reference",
  "translation",
  "correction",
  "note",
] as const;
export type AnnotationKind = (typeof annotationKinds)[number];

/** Who may ever read an annotation: readers once published, or only signed-in editors. */
export const annotationAudiences = ["public", "internal"] as const;
export type AnnotationAudience = (typeof annotationAudiences)[number];

/**
 * Where an annotation stands on one version of its text. `anchored`: on its passage (as made,
 * moved with its whole context, or confirmed by an editor); `drifted`: found by partial context or
 * a close match, waiting for an editor; `orphaned`: not found, kept with its old quote.
 */
export const anchorStates = ["anchored", "drifted", "orphaned"] as const;
export type AnchorState = (typeof anchorStates)[number];

/** What an attached file is to its item: the official publication, a scan, a capture of a source… */
export const attachmentRoles = [
  "official_publication",
  "scan",
  "translation",
  "capture",
  "snapshot",
  "editorial",
  "other",
] as const;
export type AttachmentRole = (typeof attachmentRoles)[number];

/** Where a stored file's text extraction stands; `no_text` is a scan without a text layer. */
export const extractionStates = ["pending", "running", "done", "no_text", "unsupported", "failed"] as const;
export type ExtractionState = (typeof extractionStates)[number];
