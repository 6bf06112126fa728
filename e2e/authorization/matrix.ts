/**
 * Who may call each server action and route handler, and how everyone else is refused. One row
 * per door of the inventory (e2e/authorization/inventory.ts); e2e/authorization-matrix.spec.ts
 * calls each door as every column and checks the cell.
 */

export const columns = [
  "anonymous",
  "contributor",
  "editor",
  "admin",
  /** An admin whose account was deactivated, calling with the cookie they still hold. */
  "deactivated",
  /** A copy of an admin's session cookie, kept from before they signed out with the app's button. */
  "signedOut",
  /** The same, signed out through next-auth's own endpoint (POST /api/auth/signout). */
  "signedOutViaAuthEndpoint",
] as const;
export type Column = (typeof columns)[number];

export type Cell =
  /** The call goes through and does what it is for. */
  | "allowed"
  /** `{ ok: false, code: "unauthenticated" }`, nothing changed; a route that is posted to: 401. */
  | "unauthenticated"
  /** `{ ok: false, code: "forbidden" }`, nothing changed; a route that is posted to: 403. */
  | "forbidden"
  /** A picker's search answers no options (an empty list or a refusal), nothing changed. */
  | "no-results"
  /** The action returns nothing either way; refused, it changes nothing. */
  | "silent"
  /** Sent to /login. */
  | "login"
  /** A public answer, the same as an anonymous reader gets. */
  | "public"
  /** GET /api/auth/session reports no signed-in user. */
  | "no-session"
  | { notApplicable: string };

export type Row = {
  cells: Record<Column, Cell>;
  /** An allowed call that does nothing for a reason checked after the guard: the code it answers. */
  passesGuardWith?: string;
  note?: string;
};

const notSignedIn = {
  anonymous: "unauthenticated",
  deactivated: "unauthenticated",
  signedOut: "unauthenticated",
  signedOutViaAuthEndpoint: "unauthenticated",
} as const;
const notSignedInSearch = {
  anonymous: "no-results",
  deactivated: "no-results",
  signedOut: "no-results",
  signedOutViaAuthEndpoint: "no-results",
} as const;

/** Everyone signed in: contributors draft, editors and admins too. */
const writers: Row["cells"] = { ...notSignedIn, contributor: "allowed", editor: "allowed", admin: "allowed" };
/** Deleting or removing what the admin made: only editors and admins may delete someone else's. */
const othersDeleters: Row["cells"] = { ...notSignedIn, contributor: "forbidden", editor: "allowed", admin: "allowed" };
/** Reviewing: editors and admins. */
const reviewers: Row["cells"] = { ...notSignedIn, contributor: "forbidden", editor: "allowed", admin: "allowed" };
/** Vocabularies and accounts: admins only. */
const admins: Row["cells"] = { ...notSignedIn, contributor: "forbidden", editor: "forbidden", admin: "allowed" };
/** A picker's search: anyone signed in; refused, it finds nothing. */
const searchers: Row["cells"] = { ...notSignedInSearch, contributor: "allowed", editor: "allowed", admin: "allowed" };
/** A public route: the same answer for everyone, whoever they are signed in as. */
const everyone: Row["cells"] = {
  anonymous: "public",
  contributor: "public",
  editor: "public",
  admin: "public",
  deactivated: "public",
  signedOut: "public",
  signedOutViaAuthEndpoint: "public",
};
const allAllowed: Row["cells"] = {
  anonymous: "allowed",
  contributor: "allowed",
  editor: "allowed",
  admin: "allowed",
  deactivated: "allowed",
  signedOut: "allowed",
  signedOutViaAuthEndpoint: "allowed",
};

export const matrix: Record<string, Row> = {
  "app/admin/agents/actions.ts#saveAgentAction": { cells: writers },
  "app/admin/agents/actions.ts#deleteAgentAction": { cells: othersDeleters },
  "app/admin/agents/actions.ts#searchAgentsAction": { cells: searchers },
  "app/admin/agents/actions.ts#createAgentInlineAction": { cells: writers },
  "app/admin/attachments/actions.ts#attachFilesAction": { cells: writers },
  "app/admin/attachments/actions.ts#updateAttachmentAction": { cells: writers },
  "app/admin/attachments/actions.ts#detachAttachmentAction": { cells: othersDeleters },
  "app/admin/annotations/actions.ts#createAnnotationAction": { cells: writers },
  "app/admin/annotations/actions.ts#updateAnnotationAction": { cells: writers },
  "app/admin/annotations/actions.ts#reattachAnnotationAction": { cells: writers },
  "app/admin/annotations/actions.ts#deleteAnnotationAction": { cells: othersDeleters },
  "app/admin/annotations/actions.ts#proposeFoundPassageAction": {
    cells: writers,
    passesGuardWith: "conflict",
    note: "allowed: past the guard, the placement check answers that the annotation has not drifted",
  },
  "app/admin/annotations/actions.ts#searchArticlesAction": { cells: searchers },
  "app/admin/annotations/actions.ts#searchPassagesAction": { cells: searchers },
  "app/admin/articles/actions.ts#saveArticleAction": { cells: writers },
  "app/admin/articles/actions.ts#deleteArticleAction": { cells: othersDeleters },
  "app/admin/articles/actions.ts#searchLawsAction": { cells: searchers },
  "app/admin/figures/actions.ts#saveFigureAction": { cells: writers },
  "app/admin/figures/actions.ts#deleteFigureAction": { cells: othersDeleters },
  "app/admin/figures/actions.ts#approveFigureAction": {
    cells: reviewers,
    note: "approving a figure someone else saved, for readers",
  },
  "app/admin/history/actions.ts#restoreRevisionAction": { cells: writers },
  "app/admin/jurisdictions/actions.ts#saveJurisdictionAction": { cells: admins },
  "app/admin/jurisdictions/actions.ts#deleteJurisdictionAction": { cells: admins },
  "app/admin/jump-actions.ts#findRecordsAction": { cells: searchers },
  "app/admin/laws/actions.ts#saveLawAction": { cells: writers },
  "app/admin/laws/actions.ts#deleteLawAction": { cells: othersDeleters },
  "app/admin/laws/actions.ts#createLawInlineAction": { cells: writers },
  "app/admin/laws/event-actions.ts#saveEventAction": { cells: writers },
  "app/admin/laws/event-actions.ts#removeEventAction": {
    cells: writers,
    note: "an edit of the law (a new revision, undone from its history), not the deletion of an item",
  },
  "app/admin/laws/event-actions.ts#moveEventAction": {
    cells: {
      ...writers,
      ...{ anonymous: "silent", deactivated: "silent", signedOut: "silent", signedOutViaAuthEndpoint: "silent" },
    },
  },
  "app/admin/laws/period-actions.ts#savePeriodAction": { cells: writers },
  "app/admin/laws/period-actions.ts#removePeriodAction": {
    cells: writers,
    note: "an edit of the law (a new revision, undone from its history), not the deletion of an item",
  },
  "app/admin/laws/relation-actions.ts#addRelationAction": { cells: writers },
  "app/admin/laws/relation-actions.ts#removeRelationAction": {
    cells: writers,
    note: "an edit of the law it starts from, on that law's working revision",
  },
  "app/admin/laws/relation-actions.ts#searchRelatedLawsAction": { cells: searchers },
  "app/admin/laws/text-actions.ts#addTextVersionAction": { cells: writers },
  "app/admin/laws/text-actions.ts#updateTextVersionAction": { cells: writers },
  "app/admin/laws/text-actions.ts#removeTextVersionAction": { cells: othersDeleters },
  "app/admin/laws/text-actions.ts#loadTextVersionAction": { cells: writers },
  "app/admin/sources/actions.ts#saveSourceAction": { cells: writers },
  "app/admin/sources/actions.ts#deleteSourceAction": { cells: othersDeleters },
  "app/admin/sources/actions.ts#captureSourceAction": { cells: writers },
  "app/admin/sources/actions.ts#searchSourcesAction": { cells: searchers },
  "app/admin/sources/actions.ts#createSourceInlineAction": { cells: writers },
  "app/admin/topics/actions.ts#saveTopicAction": { cells: admins },
  "app/admin/topics/actions.ts#deleteTopicAction": { cells: admins },
  "app/admin/topics/actions.ts#searchTopicsAction": { cells: searchers },
  "app/admin/topics/actions.ts#createTopicInlineAction": { cells: admins },
  "app/admin/users/actions.ts#createUserAction": { cells: admins },
  "app/admin/users/actions.ts#changeRoleAction": { cells: admins },
  "app/admin/users/actions.ts#setActiveAction": { cells: admins },
  "app/admin/users/actions.ts#resetPasswordAction": { cells: admins },
  "app/admin/workflow/actions.ts#moveItemAction": {
    cells: reviewers,
    note: "approving someone else's change; a contributor may only submit",
  },
  "app/admin/workflow/actions.ts#bulkMoveAction": {
    cells: writers,
    note: "a bulk submit; publishing and withdrawing need a reviewer, and moveItem checks each item",
  },
  "app/admin/workflow/actions.ts#assignItemAction": {
    cells: reviewers,
    note: "assigning an item to a reviewer (modules/workflow/assign.ts)",
  },
  "app/admin/workflow/actions.ts#bulkAssignAction": {
    cells: reviewers,
    note: "assigning the ticked rows of a list to a reviewer",
  },
  "app/admin/workflow/actions.ts#addCommentAction": { cells: writers },
  "app/admin/workflow/actions.ts#resolveCommentAction": { cells: writers },
  "app/admin/workflow/actions.ts#searchMergeTargetsAction": {
    cells: { ...notSignedInSearch, contributor: "no-results", editor: "allowed", admin: "allowed" },
    note: "only a reviewer withdraws, so only a reviewer searches where to send readers",
  },
  "app/admin/saved-views/actions.ts#saveViewAction": { cells: writers },
  "app/admin/saved-views/actions.ts#deleteViewAction": {
    cells: writers,
    passesGuardWith: "not_found",
    note: "a view is its owner's alone: the matrix's view is the maker's, so each caller finds none (tests/saved-views.test.ts)",
  },
  "app/login/actions.ts#signInAction": { cells: allAllowed, note: "public: signing in, whoever holds which cookie" },
  "app/admin/sign-out.ts#signOutAction": {
    cells: {
      ...allAllowed,
      anonymous: "login",
      deactivated: "login",
      signedOut: "login",
      signedOutViaAuthEndpoint: "login",
    },
    note: "allowed: the caller's sessions end and they are sent to /login; without a session, only the latter",
  },

  "GET /api/auth/[...nextauth]": {
    cells: {
      anonymous: "no-session",
      contributor: "allowed",
      editor: "allowed",
      admin: "allowed",
      deactivated: "no-session",
      signedOut: "no-session",
      signedOutViaAuthEndpoint: "no-session",
    },
    note: "GET /api/auth/session: reports the user only while their session holds",
  },
  "POST /api/auth/[...nextauth]": {
    cells: Object.fromEntries(
      columns.map((column) => [
        column,
        {
          notApplicable:
            "next-auth's sign-in and sign-out endpoints, open to all by design; the suite signs every session in through POST /api/auth/callback/credentials and signs one out through POST /api/auth/signout",
        },
      ]),
    ) as Row["cells"],
  },
  "GET /api/preview": {
    cells: {
      ...writers,
      anonymous: "login",
      deactivated: "login",
      signedOut: "login",
      signedOutViaAuthEndpoint: "login",
    },
    note: "allowed: draft mode is turned on and the item's public address opened",
  },
  "GET /api/preview/exit": { cells: everyone },
  "GET /api/v1/annotations": { cells: everyone },
  "GET /api/v1/annotations/[id]": { cells: everyone },
  "GET /api/v1/laws": { cells: everyone },
  "GET /api/v1/laws/[jurisdiction]/[slug]": { cells: everyone },
  "GET /api/v1/agents": { cells: everyone },
  "GET /api/v1/agents/[slug]": { cells: everyone },
  "GET /api/v1/articles": { cells: everyone },
  "GET /api/v1/articles/[slug]": { cells: everyone },
  "GET /api/v1/openapi.json": { cells: everyone },
  "GET /api/v1/topics": { cells: everyone },
  "GET /api/v1/topics/[slug]": { cells: everyone },
  "GET /api/v1/jurisdictions": { cells: everyone },
  "GET /api/v1/jurisdictions/[code]": { cells: everyone },
  "GET /api/v1/figures": { cells: everyone },
  "GET /api/v1/figures/[id]": { cells: everyone },
  "GET /api/v1/search": { cells: everyone },
  "GET /api/v1/sources": { cells: everyone },
  "GET /api/v1/sources/[id]": { cells: everyone },
  "GET /feed.xml": { cells: everyone },
  "GET /robots.txt": { cells: everyone },
  "GET /sitemap.xml": { cells: everyone },
  "POST /admin/import/run": {
    cells: reviewers,
    note: "the import page's upload: a 401 or 403 with a JSON error; allowed, a dry run's report streamed as JSON lines",
  },
  "GET /files/[sha256]/[name]": {
    cells: everyone,
    note: "a file no one stored: the same 404 for everyone; a draft's or an internal file: e2e/attachments-files.spec.ts",
  },
  "POST /admin/attachments/upload": {
    cells: writers,
    note: "a file for attaching: a 401 or 403 with a JSON error; allowed, the stored file as JSON",
  },
};
