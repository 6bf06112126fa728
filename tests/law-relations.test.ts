import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { laws, lawRelations } from "@/db/schema";
import { NotAuthenticatedError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { searchLawOptions } from "@/modules/laws/options";
import { addLawRelation, listLawRelations, removeLawRelation } from "@/modules/laws/relations";
import { createLaw } from "@/modules/laws/save";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, workingRevision } from "./factories";

let database: Database;
let contributor: Ctx;
let otherContributor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  contributor = (await makeUser(database.db, "contributor")).ctx;
  otherContributor = (await makeUser(database.db, "contributor")).ctx;
});
afterAll(() => database.close());

async function makeLaw(title: string, jurisdictionCode = "KG", otherTitles: { lang: string; title: string }[] = []) {
  return createLaw(contributor, {
    jurisdictionCode,
    type: "law",
    status: "adopted",
    titles: [{ lang: "en", title }, ...otherTitles],
  });
}

/** A law's working revision: relations are saved on the law they start from, on its current revision. */
const base = (lawId: number) => workingRevision(contributor, "law", lawId);

async function relationCount() {
  const [row] = await database.db.select({ n: count() }).from(lawRelations);
  return row!.n;
}

async function ageLaws(...ids: number[]) {
  for (const id of ids)
    await database.db
      .update(laws)
      .set({ updatedAt: new Date("2000-01-01T00:00:00Z") })
      .where(eq(laws.id, id));
}

async function changedRecently(id: number) {
  const [row] = await database.db.select({ updatedAt: laws.updatedAt }).from(laws).where(eq(laws.id, id));
  return row!.updatedAt.getTime() > Date.parse("2001-01-01T00:00:00Z");
}

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("relations between laws", () => {
  test("a relation shows on both laws, with the label of each side, and marks both as changed", async () => {
    const code = await makeLaw("Criminal Code amendments of 2024");
    const amended = await makeLaw("Criminal Code");
    await ageLaws(code.id, amended.id);
    const relation = await addLawRelation(contributor, code.id, {
      toLawId: String(amended.id),
      kind: "amends",
      note: " Article 5 ",
      baseRevision: await base(code.id),
    });
    expect(relation).toMatchObject({ fromLawId: code.id, toLawId: amended.id, kind: "amends", note: "Article 5" });
    expect(await changedRecently(code.id)).toBe(true);
    expect(await changedRecently(amended.id)).toBe(true);

    const fromSide = await listLawRelations(contributor, code.id);
    expect(fromSide.incoming).toEqual([]);
    expect(fromSide.outgoing).toEqual([
      {
        id: relation.id,
        kind: "amends",
        direction: "outgoing",
        label: "Amends",
        note: "Article 5",
        other: { id: amended.id, title: "Criminal Code", jurisdictionCode: "KG", status: "adopted" },
      },
    ]);
    const toSide = await listLawRelations(contributor, amended.id);
    expect(toSide.outgoing).toEqual([]);
    expect(toSide.incoming).toMatchObject([
      { id: relation.id, direction: "incoming", label: "Amended by", other: { id: code.id } },
    ]);
  });

  test("“comparable to” reads the same from either side", async () => {
    const kyrgyz = await makeLaw("On the rehabilitation of victims of political repression (KG)");
    const kazakh = await makeLaw("On the rehabilitation of victims of mass political repression", "KZ");
    await addLawRelation(contributor, kazakh.id, {
      toLawId: kyrgyz.id,
      kind: "comparable",
      baseRevision: await base(kazakh.id),
    });
    expect((await listLawRelations(contributor, kazakh.id)).outgoing.map((r) => r.label)).toEqual(["Comparable to"]);
    expect((await listLawRelations(contributor, kyrgyz.id)).incoming.map((r) => r.label)).toEqual(["Comparable to"]);
  });

  test("“succeeds” reads as “succeeded by” on the older law, and a related act is recorded once for both", async () => {
    const old = await makeLaw("On rehabilitation (1991)");
    const current = await makeLaw("On rehabilitation (2024)");
    await addLawRelation(contributor, current.id, {
      toLawId: old.id,
      kind: "succeeds",
      baseRevision: await base(current.id),
    });
    expect((await listLawRelations(contributor, current.id)).outgoing.map((r) => r.label)).toEqual(["Succeeds"]);
    expect((await listLawRelations(contributor, old.id)).incoming.map((r) => r.label)).toEqual(["Succeeded by"]);

    await addLawRelation(contributor, old.id, {
      toLawId: current.id,
      kind: "related",
      baseRevision: await base(old.id),
    });
    expect((await listLawRelations(contributor, current.id)).incoming.map((r) => r.label)).toContain("Related act");
    const mirror = await addLawRelation(contributor, current.id, {
      toLawId: old.id,
      kind: "related",
      baseRevision: await base(current.id),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(mirror).toBeInstanceOf(ValidationError);
    expect((mirror as ValidationError).fieldErrors.toLawId).toEqual([
      "These laws are already recorded as related acts.",
    ]);
  });

  test("the same two laws may hold different kinds of relation", async () => {
    const a = await makeLaw("Implementing decree");
    const b = await makeLaw("Framework law");
    await addLawRelation(contributor, a.id, { toLawId: b.id, kind: "implements", baseRevision: await base(a.id) });
    await addLawRelation(contributor, a.id, { toLawId: b.id, kind: "cites", baseRevision: await base(a.id) });
    await addLawRelation(contributor, b.id, { toLawId: a.id, kind: "cites", baseRevision: await base(b.id) });
    const list = await listLawRelations(contributor, a.id);
    expect(list.outgoing.map((r) => r.label)).toEqual(["Implements", "Cites"]);
    expect(list.incoming.map((r) => r.label)).toEqual(["Cited by"]);
  });

  test("removing a relation takes it off both laws", async () => {
    const a = await makeLaw("Repealing law");
    const b = await makeLaw("Repealed law");
    const relation = await addLawRelation(otherContributor, a.id, {
      toLawId: b.id,
      kind: "repeals",
      baseRevision: await base(a.id),
    });
    await ageLaws(a.id, b.id);
    await removeLawRelation(contributor, relation.id, await base(a.id));
    expect(await listLawRelations(contributor, a.id)).toEqual({ outgoing: [], incoming: [] });
    expect(await listLawRelations(contributor, b.id)).toEqual({ outgoing: [], incoming: [] });
    expect(await changedRecently(a.id)).toBe(true);
    expect(await changedRecently(b.id)).toBe(true);
    await expect(removeLawRelation(contributor, relation.id, await base(a.id))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("refused relations", () => {
  test.each([
    ["a relation to itself", (self: number) => ({ toLawId: self, kind: "cites" }), "toLawId"],
    ["an unknown other law", () => ({ toLawId: 999999, kind: "cites" }), "toLawId"],
    ["no other law", () => ({ toLawId: "", kind: "cites" }), "toLawId"],
    ["an unknown kind", (_self: number, other: number) => ({ toLawId: other, kind: "supersedes" }), "kind"],
    [
      "a note that is too long",
      (_self: number, other: number) => ({ toLawId: other, kind: "cites", note: "x".repeat(2001) }),
      "note",
    ],
  ])("%s is refused at its field and writes nothing", async (_case, input, field) => {
    const self = await makeLaw("A law with a bad relation");
    const other = await makeLaw("Its would-be partner");
    await ageLaws(self.id, other.id);
    const before = await relationCount();
    const errors = await fieldErrors(
      addLawRelation(contributor, self.id, { ...input(self.id, other.id), baseRevision: await base(self.id) }),
    );
    expect(Object.keys(errors)).toEqual([field]);
    expect(await relationCount()).toBe(before);
    expect(await changedRecently(self.id)).toBe(false);
  });

  test("a duplicate is refused, and so is the mirror image of “comparable to”", async () => {
    const a = await makeLaw("First comparable law");
    const b = await makeLaw("Second comparable law");
    await addLawRelation(contributor, a.id, { toLawId: b.id, kind: "amends", baseRevision: await base(a.id) });
    await addLawRelation(contributor, a.id, { toLawId: b.id, kind: "comparable", baseRevision: await base(a.id) });
    const before = await relationCount();

    const duplicate = await fieldErrors(
      addLawRelation(contributor, a.id, { toLawId: b.id, kind: "amends", baseRevision: await base(a.id) }),
    );
    expect(duplicate.toLawId).toEqual(["This law already amends “Second comparable law”."]);
    const sameComparable = await fieldErrors(
      addLawRelation(contributor, a.id, { toLawId: b.id, kind: "comparable", baseRevision: await base(a.id) }),
    );
    expect(sameComparable.toLawId).toBeDefined();
    const mirror = await fieldErrors(
      addLawRelation(contributor, b.id, { toLawId: a.id, kind: "comparable", baseRevision: await base(b.id) }),
    );
    expect(mirror.toLawId).toEqual(["These laws are already recorded as comparable."]);
    expect(await relationCount()).toBe(before);

    // The mirror image of an asymmetric relation is a different fact: B amends A is allowed.
    await addLawRelation(contributor, b.id, { toLawId: a.id, kind: "amends", baseRevision: await base(b.id) });
  });

  test("two editors relating the same laws as comparable at once record it once", async () => {
    const a = await makeLaw("Comparable law, first editor");
    const b = await makeLaw("Comparable law, second editor");
    const [baseA, baseB] = [await base(a.id), await base(b.id)];
    const results = await Promise.allSettled([
      addLawRelation(contributor, a.id, { toLawId: b.id, kind: "comparable", baseRevision: baseA }),
      addLawRelation(otherContributor, b.id, { toLawId: a.id, kind: "comparable", baseRevision: baseB }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ValidationError);
    const list = await listLawRelations(contributor, a.id);
    expect(list.outgoing.length + list.incoming.length).toBe(1);
  });

  test("a relation from a law that does not exist is not found", async () => {
    const other = await makeLaw("A law next to a missing one");
    const baseRevision = await base(other.id);
    await expect(
      addLawRelation(contributor, 999999, { toLawId: other.id, kind: "cites", baseRevision }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(listLawRelations(contributor, 999999)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("nobody signed out can list, add, remove or search", async () => {
    const a = await makeLaw("A law guests cannot relate");
    const b = await makeLaw("Another law guests cannot relate");
    const relation = await addLawRelation(contributor, a.id, {
      toLawId: b.id,
      kind: "cites",
      baseRevision: await base(a.id),
    });
    const guest = anonymous(database.db);
    await expect(listLawRelations(guest, a.id)).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(
      addLawRelation(guest, b.id, { toLawId: a.id, kind: "cites", baseRevision: await base(b.id) }),
    ).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(removeLawRelation(guest, relation.id, await base(a.id))).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(searchLawOptions(guest, "law")).rejects.toBeInstanceOf(NotAuthenticatedError);
    expect((await listLawRelations(contributor, a.id)).outgoing).toHaveLength(1);
  });
});

describe("the law picker", () => {
  test("finds a law by any of its titles, never the excluded one, with jurisdiction and status", async () => {
    const kazakh = await makeLaw("Law on the rehabilitation of victims of mass political repression (1993)", "KZ", [
      { lang: "ru", title: "О реабилитации жертв массовых политических репрессий" },
    ]);
    const other = await makeLaw("Rehabilitation of repressed citizens: a second law");
    expect(await searchLawOptions(contributor, "массовых")).toEqual([
      {
        value: String(kazakh.id),
        label: "Law on the rehabilitation of victims of mass political repression (1993)",
        hint: "KZ · Adopted",
      },
    ]);
    const found = await searchLawOptions(contributor, "rehabilitation", { limit: 50 });
    expect(found.map((o) => o.value)).toEqual(expect.arrayContaining([String(kazakh.id), String(other.id)]));
    // Titles that start with the query come first.
    expect(found[0]!.label.toLowerCase().startsWith("rehabilitation")).toBe(true);
    const without = await searchLawOptions(contributor, "rehabilitation", { exceptId: kazakh.id, limit: 50 });
    expect(without.map((o) => o.value)).not.toContain(String(kazakh.id));
    expect(await searchLawOptions(contributor, "100%_")).toEqual([]);
    expect(await searchLawOptions(contributor, "", { limit: 3 })).toHaveLength(3);
  });
});
