/**
 * An editor and a reviewer publishing a law as they would in the admin: before the server starts,
 * two accounts and a published law of the benchmark's own are made through the domain functions;
 * then each publication goes over HTTP through the admin's server actions (save, submit, approve,
 * publish), so the server invalidates its cache exactly as it does for people.
 */
import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { commandLineActor, type Actor, type Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { createUser } from "@/modules/users/create";
import { editorialStatus } from "@/modules/workflow/status";
import { moveItem } from "@/modules/workflow/transitions";
import { signIn } from "./next-server";
import { actionId, formField, postForm, type Session } from "./server-actions";

export type PublisherSetup = {
  lawId: number;
  /** The law's public address. */
  lawPath: string;
  title: string;
  editor: { email: string; password: string };
  reviewer: { email: string; password: string };
};

/** Two accounts (the two-person rule: the author may not publish) and a published law to re-publish. */
export async function setUpPublisher(database: Database): Promise<PublisherSetup> {
  const admin: Ctx = { db: database.db, actor: commandLineActor };
  const run = randomBytes(4).toString("hex");
  const account = async (role: string) => {
    const { user, password } = await createUser(admin, {
      email: `bench-${role}-${run}@marginalia.local`,
      name: `Bench ${role}`,
      role: "editor",
    });
    const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    return { ctx: { db: database.db, actor } satisfies Ctx, login: { email: user.email, password } };
  };
  const editor = await account("editor");
  const reviewer = await account("reviewer");
  const title = `Benchmark publication law ${run}`;
  const created = await createLaw(editor.ctx, {
    jurisdictionCode: "KG",
    type: "law",
    status: "in_force",
    summary: "Benchmark publication 0.",
    titles: [{ lang: "en", title }],
  });
  for (const [ctx, action] of [
    [editor.ctx, "submit"],
    [reviewer.ctx, "approve"],
    [reviewer.ctx, "publish"],
  ] as const) {
    const { workingRevisionId } = await editorialStatus(ctx, "law", created.id);
    await moveItem(ctx, { type: "law", id: created.id, action, baseRevision: workingRevisionId });
  }
  return {
    lawId: created.id,
    lawPath: `/laws/kg/${created.slug}`,
    title,
    editor: editor.login,
    reviewer: reviewer.login,
  };
}

export type Publication = {
  /** Text the published page shows once this publication is visible. */
  marker: string;
  /** When the publish action was sent and when it answered (the commit lies between). */
  sentAt: number;
  answeredAt: number;
};

export type Publisher = { lawPath: string; publish(): Promise<Publication> };

/** Signs both accounts in over HTTP; each publish() saves a new summary and takes it through review. */
export async function httpPublisher(base: string, setup: PublisherSetup): Promise<Publisher> {
  const editor: Session = { base, cookie: await signIn(base, setup.editor.email, setup.editor.password) };
  const reviewer: Session = { base, cookie: await signIn(base, setup.reviewer.email, setup.reviewer.password) };
  const save = actionId("app/admin/laws/actions.ts#saveLawAction");
  const move = actionId("app/admin/workflow/actions.ts#moveItemAction");
  const page = `/admin/laws/${setup.lawId}`;
  const [jurisdiction, slug] = setup.lawPath.split("/").slice(2);
  let count = 0;
  const must = async (step: string, call: Promise<{ ok: boolean; message: string }>) => {
    const result = await call;
    if (!result.ok) throw new Error(`Publishing the benchmark law: ${step} failed: ${result.message}`);
  };
  const moveAs = async (session: Session, action: string) => {
    const baseRevision = await formField(session, page, "baseRevision");
    return postForm(session, move, page, { type: "law", id: String(setup.lawId), action, baseRevision });
  };
  return {
    lawPath: setup.lawPath,
    async publish() {
      const marker = `Benchmark publication ${++count} ${randomBytes(4).toString("hex")}.`;
      await must(
        "save",
        postForm(editor, save, page, {
          lawId: String(setup.lawId),
          baseRevision: await formField(editor, page, "baseRevision"),
          jurisdictionCode: jurisdiction!.toUpperCase(),
          type: "law",
          status: "in_force",
          summary: marker,
          slug: slug!,
          "titles.0.lang": "en",
          "titles.0.title": setup.title,
          preferredTitle: "0",
        }),
      );
      await must("submit", moveAs(editor, "submit"));
      await must("approve", moveAs(reviewer, "approve"));
      const baseRevision = await formField(reviewer, page, "baseRevision");
      const sentAt = performance.now();
      await must(
        "publish",
        postForm(reviewer, move, page, { type: "law", id: String(setup.lawId), action: "publish", baseRevision }),
      );
      return { marker, sentAt, answeredAt: performance.now() };
    },
  };
}
