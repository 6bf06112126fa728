import { asc, desc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { agents } from "@/db/schema";
import { demoAgents } from "@/db/seed/demo-agents";
import { agentPageSize, listAgents, type AgentListFilter } from "@/modules/agents/list";
import { searchTextOf } from "@/modules/agents/match";
import { createAgent } from "@/modules/agents/save";
import { searchAgentOptions } from "@/modules/agents/search";
import type { Ctx } from "@/modules/auth/context";
import { createTestDatabase } from "./db";
import { makeUser } from "./factories";

let database: Database;
let ctx: Ctx;
const idOf: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = (await makeUser(database.db, "contributor")).ctx;
  for (const demo of demoAgents) {
    const agent = await createAgent(ctx, demo);
    expect(agent.slug).toBe(demo.slug);
    idOf[demo.slug] = agent.id;
  }
  for (const preferredName of ["TRT World", "Atrtx Holdings", "A_B Media", "AxB Media", "100% Radio"]) {
    await createAgent(ctx, { kind: "media_outlet", preferredName });
  }
});
afterAll(() => database.close());

async function namesFound(q: string, filter: AgentListFilter = {}) {
  return (await listAgents(ctx, { ...filter, q })).rows.map((r) => r.preferredName);
}

describe("finding an agent by any of its names", () => {
  test.each([
    ["Japarov", "Sadyr Japarov"],
    ["Zhaparov", "Sadyr Japarov"],
    ["Жапаров", "Sadyr Japarov"],
    ["Садыр", "Sadyr Japarov"],
    ["japarow", "Sadyr Japarov"],
    ["Sadir Japarov", "Sadyr Japarov"],
    ["Jogorku", "Jogorku Kenesh"],
    ["Zhogorku Kenesh", "Jogorku Kenesh"],
    ["Жогорку Кенеш", "Jogorku Kenesh"],
    ["Turkiye Radyo", "TRT"],
    ["Верховный Совет", "Supreme Council of the Republic of Kazakhstan"],
  ])("%s finds %s", async (q, expected) => {
    expect(await namesFound(q)).toContain(expected);
    expect((await searchAgentOptions(ctx, q)).map((o) => o.label)).toContain(expected);
  });

  test("the kind facet narrows the text filter", async () => {
    expect(await namesFound("Kenesh", { kind: "legislature" })).toEqual(["Jogorku Kenesh"]);
    expect(await namesFound("Kenesh", { kind: "person" })).toEqual([]);
  });

  test("LIKE's special characters are taken literally", async () => {
    expect(await namesFound("a_b")).toEqual(["A_B Media"]);
    expect(await namesFound("100%")).toEqual(["100% Radio"]);
    // Nothing searchable is left of these: they match nothing rather than everything.
    for (const q of ["%", "_", "\\", "%_%"]) {
      expect(await namesFound(q)).toEqual([]);
      expect(await searchAgentOptions(ctx, q)).toEqual([]);
    }
  });
});

describe("picker options", () => {
  test("rank exact names first, then names starting with the query, then the rest", async () => {
    const labels = (await searchAgentOptions(ctx, "trt")).map((o) => o.label);
    expect(labels.slice(0, 3)).toEqual(["TRT", "TRT World", "Atrtx Holdings"]);
  });

  test("say the kind and the variant that matched, in the script it was typed in", async () => {
    const [cyrillic] = await searchAgentOptions(ctx, "Жапаров");
    expect(cyrillic).toEqual({
      value: String(idOf["sadyr-japarov"]),
      label: "Sadyr Japarov",
      hint: "Person · Жапаров Садыр",
    });
    const [latin] = await searchAgentOptions(ctx, "Zhaparov");
    expect(latin!.hint).toBe("Person · Zhaparov");
    const [preferred] = await searchAgentOptions(ctx, "Japarov");
    expect(preferred!.hint).toBe("Person");
    const [legislature] = await searchAgentOptions(ctx, "Жогорку");
    expect(legislature).toMatchObject({ label: "Jogorku Kenesh", hint: "Legislature · Жогорку Кенеш" });
  });

  test("an empty query lists recent agents, and the limit holds", async () => {
    expect(await searchAgentOptions(ctx, "", 3)).toHaveLength(3);
    expect(await searchAgentOptions(ctx, "a", 2)).toHaveLength(2);
  });
});

describe("keyset pagination", () => {
  let all: number;
  beforeAll(async () => {
    // 130 more agents, many with one name, many saved at the same microsecond: ties everywhere.
    const rows = Array.from({ length: 130 }, (_, i) => {
      const preferredName = i % 2 === 0 ? "Same Name" : `Agent ${String(i).padStart(3, "0")}`;
      return { slug: `bulk-${i}`, kind: "other" as const, preferredName, searchText: searchTextOf(preferredName, []) };
    });
    await database.db.insert(agents).values(rows);
    await database.db.execute(
      sql`update agents set updated_at = timestamptz '2024-05-01 10:00:00.123456+00' + (id % 4) * interval '1 microsecond'`,
    );
    all = (await database.db.select({ id: agents.id }).from(agents)).length;
  });

  async function walk(filter: AgentListFilter) {
    const seen: number[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await listAgents(ctx, { ...filter, after });
      expect(page.rows.length).toBeLessThanOrEqual(agentPageSize);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextAfter) return seen;
      expect(page.rows).toHaveLength(agentPageSize);
      after = page.nextAfter;
    }
    throw new Error("pagination did not end");
  }

  test("by name: every agent once, in the database's order", async () => {
    const expected = await database.db
      .select({ id: agents.id })
      .from(agents)
      .orderBy(asc(agents.preferredName), asc(agents.id));
    const seen = await walk({ sort: "name" });
    expect(seen).toHaveLength(all);
    expect(all).toBeGreaterThan(2 * agentPageSize);
    expect(seen).toEqual(expected.map((r) => r.id));
  });

  test("by last update: every agent once, newest first, ties broken by id", async () => {
    const expected = await database.db
      .select({ id: agents.id })
      .from(agents)
      .orderBy(desc(agents.updatedAt), desc(agents.id));
    expect(await walk({ sort: "updated" })).toEqual(expected.map((r) => r.id));
  });

  test("with a filter, and from a malformed cursor", async () => {
    const same = await walk({ q: "same name", sort: "updated" });
    expect(same).toHaveLength(65);
    expect(new Set(same).size).toBe(65);
    const first = await listAgents(ctx, {});
    for (const after of ["garbage", "WyJ4Il0", Buffer.from('["x", -1]').toString("base64url")]) {
      expect((await listAgents(ctx, { after })).rows).toEqual(first.rows);
    }
  });
});
