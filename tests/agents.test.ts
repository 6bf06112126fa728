import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { agentNames, agents, slugRedirects } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { formValues } from "@/lib/form-data";
import { deleteAgent } from "@/modules/agents/delete";
import { agentFormInput } from "@/modules/agents/form-input";
import { listAgents } from "@/modules/agents/list";
import { getAgent } from "@/modules/agents/read";
import { createAgent, createAgentInline, updateAgent } from "@/modules/agents/save";
import type { Ctx } from "@/modules/auth/context";
import { createTestDatabase } from "./db";
import { makeUser, workingRevision } from "./factories";

let database: Database;
let contributor: Ctx;
let otherContributor: Ctx;
let editor: Ctx;

beforeAll(async () => {
  database = await createTestDatabase();
  contributor = (await makeUser(database.db, "contributor")).ctx;
  otherContributor = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
});
afterAll(() => database.close());

async function rowCounts() {
  const [[a], [n]] = await Promise.all([
    database.db.select({ n: count() }).from(agents),
    database.db.select({ n: count() }).from(agentNames),
  ]);
  return { agents: a!.n, names: n!.n };
}

/** The field errors a call is refused with. */
async function fieldErrorsOf(call: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("creating and editing", () => {
  test("saves the agent with its names and links, tidied, under a slug from its name", async () => {
    const agent = await createAgent(contributor, {
      kind: "person",
      preferredName: "  Sadyr Japarov ",
      description: "President of the Kyrgyz Republic.",
      names: [
        { name: "Zhaparov", lang: "en" },
        { name: "", lang: "" },
        { name: "zhaparov", lang: "EN" },
        { name: "Жапаров Садыр", lang: "ky-cyrl" },
        { name: "Sadyr Japarov", lang: "" },
      ],
      links: [
        { label: "", url: "" },
        { label: "Official site", url: "https://president.kg/" },
      ],
    });
    expect(agent).toMatchObject({
      slug: "sadyr-japarov",
      kind: "person",
      preferredName: "Sadyr Japarov",
      names: [
        { name: "Zhaparov", lang: "en" },
        { name: "Жапаров Садыр", lang: "ky-Cyrl" },
      ],
      links: [{ label: "Official site", url: "https://president.kg/" }],
    });
    const [row] = await database.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(row!.searchText).toBe("sadyr japarov zhaparov zhaparov sadyr");
    expect(row!.createdById).toBe(contributor.actor!.id);
  });

  test("a second agent of the same name gets the next free slug", async () => {
    const first = await createAgent(contributor, { kind: "other", preferredName: "Ministry of Justice" });
    const second = await createAgent(contributor, { kind: "other", preferredName: "Ministry of  Justice!" });
    expect([first.slug, second.slug]).toEqual(["ministry-of-justice", "ministry-of-justice-2"]);
  });

  test("an edit replaces the names, recomputes the search text and keeps the slug", async () => {
    const agent = await createAgent(contributor, {
      kind: "legislature",
      preferredName: "Jogorku Kenesh",
      names: [{ name: "Old spelling", lang: "" }],
    });
    const edited = await updateAgent(otherContributor, agent.id, {
      baseRevision: await workingRevision(otherContributor, "agent", agent.id),
      kind: "legislature",
      preferredName: "Jogorku Kenesh of the Kyrgyz Republic",
      names: [
        { name: "Zhogorku Kenesh", lang: "en" },
        { name: "Жогорку Кенеш", lang: "ky" },
      ],
    });
    expect(edited.slug).toBe("jogorku-kenesh");
    expect(edited.names.map((n) => n.name)).toEqual(["Zhogorku Kenesh", "Жогорку Кенеш"]);
    expect(edited.updatedAt.getTime()).toBeGreaterThanOrEqual(agent.updatedAt.getTime());
    const [row] = await database.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(row!.searchText).toBe("jogorku kenesh of the kyrgyz republic zhogorku kenesh zhogorku kenesh");
    expect((await listAgents(editor, { q: "Old spelling" })).rows).toEqual([]);
  });

  test("an edited slug must be free and well formed, and the old one redirects", async () => {
    const taken = await createAgent(contributor, { kind: "media_outlet", preferredName: "Radio Azattyk" });
    const agent = await createAgent(contributor, { kind: "media_outlet", preferredName: "Kabar" });
    const form = async () => ({
      kind: "media_outlet",
      preferredName: "Kabar",
      baseRevision: await workingRevision(contributor, "agent", agent.id),
    });

    expect(
      await fieldErrorsOf(updateAgent(contributor, agent.id, { ...(await form()), slug: taken.slug })),
    ).toHaveProperty("slug");
    expect(
      await fieldErrorsOf(updateAgent(contributor, agent.id, { ...(await form()), slug: "Kabar News" })),
    ).toHaveProperty("slug");
    expect((await getAgent(editor, agent.id)).slug).toBe("kabar");

    const moved = await updateAgent(contributor, agent.id, { ...(await form()), slug: "kabar-news-agency" });
    expect(moved.slug).toBe("kabar-news-agency");
    const redirects = await database.db.select().from(slugRedirects).where(eq(slugRedirects.itemId, agent.id));
    expect(redirects).toMatchObject([{ itemType: "agent", oldSlug: "kabar" }]);

    // An empty slug keeps the current one, and records nothing.
    await updateAgent(contributor, agent.id, { ...(await form()), slug: "" });
    expect((await getAgent(editor, agent.id)).slug).toBe("kabar-news-agency");
    expect(await database.db.select().from(slugRedirects).where(eq(slugRedirects.itemId, agent.id))).toHaveLength(1);
  });

  test("the form's fields become the nested input, and errors name the row the user sees", async () => {
    const form = new FormData();
    form.set("kind", "person");
    form.set("preferredName", "Test Person");
    form.set("names.0.name", "First");
    form.set("names.0.lang", "en");
    form.set("names.1.name", "");
    form.set("names.1.lang", "");
    form.set("names.2.name", "x".repeat(301));
    form.set("names.3.name", "");
    form.set("names.3.lang", "ru");
    form.set("links.0.url", "javascript:alert(1)");
    const before = await rowCounts();
    const errors = await fieldErrorsOf(createAgent(contributor, agentFormInput(formValues(form))));
    expect(Object.keys(errors).sort()).toEqual(["links.0.url", "names.2.name", "names.3.name"]);
    expect(await rowCounts()).toEqual(before);
  });

  test("a picker's inline create makes an agent and returns it as an option", async () => {
    const option = await createAgentInline(contributor, { name: "Kloop" });
    expect(option).toMatchObject({ label: "Kloop", hint: "Other" });
    expect(await getAgent(editor, Number(option.value))).toMatchObject({ kind: "other", slug: "kloop" });
    const person = await createAgentInline(contributor, { name: "Aida Kasymalieva", kind: "person" });
    expect(person.hint).toBe("Person");
    expect(await fieldErrorsOf(createAgentInline(contributor, { name: "  " }))).toHaveProperty("name");
  });
});

describe("bad input writes nothing", () => {
  const valid = { kind: "person", preferredName: "Valid Name" };
  test.each([
    ["a missing name", { ...valid, preferredName: " " }, "preferredName"],
    ["a name too long", { ...valid, preferredName: "x".repeat(301) }, "preferredName"],
    ["an unknown kind", { ...valid, kind: "wizard" }, "kind"],
    ["no kind", { preferredName: "Valid Name" }, "kind"],
    ["a javascript: link", { ...valid, links: [{ label: "x", url: "javascript:alert(1)" }] }, "links.0.url"],
    ["an ftp link", { ...valid, links: [{ label: "", url: "ftp://example.org/" }] }, "links.0.url"],
    ["a link without address", { ...valid, links: [{ label: "Site", url: "" }] }, "links.0.url"],
    ["a bad language code", { ...valid, names: [{ name: "X", lang: "not a code!" }] }, "names.0.lang"],
  ])("%s", async (_what, input, field) => {
    const before = await rowCounts();
    expect(await fieldErrorsOf(createAgent(contributor, input))).toHaveProperty([field]);
    expect(await rowCounts()).toEqual(before);
  });

  test("a refused edit leaves the agent as it was", async () => {
    const agent = await createAgent(contributor, { ...valid, names: [{ name: "Kept", lang: "" }] });
    const errors = await fieldErrorsOf(
      updateAgent(contributor, agent.id, {
        kind: "person",
        preferredName: "",
        names: [],
        links: [{ url: "x" }],
        baseRevision: await workingRevision(contributor, "agent", agent.id),
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(["links.0.url", "preferredName"]);
    expect(await getAgent(editor, agent.id)).toEqual(agent);
  });

  test("an unknown id is not found", async () => {
    await expect(getAgent(editor, 999_999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgent(editor, Number.NaN)).rejects.toBeInstanceOf(NotFoundError);
    // A well-formed base, so that only the id can refuse the save.
    const other = await createAgent(contributor, valid);
    const baseRevision = await workingRevision(editor, "agent", other.id);
    await expect(updateAgent(editor, 999_999, { ...valid, baseRevision })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteAgent(editor, 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});
