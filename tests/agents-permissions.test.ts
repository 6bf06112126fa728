import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { agentNames, agents, articleAuthors, articles, lawEvents, laws, sources } from "@/db/schema";
import { ConflictError, ForbiddenError, NotAuthenticatedError, NotFoundError } from "@/lib/errors";
import { deleteAgent } from "@/modules/agents/delete";
import { listAgents } from "@/modules/agents/list";
import { getAgent } from "@/modules/agents/read";
import { createAgent, createAgentInline, updateAgent } from "@/modules/agents/save";
import { searchAgentOptions } from "@/modules/agents/search";
import type { Ctx } from "@/modules/auth/context";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser } from "./factories";

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

describe("permissions", () => {
  test("nobody signed out can call any of it", async () => {
    const agent = await createAgent(contributor, { kind: "person", preferredName: "Guarded" });
    const nobody = anonymous(database.db);
    const calls = [
      () => listAgents(nobody),
      () => getAgent(nobody, agent.id),
      () => searchAgentOptions(nobody, "Guarded"),
      () => createAgent(nobody, { kind: "person", preferredName: "Intruder" }),
      () => createAgent(nobody, {}),
      () => createAgentInline(nobody, { name: "Intruder" }),
      () => updateAgent(nobody, agent.id, { kind: "person", preferredName: "Changed" }),
      () => deleteAgent(nobody, agent.id),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(NotAuthenticatedError);
    expect((await getAgent(editor, agent.id)).preferredName).toBe("Guarded");
  });

  test("a contributor deletes only their own agents; an editor deletes anyone's", async () => {
    const mine = await createAgent(contributor, { kind: "person", preferredName: "Mine" });
    const theirs = await createAgent(otherContributor, { kind: "person", preferredName: "Theirs" });
    const orphan = await createAgent(otherContributor, { kind: "person", preferredName: "Orphan" });

    await expect(deleteAgent(contributor, theirs.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAgent(editor, theirs.id)).resolves.toBeTruthy();

    await deleteAgent(contributor, mine.id);
    await expect(getAgent(editor, mine.id)).rejects.toBeInstanceOf(NotFoundError);

    await deleteAgent(editor, theirs.id);
    await expect(getAgent(editor, theirs.id)).rejects.toBeInstanceOf(NotFoundError);

    // An agent whose creator's account is gone (created_by set null) is the editors' to delete.
    await database.db.update(agents).set({ createdById: null }).where(eq(agents.id, orphan.id));
    await expect(deleteAgent(contributor, orphan.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteAgent(editor, orphan.id);
  });

  test("deleting removes the agent's names with it", async () => {
    const agent = await createAgent(contributor, { kind: "person", preferredName: "Gone", names: [{ name: "G." }] });
    await deleteAgent(contributor, agent.id);
    expect(await database.db.select().from(agentNames).where(eq(agentNames.agentId, agent.id))).toEqual([]);
  });
});

describe("delete refuses while the agent is referenced", () => {
  test("by articles (author, publisher, credit), law events and sources, naming each", async () => {
    const agent = await createAgent(contributor, { kind: "media_outlet", preferredName: "TRT" });
    const db = database.db;
    await makeJurisdiction(db, "KG");
    const [law] = await db
      .insert(laws)
      .values({ slug: "a-law", jurisdictionCode: "KG", title: "A law", summary: "", status: "adopted" })
      .returning({ id: laws.id });
    const [article] = await db
      .insert(articles)
      .values({ slug: "a-report", kind: "news", title: "A report", publisherId: agent.id, creditedAgentId: agent.id })
      .returning({ id: articles.id });
    await db.insert(articleAuthors).values({ articleId: article!.id, agentId: agent.id });
    await db.insert(lawEvents).values([
      { lawId: law!.id, kind: "adopted", agentId: agent.id },
      { lawId: law!.id, kind: "signed", agentId: agent.id },
    ]);
    await db.insert(sources).values({ title: "A source", publisherId: agent.id });

    const refusal = deleteAgent(editor, agent.id);
    await expect(refusal).rejects.toBeInstanceOf(ConflictError);
    await expect(refusal).rejects.toThrow(
      "TRT cannot be deleted: still author of 1 article, publisher of 1 article, credited by 1 article, " +
        "actor in 2 law events, publisher of 1 source.",
    );
    await expect(getAgent(editor, agent.id)).resolves.toBeTruthy();

    // Once the last reference is gone, it can go.
    await db.delete(articles).where(eq(articles.id, article!.id));
    await db.delete(lawEvents).where(eq(lawEvents.agentId, agent.id));
    await expect(deleteAgent(editor, agent.id)).rejects.toThrow("still publisher of 1 source.");
    await db.delete(sources).where(eq(sources.publisherId, agent.id));
    await deleteAgent(editor, agent.id);
    await expect(getAgent(editor, agent.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
