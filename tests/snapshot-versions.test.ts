import fs from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import type { Database } from "@/db";
import { editorialItems, revisions } from "@/db/schema";
import { contentTypes, type ContentType } from "@/db/schema/vocabulary";
import { canonicalJson } from "@/modules/audit/chain";
import { createAgent, updateAgent } from "@/modules/agents/save";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { loadDemoContent } from "@/modules/system/demo-content";
import { snapshotHash } from "@/modules/workflow/revise";
import { snapshotShapes } from "@/modules/workflow/snapshots";
import { createTestDatabase } from "./db";

/*
 * Stored revisions are never rewritten, so every shape a snapshot was ever saved in must still
 * parse. tests/fixtures/snapshots/<type>-v<N>.json holds, for each version, the latest revision
 * ({ hash, snapshot } as stored) of every item of the demo content, saved by the code of that
 * version; <type>.schema.json is the current version's schema, so that changing the shape without
 * a new version fails here. A change every stored snapshot still satisfies (a new value of a
 * vocabulary) may update <type>.schema.json alone; any other change is a new version: keep the
 * old schema, upgrade from it in the parser, and add <type>-v<N+1>.json.
 */
const dir = path.join(import.meta.dirname, "fixtures/snapshots");
type Stored = { hash: string; snapshot: Record<string, unknown> };

function fixtureVersions(type: ContentType): number[] {
  return fs
    .readdirSync(dir)
    .flatMap((name) => new RegExp(`^${type}-v(\\d+)\\.json$`).exec(name)?.slice(1) ?? [])
    .map(Number)
    .sort((a, b) => a - b);
}

const fixture = (type: ContentType, version: number): Stored[] =>
  JSON.parse(fs.readFileSync(path.join(dir, `${type}-v${version}.json`), "utf8"));

let database: Database;
let ctx: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, actor: commandLineActor };
  await loadDemoContent(database.db);
});
afterAll(() => database.close());

describe.each(contentTypes)("%s snapshots", (type) => {
  const { version, schema } = snapshotShapes[type];

  test("a fixture is kept for every version up to the current one", () => {
    expect(fixtureVersions(type)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
  });

  test("every stored snapshot of every version still verifies against its hash and parses as the current version", () => {
    for (const n of fixtureVersions(type)) {
      const stored = fixture(type, n);
      expect(stored.length).toBeGreaterThan(0);
      for (const { hash, snapshot } of stored) {
        expect(snapshotHash(snapshot)).toBe(hash);
        expect(schema.parse(snapshot).schemaVersion).toBe(version);
      }
    }
  });

  test("the parser keeps every field of the current version's snapshots", () => {
    for (const { snapshot } of fixture(type, version))
      expect(canonicalJson(schema.parse(snapshot))).toBe(canonicalJson({ ...snapshot, schemaVersion: version }));
  });

  test("the shape is the one committed for the current version", () => {
    const committed = JSON.parse(fs.readFileSync(path.join(dir, `${type}.schema.json`), "utf8"));
    expect({ version, schema: z.toJSONSchema(schema) }, "a changed snapshot shape needs a new version").toEqual(
      committed,
    );
  });

  test("snapshots saved now carry the current version, and the parser keeps every field of them", async () => {
    const saved = await database.db
      .select({ snapshot: revisions.snapshot })
      .from(revisions)
      .where(eq(revisions.itemType, type));
    expect(saved.length).toBeGreaterThan(0);
    for (const { snapshot } of saved) {
      expect(snapshot.schemaVersion).toBe(version);
      expect(canonicalJson(schema.parse(snapshot)), "a field saved but not in the schema needs a new version").toBe(
        canonicalJson(snapshot),
      );
    }
  });
});

test("saving unchanged an item whose revision predates versioned snapshots records no new revision", async () => {
  const agent = await createAgent(ctx, { kind: "person", preferredName: "Ainura Dzhumabaeva" });
  const revisionCount = async () =>
    (
      await database.db
        .select({ n: count() })
        .from(revisions)
        .where(and(eq(revisions.itemType, "agent"), eq(revisions.itemId, agent.id)))
    )[0]!.n;
  const [current] = await database.db
    .select()
    .from(revisions)
    .where(and(eq(revisions.itemType, "agent"), eq(revisions.itemId, agent.id)));
  // The same content as saved before snapshots carried their version (revisions are append-only).
  const { schemaVersion: _version, ...unversioned } = current!.snapshot;
  const [old] = await database.db
    .insert(revisions)
    .values({
      itemType: "agent",
      itemId: agent.id,
      number: current!.number + 1,
      parentId: current!.id,
      snapshot: unversioned,
      hash: snapshotHash(unversioned),
    })
    .returning({ id: revisions.id });
  await database.db
    .update(editorialItems)
    .set({ workingRevisionId: old!.id })
    .where(and(eq(editorialItems.itemType, "agent"), eq(editorialItems.itemId, agent.id)));
  const before = await revisionCount();

  await updateAgent(ctx, agent.id, {
    baseRevision: old!.id,
    kind: "person",
    preferredName: "Ainura Dzhumabaeva",
  });
  expect(await revisionCount()).toBe(before);

  await updateAgent(ctx, agent.id, {
    baseRevision: old!.id,
    kind: "person",
    preferredName: "Ainura Djumabaeva",
  });
  expect(await revisionCount()).toBe(before + 1);
});
