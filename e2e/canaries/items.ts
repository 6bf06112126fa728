import { markdownText } from "@/lib/markdown";
import { createAgent, updateAgent } from "@/modules/agents/save";
import { quotePassage } from "@/modules/annotations/passage";
import { createAnnotation, updateAnnotation } from "@/modules/annotations/save";
import { createArticle, updateArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { addEvent } from "@/modules/laws/events";
import { addLawRelation } from "@/modules/laws/relations";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { addLawTextVersion } from "@/modules/laws/texts";
import { moveItem } from "@/modules/workflow/transitions";
import type { CanaryBook } from "./book";
import { bringTo, workingRevision, type HiddenState } from "./states";

/** Where canary items hang: a jurisdiction of their own, so the demo's pages keep their counts. */
export const canaryJurisdiction = "XC";

/** The quote every canary annotation marks in its host's text. */
export const hostQuote = "applies to every reader";

/** What a canary item links to: the published host law, its text and the host article. */
export type Hosts = { lawId: number; textId: number; articleId: number; articleBody: string; lawText: string };

// A working revision must differ from its live one in every field, so the live one is written plainly.
const plain = (what: string, state: HiddenState) => `Leak-test ${what} ${state.replace("_", " ")}`;

const agentFields = (book: CanaryBook, state: HiddenState) => ({
  kind: "person" as const,
  preferredName: book.mark("agent", state, "name"),
  description: book.mark("agent", state, "description"),
  names: [
    { name: book.markCyrillic("agent", state, "name-ru"), lang: "ru" },
    { name: book.mark("agent", state, "other-name"), lang: "en" },
  ],
  links: [
    {
      label: book.mark("agent", state, "link-label"),
      url: `https://example.org/${book.mark("agent", state, "link-url")}`,
    },
  ],
});

/**
 * An agent in `state`. Withdrawn, archived and working agents are left live here: they are taken
 * down or renamed by finishAgent, after published items have credited them.
 */
export async function canaryAgent(ctx: Ctx, book: CanaryBook, state: HiddenState): Promise<number> {
  const fields =
    state === "working" ? { kind: "person" as const, preferredName: plain("agent", state) } : agentFields(book, state);
  const { id } = await createAgent(ctx, fields);
  const later = state === "withdrawn" || state === "archived" || state === "working";
  await bringTo(ctx, book, "agent", id, later ? "live" : state, state);
  return id;
}

export async function finishAgent(ctx: Ctx, book: CanaryBook, state: HiddenState, id: number) {
  if (state === "working") {
    await updateAgent(ctx, id, { ...agentFields(book, state), baseRevision: await workingRevision(ctx, "agent", id) });
  } else if (state === "withdrawn" || state === "archived") {
    const action = state === "withdrawn" ? "withdraw" : "archive";
    await moveItem(ctx, { type: "agent", id, action, baseRevision: await workingRevision(ctx, "agent", id) });
  }
}

const lawFields = (book: CanaryBook, state: HiddenState) => ({
  jurisdictionCode: canaryJurisdiction,
  type: "law",
  status: "adopted",
  titles: [
    { lang: "en", title: book.mark("law", state, "title") },
    { lang: "ru", title: book.markCyrillic("law", state, "title-ru") },
  ],
  preferredTitle: 0,
  summary: book.mark("law", state, "summary"),
  identifiers: [{ registry: book.mark("law", state, "registry"), value: book.mark("law", state, "identifier") }],
  periods: [{ startYear: 1917, endYear: 1953 }],
});

/** A law in `state`, with canaries in its fields, its timeline, its text and its relation to the host law. */
export async function canaryLaw(ctx: Ctx, book: CanaryBook, state: HiddenState, hosts: Pick<Hosts, "lawId">) {
  const fields = lawFields(book, state);
  const working = state === "working";
  const { id } = await createLaw(
    ctx,
    working
      ? { ...fields, titles: [{ lang: "en", title: plain("law", state) }], summary: "", identifiers: [] }
      : fields,
  );
  if (working) {
    await bringTo(ctx, book, "law", id, "live", state);
    await updateLaw(ctx, id, { ...fields, baseRevision: await workingRevision(ctx, "law", id) });
  }
  const base = async () => ({ baseRevision: await workingRevision(ctx, "law", id) });
  await addEvent(ctx, id, {
    ...(await base()),
    kind: "adopted",
    note: book.mark("law", state, "event-note"),
    accounts: [{ date: "2024-12", note: book.mark("law", state, "event-account-note") }],
  });
  await addLawTextVersion(ctx, id, { ...(await base()), lang: "en", body: book.mark("law", state, "text") });
  await addLawRelation(ctx, id, {
    ...(await base()),
    toLawId: hosts.lawId,
    kind: "cites",
    note: book.mark("law", state, "relation-note"),
  });
  if (!working) await bringTo(ctx, book, "law", id, state);
  return id;
}

const articleFields = (book: CanaryBook, state: HiddenState, hosts: Pick<Hosts, "lawId">) => ({
  kind: "news",
  lang: "en",
  title: book.mark("article", state, "title"),
  body: `${book.mark("article", state, "body")}\n\n${book.mark("article", state, "body-end")}`,
  originalUrl: `https://example.org/${book.mark("article", state, "original-url")}`,
  lawIds: [hosts.lawId],
  jurisdictionCodes: [canaryJurisdiction],
});

/** An article in `state` that discusses the published host law. */
export async function canaryArticle(ctx: Ctx, book: CanaryBook, state: HiddenState, hosts: Pick<Hosts, "lawId">) {
  const fields = articleFields(book, state, hosts);
  if (state !== "working") {
    const { id } = await createArticle(ctx, fields);
    await bringTo(ctx, book, "article", id, state);
    return id;
  }
  const { id } = await createArticle(ctx, { ...fields, title: plain("article", state), body: "", originalUrl: "" });
  await bringTo(ctx, book, "article", id, "live", state);
  await updateArticle(ctx, id, { ...fields, baseRevision: await workingRevision(ctx, "article", id) });
  return id;
}

/** An annotation in `state` on the host law's text (or, for every other state, the host article). */
export async function canaryAnnotation(ctx: Ctx, book: CanaryBook, state: HiddenState, hosts: Hosts, onLaw: boolean) {
  const body = book.mark("annotation", state, "body");
  const target = onLaw
    ? { targetType: "law" as const, targetId: hosts.lawId, textId: hosts.textId, text: hosts.lawText }
    : { targetType: "article" as const, targetId: hosts.articleId, textId: undefined, text: hosts.articleBody };
  const { id } = await createAnnotation(ctx, {
    ...target,
    kind: "context",
    audience: "public",
    body: state === "working" ? plain("annotation", state) : body,
    passage: {
      targetRevision: await workingRevision(ctx, target.targetType, target.targetId),
      ...quotePassage(markdownText(target.text), hostQuote),
    },
  });
  await bringTo(ctx, book, "annotation", id, state === "working" ? "live" : state, state);
  if (state === "working")
    await updateAnnotation(ctx, id, {
      kind: "context",
      audience: "public",
      body,
      baseRevision: await workingRevision(ctx, "annotation", id),
    });
  return id;
}
