import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { jurisdictions } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { deleteJurisdiction } from "@/modules/jurisdictions/delete";
import { getJurisdiction } from "@/modules/jurisdictions/read";
import { createJurisdiction, updateJurisdiction } from "@/modules/jurisdictions/save";
import { readJurisdiction } from "@/modules/public/jurisdiction";
import { createTestDatabase } from "./db";
import { makeUser } from "./factories";

let database: Database;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await makeUser(database.db, "admin")).ctx;
  await createJurisdiction(admin, { code: "KG", name: "Kyrgyzstan", kind: "country" });
  await createJurisdiction(admin, { code: "SU", name: "Soviet Union", kind: "historical" });
  await createJurisdiction(admin, {
    code: "KIRSSR",
    name: "Kirghiz SSR",
    kind: "historical",
    successorCode: "KG",
  });
});
afterAll(() => database.close());

async function fieldErrors(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

test("a succession is shown on both jurisdictions' public pages", async () => {
  expect((await getJurisdiction(admin, "KIRSSR")).successorCode).toBe("KG");
  const before = await readJurisdiction(database.db, "kirssr");
  expect(before).toMatchObject({ successor: { name: "Kyrgyzstan", path: "/jurisdictions/kg" }, predecessors: [] });
  const after = await readJurisdiction(database.db, "kg");
  expect(after).toMatchObject({
    successor: null,
    predecessors: [{ name: "Kirghiz SSR", path: "/jurisdictions/kirssr" }],
  });
});

test("a successor that does not exist, the jurisdiction itself, or one that would close a loop is refused", async () => {
  const stored = () => database.db.select().from(jurisdictions).orderBy(jurisdictions.code);
  const before = await stored();
  expect(
    await fieldErrors(() =>
      updateJurisdiction(admin, "SU", { name: "Soviet Union", kind: "historical", successorCode: "XX" }),
    ),
  ).toEqual({ successorCode: ["No such jurisdiction."] });
  expect(
    await fieldErrors(() =>
      updateJurisdiction(admin, "SU", { name: "Soviet Union", kind: "historical", successorCode: "SU" }),
    ),
  ).toEqual({ successorCode: ["A jurisdiction cannot succeed itself."] });
  // Kirghiz SSR → Kyrgyzstan already: Kyrgyzstan → Kirghiz SSR would go round.
  expect(
    await fieldErrors(() =>
      updateJurisdiction(admin, "KG", { name: "Kyrgyzstan", kind: "country", successorCode: "KIRSSR" }),
    ),
  ).toEqual({ successorCode: ["That jurisdiction already comes after this one."] });
  expect(await stored()).toEqual(before);
});

test("an edit can clear a successor, and deleting a successor leaves its predecessor without one", async () => {
  await createJurisdiction(admin, { code: "XA", name: "Test A", kind: "historical", successorCode: "SU" });
  await updateJurisdiction(admin, "XA", { name: "Test A", kind: "historical", successorCode: "" });
  expect((await getJurisdiction(admin, "XA")).successorCode).toBeNull();
  await createJurisdiction(admin, { code: "XB", name: "Test B", kind: "historical" });
  await updateJurisdiction(admin, "XA", { name: "Test A", kind: "historical", successorCode: "XB" });
  await deleteJurisdiction(admin, "XB");
  expect((await getJurisdiction(admin, "XA")).successorCode).toBeNull();
});
