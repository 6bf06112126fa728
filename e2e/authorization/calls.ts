/**
 * For each server action, a call with arguments that would really do something: the page the
 * browser posts from and the arguments it sends, on records the admin makes first where the call
 * changes or removes one. For each route handler, the address to fetch.
 */
import { Form } from "./caller";
import {
  Maker,
  articleBody,
  eventFields,
  fileFields,
  laws,
  noteFields,
  periodFields,
  textFields,
  unique,
  workflow,
  type Call,
} from "./maker";

/** A form post from a page, as `useActionState` sends it: the previous state, then the form. */
const formCall = (page: string, fields: Record<string, string | string[]>): Call => ({
  page,
  args: [null, new Form(fields)],
});

export const calls: Record<string, (m: Maker) => Promise<Call>> = {
  "app/admin/agents/actions.ts#saveAgentAction": async () =>
    formCall("/admin/agents/new", { kind: "person", preferredName: unique("agent"), description: "" }),
  "app/admin/attachments/actions.ts#attachFilesAction": async (m) => {
    const lawId = await m.law();
    const page = `/admin/laws/${lawId}`;
    return formCall(page, {
      ownerType: "law",
      ownerId: String(lawId),
      ...fileFields(await m.storedFile()),
      baseRevision: await m.revision(page),
    });
  },
  "app/admin/attachments/actions.ts#updateAttachmentAction": async (m) => {
    const lawId = await m.law();
    const id = await m.attachment(lawId);
    const page = `/admin/laws/${lawId}`;
    return formCall(page, {
      id: String(id),
      name: "renamed.txt",
      role: "other",
      capturedOn: "",
      baseRevision: await m.revision(page),
    });
  },
  "app/admin/attachments/actions.ts#detachAttachmentAction": async (m) => {
    const lawId = await m.law();
    const id = await m.attachment(lawId);
    const page = `/admin/laws/${lawId}`;
    return formCall(page, { id: String(id), baseRevision: await m.revision(page) });
  },
  "app/admin/agents/actions.ts#deleteAgentAction": async (m) => {
    const { value } = await m.data<{ value: string }>(
      "app/admin/agents/actions.ts#createAgentInlineAction",
      "/admin/articles/new",
      [unique("agent"), "person"],
    );
    return formCall(`/admin/agents/${value}`, { id: value });
  },
  "app/admin/agents/actions.ts#searchAgentsAction": async () => ({ page: "/admin/articles/new", args: ["Japarov"] }),
  "app/admin/agents/actions.ts#createAgentInlineAction": async () => ({
    page: "/admin/articles/new",
    args: [unique("agent"), "person"],
  }),

  "app/admin/annotations/actions.ts#createAnnotationAction": async (m) => {
    const articleId = await m.article();
    return formCall(`/admin/articles/${articleId}/annotations`, {
      targetType: "article",
      targetId: String(articleId),
      ...noteFields,
      ...(await m.passage(articleId)),
    });
  },
  "app/admin/annotations/actions.ts#updateAnnotationAction": async (m) => {
    const id = await m.annotation(await m.article());
    const page = `/admin/annotations/${id}`;
    return formCall(page, {
      annotationId: String(id),
      ...noteFields,
      body: "Edited.",
      baseRevision: await m.revision(page),
    });
  },
  "app/admin/annotations/actions.ts#reattachAnnotationAction": async (m) => {
    const articleId = await m.article();
    const id = await m.annotation(articleId);
    const page = `/admin/annotations/${id}`;
    const passage = {
      ...(await m.passage(articleId)),
      "passage.exact": "sentence",
      "passage.prefix": "The matrix annotates this ",
      "passage.suffix": ".",
      "passage.start": "26",
      "passage.end": "34",
    };
    return formCall(page, { annotationId: String(id), baseRevision: await m.revision(page), ...passage });
  },
  "app/admin/annotations/actions.ts#deleteAnnotationAction": async (m) => {
    const id = await m.annotation(await m.article());
    return formCall(`/admin/annotations/${id}`, { id: String(id) });
  },
  "app/admin/annotations/actions.ts#proposeFoundPassageAction": async (m) => {
    const articleId = await m.article();
    const id = await m.annotation(articleId);
    const page = `/admin/annotations/${id}`;
    return formCall(page, {
      annotationId: String(id),
      annotationRevision: await m.revision(page),
      targetRevision: await m.revision(`/admin/articles/${articleId}`),
    });
  },
  // Posted from a page that uses it (the annotating page of an article): Next runs an action only there.
  "app/admin/annotations/actions.ts#searchArticlesAction": async (m) => ({
    page: `/admin/articles/${await m.article()}/annotations`,
    args: ["Kyrgyz"],
  }),
  // Posted from a page that uses it (the annotating page of an article): Next runs an action only there.
  "app/admin/annotations/actions.ts#searchPassagesAction": async (m) => ({
    page: `/admin/articles/${await m.article()}/annotations`,
    args: ["rehabilitat"],
  }),

  "app/admin/articles/actions.ts#saveArticleAction": async () =>
    formCall("/admin/articles/new", { kind: "news", title: unique("article"), lang: "en", body: articleBody }),
  "app/admin/articles/actions.ts#deleteArticleAction": async (m) => {
    const id = await m.article();
    return formCall(`/admin/articles/${id}`, { id: String(id) });
  },
  "app/admin/articles/actions.ts#searchLawsAction": async () => ({
    page: "/admin/articles/new",
    args: ["rehabilitation"],
  }),

  "app/admin/figures/actions.ts#saveFigureAction": async () => formCall("/admin/figures/new", figureFields()),
  "app/admin/figures/actions.ts#deleteFigureAction": async (m) => {
    const { id } = await m.data<{ id: number }>("app/admin/figures/actions.ts#saveFigureAction", "/admin/figures/new", [
      null,
      new Form(figureFields()),
    ]);
    return formCall(`/admin/figures/${id}`, { id: String(id) });
  },
  // A figure the maker saved: another editor may approve it for readers.
  "app/admin/figures/actions.ts#approveFigureAction": async (m) => {
    const { id } = await m.data<{ id: number }>("app/admin/figures/actions.ts#saveFigureAction", "/admin/figures/new", [
      null,
      new Form(figureFields()),
    ]);
    const page = `/admin/figures/${id}`;
    return formCall(page, { id: String(id), seenAt: await m.field(page, "seenAt") });
  },

  "app/admin/history/actions.ts#restoreRevisionAction": async (m) => {
    const id = await m.law();
    await m.data(laws.save, `/admin/laws/${id}`, [
      null,
      new Form(lawFields({ lawId: String(id), baseRevision: await m.revision(`/admin/laws/${id}`) })),
    ]);
    return formCall(`/admin/history/law/${id}`, {
      type: "law",
      id: String(id),
      number: "1",
      baseRevision: await m.revision(`/admin/laws/${id}`),
    });
  },

  "app/admin/jurisdictions/actions.ts#saveJurisdictionAction": async () =>
    formCall("/admin/jurisdictions/new", jurisdictionFields()),
  "app/admin/jurisdictions/actions.ts#deleteJurisdictionAction": async (m) => {
    const { code } = await m.data<{ code: string }>(
      "app/admin/jurisdictions/actions.ts#saveJurisdictionAction",
      "/admin/jurisdictions/new",
      [null, new Form(jurisdictionFields())],
    );
    return formCall(`/admin/jurisdictions/${code.toLowerCase()}`, { id: code });
  },

  "app/admin/jump-actions.ts#findRecordsAction": async () => ({ page: "/admin", args: ["rehabilitation"] }),

  "app/admin/laws/actions.ts#saveLawAction": async () => formCall("/admin/laws/new", lawFields()),
  "app/admin/laws/actions.ts#deleteLawAction": async (m) => {
    const id = await m.law();
    return formCall(`/admin/laws/${id}`, { id: String(id) });
  },
  "app/admin/laws/actions.ts#createLawInlineAction": async () => ({
    page: "/admin/articles/new",
    args: [unique("law"), { jurisdictionCode: "KG", status: "bill" }],
  }),
  "app/admin/laws/event-actions.ts#saveEventAction": async (m) => {
    const id = await m.law();
    const page = `/admin/laws/${id}`;
    return formCall(page, { lawId: String(id), ...eventFields, baseRevision: await m.revision(page) });
  },
  "app/admin/laws/event-actions.ts#removeEventAction": async (m) => {
    const lawId = await m.law();
    const id = await m.event(lawId);
    const page = `/admin/laws/${lawId}`;
    return formCall(page, { id: String(id), lawId: String(lawId), baseRevision: await m.revision(page) });
  },
  "app/admin/laws/event-actions.ts#moveEventAction": async (m) => {
    const lawId = await m.law();
    await m.event(lawId);
    const id = await m.event(lawId);
    const page = `/admin/laws/${lawId}`;
    // The first event on the page, moved below its twin of the same date. moveEventAction is a plain
    // form action (no previous state): the form is its only argument.
    return {
      page,
      args: [
        new Form({ id: String(id), direction: "down", lawId: String(lawId), baseRevision: await m.revision(page) }),
      ],
    };
  },
  "app/admin/laws/period-actions.ts#savePeriodAction": async (m) => {
    const id = await m.law();
    const page = `/admin/laws/${id}`;
    return formCall(page, { lawId: String(id), ...periodFields, baseRevision: await m.revision(page) });
  },
  "app/admin/laws/period-actions.ts#removePeriodAction": async (m) => {
    const lawId = await m.law();
    const id = await m.period(lawId);
    const page = `/admin/laws/${lawId}`;
    return formCall(page, { id: String(id), lawId: String(lawId), baseRevision: await m.revision(page) });
  },
  "app/admin/laws/relation-actions.ts#addRelationAction": async (m) => {
    const [id, to] = [await m.law(), await m.law()];
    const page = `/admin/laws/${id}`;
    return formCall(page, {
      lawId: String(id),
      toLawId: String(to),
      kind: "cites",
      note: "",
      baseRevision: await m.revision(page),
    });
  },
  "app/admin/laws/relation-actions.ts#removeRelationAction": async (m) => {
    const [lawId, to] = [await m.law(), await m.law()];
    const page = `/admin/laws/${lawId}`;
    const fields = { lawId: String(lawId), toLawId: String(to), kind: "cites", note: "" };
    await m.data(laws.addRelation, page, [null, new Form({ ...fields, baseRevision: await m.revision(page) })]);
    const id = await m.field(page, "id", 'data-testid="law-relation"');
    return formCall(page, { id, baseRevision: await m.revision(page) });
  },
  "app/admin/laws/relation-actions.ts#searchRelatedLawsAction": async (m) => {
    const id = await m.law();
    return { page: `/admin/laws/${id}`, args: ["rehabilitation", id] };
  },
  "app/admin/laws/text-actions.ts#addTextVersionAction": async (m) => {
    const id = await m.law();
    const page = `/admin/laws/${id}`;
    return formCall(page, { lawId: String(id), ...textFields, baseRevision: await m.revision(page) });
  },
  "app/admin/laws/text-actions.ts#updateTextVersionAction": async (m) => {
    const lawId = await m.law();
    const versionId = await m.textVersion(lawId);
    const page = `/admin/laws/${lawId}`;
    return formCall(page, {
      versionId: String(versionId),
      ...textFields,
      body: "Article 1. Amended.",
      baseRevision: await m.revision(page),
    });
  },
  "app/admin/laws/text-actions.ts#removeTextVersionAction": async (m) => {
    const lawId = await m.law();
    const id = await m.textVersion(lawId);
    const page = `/admin/laws/${lawId}`;
    return formCall(page, { id: String(id), baseRevision: await m.revision(page) });
  },
  "app/admin/laws/text-actions.ts#loadTextVersionAction": async (m) => {
    const lawId = await m.law();
    return { page: `/admin/laws/${lawId}`, args: [await m.textVersion(lawId)] };
  },

  "app/admin/sources/actions.ts#saveSourceAction": async () =>
    formCall("/admin/sources/new", { title: unique("source"), url: "", note: "" }),
  "app/admin/sources/actions.ts#deleteSourceAction": async (m) => {
    const { value } = await m.data<{ value: string }>(
      "app/admin/sources/actions.ts#createSourceInlineAction",
      "/admin/articles/new",
      [unique("source")],
    );
    return formCall(`/admin/sources/${value}`, { id: value });
  },
  "app/admin/sources/actions.ts#captureSourceAction": async (m) => {
    // Port 9 (discard) refuses at once: the capture is recorded as failed, quickly, whoever may make it.
    const { value } = await m.data<{ value: string }>(
      "app/admin/sources/actions.ts#createSourceInlineAction",
      "/admin/articles/new",
      [`http://127.0.0.1:9/${unique("source").replace(/\s+/g, "-")}`],
    );
    return formCall(`/admin/sources/${value}`, { id: value });
  },
  "app/admin/sources/actions.ts#searchSourcesAction": async () => ({
    page: "/admin/articles/new",
    args: ["rehabilitation"],
  }),
  "app/admin/sources/actions.ts#createSourceInlineAction": async () => ({
    page: "/admin/articles/new",
    args: [unique("source")],
  }),

  "app/admin/topics/actions.ts#saveTopicAction": async () =>
    formCall("/admin/topics/new", { name: unique("topic"), parentId: "", description: "" }),
  "app/admin/topics/actions.ts#deleteTopicAction": async (m) => {
    const { value } = await m.data<{ value: string }>(
      "app/admin/topics/actions.ts#createTopicInlineAction",
      "/admin/articles/new",
      [unique("topic")],
    );
    return formCall(`/admin/topics/${value}`, { id: value });
  },
  "app/admin/topics/actions.ts#searchTopicsAction": async () => ({ page: "/admin/articles/new", args: ["repression"] }),
  "app/admin/topics/actions.ts#createTopicInlineAction": async () => ({
    page: "/admin/articles/new",
    args: [unique("topic")],
  }),

  "app/admin/users/actions.ts#createUserAction": async () =>
    formCall("/admin/users", {
      email: `${unique("user").replace(/\W+/g, "-").toLowerCase()}@e2e.example`,
      name: unique("user"),
      role: "admin",
    }),
  "app/admin/users/actions.ts#changeRoleAction": async (m) =>
    formCall("/admin/users", { userId: await m.userId((await m.account("contributor")).email), role: "admin" }),
  "app/admin/users/actions.ts#setActiveAction": async (m) =>
    formCall("/admin/users", { userId: await m.userId((await m.account("admin")).email), active: "false" }),
  "app/admin/users/actions.ts#resetPasswordAction": async (m) =>
    formCall("/admin/users", { userId: await m.userId((await m.account("admin")).email) }),

  "app/admin/workflow/actions.ts#moveItemAction": async (m) => {
    const id = await m.law();
    const page = `/admin/laws/${id}`;
    await m.data(workflow.move, page, [
      null,
      new Form({ type: "law", id: String(id), action: "submit", baseRevision: await m.revision(page) }),
    ]);
    return formCall(page, {
      type: "law",
      id: String(id),
      action: "approve",
      baseRevision: await m.revision(page),
      overrideReason: "The authorization matrix approves its own test law.",
    });
  },
  "app/admin/workflow/actions.ts#bulkMoveAction": async (m) => {
    const id = await m.law();
    const revision = await m.revision(`/admin/laws/${id}`);
    return formCall("/admin/laws", { type: "law", action: "submit", item: `${id}:${revision}` });
  },
  "app/admin/workflow/actions.ts#assignItemAction": async (m) => {
    const id = await m.law();
    const assigneeId = await m.userId((await m.account("editor")).email);
    return formCall(`/admin/laws/${id}`, { type: "law", id: String(id), assigneeId });
  },
  "app/admin/workflow/actions.ts#bulkAssignAction": async (m) => {
    const id = await m.law();
    const revision = await m.revision(`/admin/laws/${id}`);
    const assigneeId = await m.userId((await m.account("editor")).email);
    return formCall("/admin/laws", { type: "law", assigneeId, item: `${id}:${revision}` });
  },
  "app/admin/workflow/actions.ts#addCommentAction": async (m) => {
    const id = await m.law();
    return formCall(`/admin/laws/${id}`, {
      type: "law",
      id: String(id),
      body: "A comment of the authorization matrix.",
    });
  },
  "app/admin/workflow/actions.ts#resolveCommentAction": async (m) => {
    const id = await m.law();
    const page = `/admin/laws/${id}`;
    await m.data(workflow.comment, page, [null, new Form({ type: "law", id: String(id), body: "To resolve." })]);
    return formCall(page, { commentId: await m.field(page, "commentId") });
  },
  "app/admin/workflow/actions.ts#searchMergeTargetsAction": async (m) => {
    const id = await m.law();
    return { page: `/admin/laws/${id}`, args: ["law", "rehabilitation", id] };
  },

  "app/admin/saved-views/actions.ts#saveViewAction": async () =>
    formCall("/admin/laws", { list: "laws", name: unique("view"), query: "sort=title" }),
  "app/admin/saved-views/actions.ts#deleteViewAction": async (m) => {
    const view = await m.data<{ id: number }>("app/admin/saved-views/actions.ts#saveViewAction", "/admin/laws", [
      null,
      new Form({ list: "laws", name: unique("view"), query: "" }),
    ]);
    return formCall("/admin/laws", { id: String(view.id), list: "laws" });
  },

  "app/login/actions.ts#signInAction": async (m) => {
    const account = await m.account("contributor");
    return {
      ...formCall("/login", { email: account.email, password: account.password, next: "/admin" }),
      redirectsTo: "/admin",
    };
  },
  "app/admin/sign-out.ts#signOutAction": async () => ({ page: "/admin", args: [], redirectsTo: "/login" }),
};

function lawFields(extra: Record<string, string> = {}) {
  return {
    jurisdictionCode: "KG",
    type: "law",
    status: "bill",
    summary: "",
    slug: "",
    "titles.0.lang": "en",
    "titles.0.title": unique("law"),
    preferredTitle: "0",
    ...extra,
  };
}

function figureFields() {
  return {
    label: unique("figure"),
    jurisdictionCode: "KG",
    unit: "people",
    note: "",
    "accounts.0.value": "856",
    "accounts.0.asOf": "2020",
    "accounts.0.sourceId": "",
    "accounts.0.keep": "1",
    preferredAccount: "0",
  };
}

function jurisdictionFields() {
  const code = `MX-${unique("").split(" ").pop()!.slice(-8).toUpperCase()}`;
  return { code, name: unique("jurisdiction"), kind: "historical", startYear: "", endYear: "" };
}

/** A route handler that is posted to: the address and the form (or the raw body) it is sent. */
export type RoutePost = { url: string } & (
  | { multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> }
  | { raw: { data: Buffer; headers: Record<string, string> } }
);

/**
 * For each route handler, the address to GET (public ones on real published records), or what to
 * POST to it.
 */
export const routeCalls: Record<string, (m: Maker) => Promise<string | RoutePost>> = {
  "GET /api/auth/[...nextauth]": async () => "/api/auth/session",
  "GET /api/preview": async (m) => `/api/preview?type=law&id=${await m.law()}`,
  "GET /api/preview/exit": async () => "/api/preview/exit?to=/laws",
  "GET /api/v1/annotations": async (m) => (await publishedAnnotation(m)).collection,
  "GET /api/v1/annotations/[id]": async (m) => (await publishedAnnotation(m)).annotation,
  "GET /api/v1/laws": async () => "/api/v1/laws",
  "GET /api/v1/laws/[jurisdiction]/[slug]": async () =>
    "/api/v1/laws/kg/rehabilitation-of-victims-of-soviet-political-repression",
  "GET /api/v1/articles": async () => "/api/v1/articles",
  "GET /api/v1/articles/[slug]": async () =>
    "/api/v1/articles/kyrgyzstan-president-signs-law-rehabilitating-victims-of-soviet-repression",
  "GET /api/v1/agents": async () => "/api/v1/agents",
  "GET /api/v1/agents/[slug]": async () => "/api/v1/agents/sadyr-japarov",
  "GET /api/v1/openapi.json": async () => "/api/v1/openapi.json",
  "GET /api/v1/topics": async () => "/api/v1/topics",
  "GET /api/v1/topics/[slug]": async () => "/api/v1/topics/rehabilitation",
  "GET /api/v1/jurisdictions": async () => "/api/v1/jurisdictions",
  "GET /api/v1/jurisdictions/[code]": async () => "/api/v1/jurisdictions/kg",
  "GET /api/v1/figures": async () => "/api/v1/figures",
  "GET /api/v1/figures/[id]": async () => "/api/v1/figures/1",
  "GET /api/v1/search": async () => "/api/v1/search?q=japarov",
  "GET /api/v1/sources": async () => "/api/v1/sources",
  "GET /api/v1/sources/[id]": async () => "/api/v1/sources/1",
  "GET /feed.xml": async () => "/feed.xml",
  "GET /files/[sha256]/[name]": async () => `/files/${"0".repeat(64)}/nothing.pdf`,
  "GET /robots.txt": async () => "/robots.txt",
  "GET /sitemap.xml": async () => "/sitemap.xml",
  // A dry run: allowed, it reports what it would create and writes nothing.
  "POST /admin/import/run": async () => ({
    url: "/admin/import/run",
    multipart: {
      files: {
        name: "matrix.json",
        mimeType: "application/json",
        buffer: Buffer.from(
          JSON.stringify({
            format: "marginalia-import",
            version: 1,
            sources: [{ externalId: unique("matrix-source"), title: unique("Matrix source") }],
          }),
        ),
      },
      dryRun: "true",
      publish: "false",
    },
  }),
  // A file for attaching, stored by its hash; allowed, it answers the stored file.
  "POST /admin/attachments/upload": async () => ({
    url: "/admin/attachments/upload",
    raw: {
      data: Buffer.from("A note the authorization matrix uploads.\n"),
      headers: { "content-type": "text/plain", "x-file-name": "matrix-note.txt" },
    },
  }),
};

/** A published public annotation of the demo content, and the collection of its page. */
async function publishedAnnotation(m: Maker): Promise<{ collection: string; annotation: string }> {
  const sitemap = await (await m.request.get("/sitemap.xml")).text();
  const pages = [...sitemap.matchAll(/<loc>https?:\/\/[^/<]+(\/(?:laws|articles)\/[^<]+)<\/loc>/g)].map(
    (match) => match[1]!,
  );
  for (const page of pages) {
    const collection = `/api/v1/annotations?target=${encodeURIComponent(page)}`;
    const id = /\/api\/v1\/annotations\/(\d+)/.exec(await (await m.request.get(collection)).text())?.[1];
    if (id) return { collection, annotation: `/api/v1/annotations/${id}` };
  }
  throw new Error("No published annotation in the demo content");
}
