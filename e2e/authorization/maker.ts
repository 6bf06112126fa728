/**
 * The seeded admin's side of the authorization matrix: it makes the records the calls act on (so
 * that an allowed call really does something, and the demo content other specs read stays as it
 * is) and reads the ids and revisions off the admin pages, as a browser's form would carry them.
 */
import type { APIRequestContext } from "@playwright/test";
import { callAction, Form, type ActionAnswer } from "./caller";

export type Call = {
  page: string;
  args: unknown[];
  /** Where an allowed call sends the browser, for an action that answers with a redirect. */
  redirectsTo?: string;
};

let counter = 0;
/** A name no other call or run uses: the server's database lives for the whole run. */
export const unique = (label: string) => `Matrix ${label} ${Date.now().toString(36)}${(counter++).toString(36)}`;

/** The seeded admin, making and looking up the records the calls act on. */
export class Maker {
  constructor(
    readonly request: APIRequestContext,
    readonly ids: Map<string, string>,
  ) {}

  async call(key: string, page: string, args: unknown[]): Promise<ActionAnswer> {
    const id = this.ids.get(key);
    if (!id) throw new Error(`No action ${key} in the build's server-reference-manifest.json`);
    return callAction(this.request, id, page, args);
  }

  /** Calls an action as the admin and returns its data; anything but success stops the test. */
  async data<T>(key: string, page: string, args: unknown[]): Promise<T> {
    const answer = await this.call(key, page, args);
    const result = answer.result as { ok?: boolean; data?: T } | undefined;
    if (!result?.ok) throw new Error(`${key} failed for the admin: ${JSON.stringify(answer)}`);
    return result.data as T;
  }

  async html(page: string): Promise<string> {
    const response = await this.request.get(page);
    if (!response.ok()) throw new Error(`GET ${page} answered ${response.status()}`);
    return response.text();
  }

  /** The first `<input name=… value=…>` on a page after `after` (an action id, say). */
  async field(page: string, name: string, after = ""): Promise<string> {
    const html = await this.html(page);
    const from = after ? html.indexOf(after) : 0;
    const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html.slice(Math.max(from, 0)));
    if (from < 0 || !match) throw new Error(`No ${name} field on ${page}${after ? ` after ${after}` : ""}`);
    return match[1]!;
  }

  revision = (page: string) => this.field(page, "baseRevision");

  async law(status = "bill"): Promise<number> {
    const option = await this.data<{ value: string }>(laws.inline, "/admin/articles/new", [
      unique("law"),
      { jurisdictionCode: "KG", status },
    ]);
    return Number(option.value);
  }

  async article(): Promise<number> {
    const form = new Form({ kind: "news", title: unique("article"), lang: "en", body: articleBody });
    return (await this.data<{ id: number }>(articles.save, "/admin/articles/new", [null, form])).id;
  }

  async textVersion(lawId: number): Promise<number> {
    const form = new Form({
      lawId: String(lawId),
      ...textFields,
      baseRevision: await this.revision(`/admin/laws/${lawId}`),
    });
    return (await this.data<{ id: number }>(laws.addText, `/admin/laws/${lawId}`, [null, form])).id;
  }

  /** A file stored through the upload route (a new one each time), by its hash. */
  async storedFile(): Promise<string> {
    const response = await this.request.post("/admin/attachments/upload", {
      data: Buffer.from(`A document of the authorization matrix, ${unique("file")}.\n`),
      headers: { "content-type": "text/plain", "x-file-name": "matrix.txt" },
    });
    if (!response.ok()) throw new Error(`The upload answered ${response.status()}: ${await response.text()}`);
    return ((await response.json()) as { file: { sha256: string } }).file.sha256;
  }

  /** A file attached to the law, by the attachment's id. */
  async attachment(lawId: number): Promise<number> {
    const page = `/admin/laws/${lawId}`;
    const form = new Form({
      ownerType: "law",
      ownerId: String(lawId),
      ...fileFields(await this.storedFile()),
      baseRevision: await this.revision(page),
    });
    return (await this.data<{ ids: number[] }>(files.attach, page, [null, form])).ids[0]!;
  }

  async event(lawId: number): Promise<number> {
    const page = `/admin/laws/${lawId}`;
    const form = new Form({ lawId: String(lawId), ...eventFields, baseRevision: await this.revision(page) });
    await this.data(laws.saveEvent, page, [null, form]);
    return Number(await this.field(page, "id", this.ids.get(laws.removeEvent)));
  }

  async period(lawId: number): Promise<number> {
    const page = `/admin/laws/${lawId}`;
    const form = new Form({ lawId: String(lawId), ...periodFields, baseRevision: await this.revision(page) });
    await this.data(laws.savePeriod, page, [null, form]);
    return Number(await this.field(page, "id", this.ids.get(laws.removePeriod)));
  }

  async annotation(articleId: number): Promise<number> {
    const page = `/admin/articles/${articleId}/annotations`;
    const passage = await this.passage(articleId);
    const form = new Form({ targetType: "article", targetId: String(articleId), ...noteFields, ...passage });
    return (await this.data<{ id: number }>(annotations.create, page, [null, form])).id;
  }

  async passage(articleId: number) {
    return {
      "passage.targetRevision": await this.revision(`/admin/articles/${articleId}`),
      "passage.exact": "matrix",
      "passage.prefix": "The ",
      "passage.suffix": " annotates this sentence.",
      "passage.start": "4",
      "passage.end": "10",
    };
  }

  async userId(email: string): Promise<string> {
    return this.field(`/admin/users?q=${encodeURIComponent(email)}`, "userId");
  }

  async account(role: "contributor" | "editor" | "admin"): Promise<{ email: string; password: string }> {
    const form = new Form({
      email: `${unique(role).replace(/\W+/g, "-").toLowerCase()}@e2e.example`,
      name: unique(role),
      role,
    });
    return this.data(users.create, "/admin/users", [null, form]);
  }
}

export const articleBody = "The matrix annotates this sentence.";
export const textFields = {
  lang: "en",
  official: "",
  effectiveDate: "",
  sourceId: "",
  body: "Article 1. A text version.",
};
export const eventFields = { kind: "adopted", agentId: "", note: "", "accounts.0.date": "2024", preferredAccount: "0" };
export const periodFields = { note: "", "accounts.0.start": "1917", "accounts.0.end": "1953", preferredAccount: "0" };
export const noteFields = { kind: "context", audience: "internal", body: "A note of the authorization matrix." };

export const fileFields = (sha256: string) => ({
  "files.0.sha256": sha256,
  "files.0.name": "matrix.txt",
  "files.0.role": "other",
  "files.0.capturedOn": "",
});

export const files = { attach: "app/admin/attachments/actions.ts#attachFilesAction" };

export const laws = {
  save: "app/admin/laws/actions.ts#saveLawAction",
  remove: "app/admin/laws/actions.ts#deleteLawAction",
  inline: "app/admin/laws/actions.ts#createLawInlineAction",
  addText: "app/admin/laws/text-actions.ts#addTextVersionAction",
  saveEvent: "app/admin/laws/event-actions.ts#saveEventAction",
  removeEvent: "app/admin/laws/event-actions.ts#removeEventAction",
  savePeriod: "app/admin/laws/period-actions.ts#savePeriodAction",
  removePeriod: "app/admin/laws/period-actions.ts#removePeriodAction",
  addRelation: "app/admin/laws/relation-actions.ts#addRelationAction",
};
const articles = { save: "app/admin/articles/actions.ts#saveArticleAction" };
const annotations = { create: "app/admin/annotations/actions.ts#createAnnotationAction" };
const users = { create: "app/admin/users/actions.ts#createUserAction" };
export const workflow = {
  move: "app/admin/workflow/actions.ts#moveItemAction",
  comment: "app/admin/workflow/actions.ts#addCommentAction",
};
