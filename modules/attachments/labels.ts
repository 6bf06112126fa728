import type { AttachmentRole } from "@/db/schema/vocabulary";

/** What each role reads as, for editors and readers alike. */
export const attachmentRoleLabels: Record<AttachmentRole, string> = {
  official_publication: "Official publication",
  scan: "Scan",
  translation: "Translation",
  capture: "Captured page",
  snapshot: "Snapshot of a captured page",
  editorial: "Editors' document",
  other: "Other document",
};
