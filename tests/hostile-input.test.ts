import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import { auditLog, revisions } from "@/db/schema";
import { DomainError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseRecordId, recordId } from "@/lib/validation";
import { createAgent, createAgentInline } from "@/modules/agents/save";
import { createAnnotation } from "@/modules/annotations/save";
import { listArticles } from "@/modules/articles/list";
import { createArticle } from "@/modules/articles/save";
import { listAuditLog } from "@/modules/audit/list";
import type { Ctx } from "@/modules/auth/context";
import { createFigure } from "@/modules/figures/save";
import { listFigures } from "@/modules/figures/list";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { createJurisdiction } from "@/modules/jurisdictions/save";
import { createLawInline } from "@/modules/laws/create-inline";
import { addEvent } from "@/modules/laws/events";
import { listLaws } from "@/modules/laws/list";
import { addLawRelation } from "@/modules/laws/relations";
import { createLaw } from "@/modules/laws/save";
import { addLawTextVersion } from "@/modules/laws/texts";
import { getSource, listSources } from "@/modules/sources/read";
import { createSourceInline } from "@/modules/sources/picker";
import { createSource } from "@/modules/sources/save";
import { getTopic, listTopics } from "@/modules/topics/read";
import { createTopicInline } from "@/modules/topics/picker";
import { createTopic } from "@/modules/topics/save";
import { createUser } from "@/modules/users/create";
import { listUsers } from "@/modules/users/list";
import { addComment } from "@/modules/workflow/comments";
import { baseRevisionOf } from "@/modules/workflow/revise";
import { moveItem } from "@/modules/workflow/transitions";
import { refusedUrls } from "../e2e/hostile/xss-payloads";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, workingRevision } from "./factories";

/**
 * Text PostgreSQL refuses (a NUL; a lone surrogate, which has no UTF-8 form and breaks jsonb
 * snapshots) must come back as a field error on the field that holds it, with nothing written,
 * never as a failed INSERT ("Something went wrong on our side") logged with its parameters.
 */
let database: Database;
let admin: Ctx;
let lawId: number;
let otherLawId: number;
let lawBase: number;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await makeUser(database.db, "admin")).ctx;
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  lawId = (await createLaw(admin, law())).id;
  otherLawId = (await createLaw(admin, law({ titles: [{ lang: "en", title: "Another law" }] }))).id;
  lawBase = await workingRevision(admin, "law", lawId);
});
afterAll(() => database.close());

function law(more: Record<string, unknown> = {}) {
  return { jurisdictionCode: "KG", type: "law", status: "bill", titles: [{ lang: "en", title: "A law" }], ...more };
}

const unstorable = { NUL: "before\u0000after", "lone surrogate": "before\ud800after" };

type Case = { form: string; field: string; run: (value: string) => Promise<unknown> };

/** Every text field of every form and inline creator, by the key its error is shown under. */
const cases: Case[] = [
  ...["titles.0.title", "summary", "identifiers.0.registry", "identifiers.0.value"].map((field) => ({
    form: "law",
    field,
    run: (value: string) =>
      createLaw(admin, {
        ...law(),
        titles: [{ lang: "en", title: field === "titles.0.title" ? value : "A law" }],
        summary: field === "summary" ? value : "",
        identifiers: field.startsWith("identifiers")
          ? [{ registry: field.endsWith("registry") ? value : "CBD", value: field.endsWith("value") ? value : "1" }]
          : [],
      }),
  })),
  ...["title", "body", "originalUrl"].map((field) => ({
    form: "article",
    field,
    run: (value: string) =>
      createArticle(admin, {
        kind: "news",
        lang: "en",
        title: "A report",
        [field]: field === "originalUrl" ? `https://example.org/${value}` : value,
      }),
  })),
  ...["preferredName", "description", "names.0.name", "links.0.label", "links.0.url"].map((field) => ({
    form: "agent",
    field,
    run: (value: string) =>
      createAgent(admin, {
        kind: "person",
        preferredName: field === "preferredName" ? value : "A person",
        description: field === "description" ? value : "",
        names: field === "names.0.name" ? [{ name: value, lang: "" }] : [],
        links: field.startsWith("links")
          ? [
              {
                label: field === "links.0.label" ? value : "Site",
                url: field === "links.0.url" ? `https://e.org/${value}` : "https://e.org",
              },
            ]
          : [],
      }),
  })),
  ...["name", "description"].map((field) => ({
    form: "topic",
    field,
    run: (value: string) => createTopic(admin, { name: "A topic", [field]: value }),
  })),
  ...["title", "url", "note"].map((field) => ({
    form: "source",
    field,
    run: (value: string) =>
      createSource(admin, { title: "A source", [field]: field === "url" ? `https://example.org/${value}` : value }),
  })),
  ...["name", "otherNames.0.name"].map((field) => ({
    form: "jurisdiction",
    field,
    run: (value: string) =>
      createJurisdiction(admin, {
        code: "ZZ",
        kind: "country",
        name: field === "name" ? value : "Zedland",
        otherNames: field === "name" ? [] : [{ name: value, lang: "en" }],
      }),
  })),
  ...["label", "unit", "note"].map((field) => ({
    form: "figure",
    field,
    run: (value: string) =>
      createFigure(admin, { label: "People acquitted", [field]: value, accounts: [{ value: "856" }] }),
  })),
  {
    form: "law text version",
    field: "body",
    run: (value) => addLawTextVersion(admin, lawId, { lang: "en", body: value, baseRevision: lawBase }),
  },
  {
    form: "law event",
    field: "note",
    run: (value) => addEvent(admin, lawId, { kind: "adopted", note: value, baseRevision: lawBase }),
  },
  {
    form: "law relation",
    field: "note",
    run: (value) =>
      addLawRelation(admin, lawId, { kind: "cites", toLawId: otherLawId, note: value, baseRevision: lawBase }),
  },
  {
    form: "annotation",
    field: "body",
    run: (value) =>
      createAnnotation(admin, {
        targetType: "law",
        targetId: lawId,
        kind: "context",
        audience: "public",
        body: value,
        passage: { targetRevision: lawBase, exact: "law", start: 0, end: 3 },
      }),
  },
  { form: "comment", field: "body", run: (value) => addComment(admin, { type: "law", id: lawId, body: value }) },
  {
    form: "workflow move",
    field: "comment",
    run: (value) =>
      moveItem(admin, { type: "law", id: lawId, action: "submit", baseRevision: lawBase, comment: value }),
  },
  {
    form: "account",
    field: "name",
    run: (value) => createUser(admin, { email: "new@example.org", name: value, role: "contributor" }),
  },
  { form: "inline agent", field: "name", run: (value) => createAgentInline(admin, { name: value, kind: "person" }) },
  { form: "inline topic", field: "name", run: (value) => createTopicInline(admin, { name: value }) },
  { form: "inline source", field: "title", run: (value) => createSourceInline(admin, { title: value }) },
  {
    form: "inline law",
    field: "title",
    run: (value) => createLawInline(admin, { title: value, jurisdictionCode: "KG" }),
  },
];

async function written() {
  const [audits] = await database.db.select({ n: count() }).from(auditLog);
  const [revs] = await database.db.select({ n: count() }).from(revisions);
  return { audits: audits!.n, revisions: revs!.n };
}

describe("text PostgreSQL cannot store", () => {
  for (const [what, value] of Object.entries(unstorable)) {
    test.each(cases)(
      `a ${what} in the $form form's $field is a field error there, and nothing is written`,
      async ({ run, field }) => {
        const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
        const before = await written();
        const error = await run(value).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fieldErrors[field]).toBeDefined();
        expect(await written()).toEqual(before);
        expect(log).not.toHaveBeenCalled();
        log.mockRestore();
      },
    );
  }

  test.each([
    ["laws", () => listLaws(admin, { q: "a\u0000" })],
    ["articles", () => listArticles(admin, { q: "a\u0000" })],
    ["sources", () => listSources(admin, { q: "a\u0000" })],
    ["figures", () => listFigures(admin, { q: "a\u0000" })],
    ["topics", () => listTopics(admin, { q: "a\u0000" })],
    ["users", () => listUsers(admin, { q: "a\u0000" })],
    ["jurisdictions", () => listJurisdictions(admin, { q: "a\u0000" })],
    ["audit log", () => listAuditLog(admin, { actor: "a\u0000" }).catch((e: unknown) => e)],
  ])("a NUL in the %s list's filter is no database error", async (_list, run) => {
    const result = await run();
    // A list either drops the unreadable filter or says which filter is wrong.
    if (result instanceof Error) expect(result).toBeInstanceOf(ValidationError);
  });
});

describe("record ids", () => {
  const nonCanonical = ["0x10", "1e1", " 16", "16 ", "16.0", "+16", "0016", "016", "16n", "1_6", "١٦", "", "0", "-16"];

  test.each(nonCanonical)("%j is no id", (raw) => {
    expect(parseRecordId(raw)).toBeNull();
    expect(recordId.safeParse(raw).success).toBe(false);
  });

  test("only canonical decimal ids within an integer column are read", () => {
    expect(parseRecordId("16")).toBe(16);
    expect(parseRecordId(16)).toBe(16);
    expect(parseRecordId("2147483647")).toBe(2_147_483_647);
    expect(parseRecordId("2147483648")).toBeNull();
    expect(parseRecordId(16.5)).toBeNull();
    expect(parseRecordId(["16"])).toBeNull();
  });

  test.each(nonCanonical)("a workflow move on id %j is refused for the id, and nothing moves", async (raw) => {
    const before = await written();
    const error = await moveItem(admin, { type: "law", id: raw, action: "submit", baseRevision: lawBase }).catch(
      (e: unknown) => e,
    );
    expect((error as ValidationError).fieldErrors).toHaveProperty("id");
    expect(await written()).toEqual(before);
  });

  test("a topic's and a source's page read their id from the address canonically", async () => {
    const topic = await createTopic(admin, { name: "Canonical topic" });
    const source = await createSource(admin, { title: "Canonical source" });
    expect((await getTopic(admin, String(topic.id))).id).toBe(topic.id);
    expect((await getSource(admin, String(source.id))).id).toBe(source.id);
    for (const raw of [`0${topic.id}`, `0x${topic.id.toString(16)}`, `${topic.id}.0`, `+${topic.id}`])
      await expect(getTopic(admin, raw)).rejects.toBeInstanceOf(NotFoundError);
    for (const raw of [`0${source.id}`, `0x${source.id.toString(16)}`, `${source.id}e0`, ` ${source.id}`])
      await expect(getSource(admin, raw)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a save's base revision is read the same way", () => {
    expect(baseRevisionOf({ baseRevision: String(lawBase) })).toBe(lawBase);
    for (const raw of ["0x10", "1e1", `0${lawBase}`, `${lawBase}.0`, `+${lawBase}`])
      expect(() => baseRevisionOf({ baseRevision: raw })).toThrow(ValidationError);
  });

  test("an annotation link names its record canonically", async () => {
    const error = await createAnnotation(admin, {
      targetType: "law",
      targetId: lawId,
      kind: "context",
      audience: "public",
      body: "A note",
      links: [`law:0${otherLawId}`],
      passage: { targetRevision: lawBase, exact: "law", start: 0, end: 3 },
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toHaveProperty(["links.0"]);
  });
});

describe("forged fields", () => {
  test.each(refusedUrls)("the URL %j is refused in every URL field", async (url) => {
    const before = await written();
    const refused = [
      ["originalUrl", createArticle(admin, { kind: "news", lang: "en", title: "A report", originalUrl: url })],
      ["url", createSource(admin, { title: "A source", url })],
      ["archivedUrl", createSource(admin, { title: "A source", archivedUrl: url })],
      ["links.0.url", createAgent(admin, { kind: "person", preferredName: "A person", links: [{ label: "x", url }] })],
    ] as const;
    for (const [field, attempt] of refused) {
      const error = await attempt.catch((e: unknown) => e);
      expect((error as ValidationError).fieldErrors, field).toHaveProperty([field]);
    }
    expect(await written()).toEqual(before);
  });

  test("a workflow move of an unknown kind, type or action changes nothing", async () => {
    const before = await written();
    for (const forged of [
      { type: "law", id: lawId, action: "explode", baseRevision: lawBase },
      { type: "constructor", id: lawId, action: "submit", baseRevision: lawBase },
      { type: "__proto__", id: lawId, action: "submit", baseRevision: lawBase },
      { type: "law", id: lawId, action: "toString", baseRevision: lawBase },
    ]) {
      await expect(moveItem(admin, forged)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await written()).toEqual(before);
  });

  test("a move naming another item's revision as its base is refused, and nothing moves", async () => {
    const otherBase = await workingRevision(admin, "law", otherLawId);
    const before = await written();
    await expect(
      moveItem(admin, { type: "law", id: lawId, action: "submit", baseRevision: otherBase }),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await written()).toEqual(before);
  });
});
