import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { figureAccounts, figures, sources } from "@/db/schema";
import { ForbiddenError, NotAuthenticatedError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { deleteFigure } from "@/modules/figures/delete";
import { listFigures } from "@/modules/figures/list";
import { approveFigure } from "@/modules/figures/approve";
import { getFigure } from "@/modules/figures/read";
import { createLaw } from "@/modules/laws/save";
import { disagree, readFiguresOfJurisdiction, readFiguresOfLaw } from "@/modules/public/figures";
import { createFigure, updateFigure } from "@/modules/figures/save";
import { updateSource } from "@/modules/sources/save";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser } from "./factories";

let database: Database;
let contributor: Ctx;
let otherContributor: Ctx;
let editor: Ctx;
let secondEditor: Ctx;
let reportA: number;
let reportB: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "UZ", "Uzbekistan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  contributor = (await makeUser(database.db, "contributor")).ctx;
  otherContributor = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
  secondEditor = (await makeUser(database.db, "editor", { name: "Second Editor" })).ctx;
  [{ id: reportA }, { id: reportB }] = (await database.db
    .insert(sources)
    .values([{ title: "Report A" }, { title: "Report B" }])
    .returning({ id: sources.id })) as [{ id: number }, { id: number }];
});
afterAll(() => database.close());

const acquitted = () => ({
  label: "People acquitted in Uzbekistan",
  jurisdictionCode: "uz",
  unit: "people",
  note: "",
  accounts: [{ value: "856", asOf: "2024-12", sourceId: String(reportA) }],
});

async function counts() {
  const [f] = await database.db.select({ n: count() }).from(figures);
  const [a] = await database.db.select({ n: count() }).from(figureAccounts);
  return [f!.n, a!.n];
}

describe("figures", () => {
  test("a figure keeps its value as text, its partial date and its source", async () => {
    const figure = await createFigure(contributor, acquitted());
    expect(figure).toMatchObject({
      label: "People acquitted in Uzbekistan",
      jurisdictionCode: "UZ",
      jurisdictionName: "Uzbekistan",
      unit: "people",
      disputed: false,
      createdById: contributor.actor!.id,
    });
    expect(figure.accounts).toMatchObject([
      {
        value: "856",
        asOf: { date: "2024-12-01", precision: "month", approximate: false },
        sourceTitle: "Report A",
        preferred: true,
      },
    ]);
    const decimal = await createFigure(contributor, { ...acquitted(), accounts: [{ value: "0012.50", asOf: "" }] });
    expect(decimal.accounts[0]).toMatchObject({ value: "12.5", wording: "0012.50", asOf: null, sourceId: null });
  });

  test("two disagreeing accounts are flagged disputed, the preferred one first", async () => {
    const figure = await createFigure(contributor, {
      ...acquitted(),
      accounts: [
        { value: "856", asOf: "2024-12", sourceId: String(reportA) },
        { value: "860", asOf: "2025-01", sourceId: String(reportB) },
      ],
      preferredAccount: "1",
    });
    expect(figure.disputed).toBe(true);
    expect(figure.accounts.map((a) => [a.value, a.sourceTitle, a.preferred])).toEqual([
      ["860", "Report B", true],
      ["856", "Report A", false],
    ]);
    const listed = (await listFigures(editor, { q: "acquitted" })).figures.find((f) => f.id === figure.id)!;
    expect(listed.disputed).toBe(true);
    expect(listed.accounts[0]!.value).toBe("860");
  });

  test("accounts disagree on a value or a date, not on how a number is written", () => {
    const at = (date: string, precision: "year" | "month") => ({ date, precision, approximate: false });
    expect(
      disagree([
        { value: "856", asOf: at("2024-01-01", "year") },
        { value: "0856.0", asOf: at("2024-01-01", "year") },
      ]),
    ).toBe(false);
    expect(
      disagree([
        { value: "856", asOf: at("2024-01-01", "year") },
        { value: "856", asOf: at("2024-01-01", "month") },
      ]),
    ).toBe(true);
    expect(
      disagree([
        { value: "856", asOf: null },
        { value: "85.6", asOf: null },
      ]),
    ).toBe(true);
  });

  test.each([
    ["no label", { label: " " }, "label"],
    ["no account", { accounts: [] }, "accounts"],
    ["a value that is not a number", { accounts: [{ value: "about 800", asOf: "2024" }] }, "accounts.0.value"],
    ["a negative or signed value", { accounts: [{ value: "-3", asOf: "2024" }] }, "accounts.0.value"],
    ["an impossible date", { accounts: [{ value: "856", asOf: "2024-13" }] }, "accounts.0.asOf"],
    ["an unknown source", { accounts: [{ value: "856", asOf: "2024", sourceId: "999999" }] }, "accounts.0.sourceId"],
    ["an unknown jurisdiction", { jurisdictionCode: "XX" }, "jurisdictionCode"],
    ["a law that does not exist", { lawIds: ["999999"] }, "lawIds"],
    ["a preferred account out of range", { preferredAccount: "3" }, "preferredAccount"],
  ])("%s is refused at its field and writes nothing", async (_case, change, field) => {
    const before = await counts();
    const error = await createFigure(contributor, { ...acquitted(), ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  test("numbers are entered as sources print them; the wording is kept beside the value", async () => {
    const figure = await createFigure(contributor, {
      ...acquitted(),
      label: "Victims of repression, as sources count them",
      jurisdictionCode: "",
      accounts: [
        { value: "311,000", asOf: "1991", sourceId: String(reportA) },
        { value: "2.4 million", asOf: "1991", sourceId: String(reportB) },
        { value: "18 000", asOf: "" },
      ],
    });
    expect(figure.accounts.map(({ value, wording }) => [value, wording])).toEqual([
      ["311000", "311,000"],
      ["2400000", "2.4 million"],
      ["18000", "18 000"],
    ]);
    const refused = await createFigure(contributor, { ...acquitted(), accounts: [{ value: "300–400" }] }).catch(
      (e: unknown) => e,
    );
    expect((refused as ValidationError).fieldErrors["accounts.0.value"]).toEqual([
      "Write the number as the source prints it: 856, 311,000, 18 000, 12.5 or 2.4 million.",
    ]);
  });

  test("a figure linked to laws is read for their pages and for its jurisdiction's, with its sources", async () => {
    const law = (
      await createLaw(contributor, {
        jurisdictionCode: "KZ",
        type: "law",
        status: "in_force",
        titles: [{ lang: "en", title: "On the rehabilitation of victims of mass political repression" }],
      })
    ).id;
    const figure = await createFigure(contributor, {
      ...acquitted(),
      label: "People rehabilitated in Kazakhstan",
      jurisdictionCode: "KZ",
      accounts: [{ value: "311,000", asOf: "2020", sourceId: String(reportA) }],
      lawIds: [String(law)],
    });
    expect(figure.laws).toEqual([{ id: law, title: "On the rehabilitation of victims of mass political repression" }]);
    // Saved, it waits for an editor other than its last editor.
    expect(await readFiguresOfLaw(database.db, law)).toEqual([]);
    const seen = figure.updatedAt.toISOString();
    await expect(approveFigure(contributor, figure.id, seen)).rejects.toBeInstanceOf(ForbiddenError);
    const savedByEditor = await updateFigure(editor, figure.id, {
      ...acquitted(),
      label: figure.label,
      jurisdictionCode: "KZ",
      accounts: [{ value: "311,000", asOf: "2020", sourceId: String(reportA) }],
      lawIds: [String(law)],
    });
    await expect(approveFigure(editor, figure.id, savedByEditor.updatedAt.toISOString())).rejects.toThrow(
      /Someone other than the last to save it/,
    );
    await expect(approveFigure(secondEditor, figure.id, seen)).rejects.toThrow(/changed since you opened it/);
    await approveFigure(secondEditor, figure.id, savedByEditor.updatedAt.toISOString());
    expect(await getFigure(editor, figure.id)).toMatchObject({ approvedByName: "Second Editor" });
    // Readers see it: its creator, a contributor, can no longer delete it alone.
    await expect(deleteFigure(contributor, figure.id)).rejects.toBeInstanceOf(ForbiddenError);

    const onLaw = await readFiguresOfLaw(database.db, law);
    expect(onLaw).toMatchObject([
      {
        label: "People rehabilitated in Kazakhstan",
        disputed: false,
        accounts: [{ value: "311000", wording: "311,000", sourceTitle: "Report A", asOf: { precision: "year" } }],
      },
    ]);
    expect((await readFiguresOfJurisdiction(database.db, "kz")).map((f) => f.label)).toContain(
      "People rehabilitated in Kazakhstan",
    );
    expect((await readFiguresOfJurisdiction(database.db, "UZ")).map((f) => f.label)).not.toContain(
      "People rehabilitated in Kazakhstan",
    );

    // A source edited since shows to readers as it stood when the figure was approved.
    await updateSource(editor, reportA, { title: "Report A, renamed without review", url: "" });
    expect((await readFiguresOfLaw(database.db, law))[0]!.accounts[0]!.sourceTitle).toBe("Report A");

    // Any change takes it off readers' pages until it is approved again.
    await updateFigure(contributor, figure.id, {
      ...acquitted(),
      label: figure.label,
      jurisdictionCode: "KZ",
      lawIds: [String(law)],
    });
    expect(await readFiguresOfLaw(database.db, law)).toEqual([]);
    const changed = await getFigure(editor, figure.id);
    expect(changed.approvedAt).toBeNull();
    await approveFigure(editor, figure.id, changed.updatedAt.toISOString());
    expect(await readFiguresOfLaw(database.db, law)).toMatchObject([
      { accounts: [{ sourceTitle: "Report A, renamed without review" }] },
    ]);

    // Unlinked, it leaves the law's page; deleted, its jurisdiction's.
    await updateFigure(contributor, figure.id, { ...acquitted(), label: figure.label, jurisdictionCode: "KZ" });
    expect(await readFiguresOfLaw(database.db, law)).toEqual([]);
    await deleteFigure(contributor, figure.id);
    expect((await readFiguresOfJurisdiction(database.db, "KZ")).map((f) => f.label)).not.toContain(figure.label);
  });

  test("editing replaces the accounts; a failed edit changes nothing", async () => {
    const figure = await createFigure(contributor, acquitted());
    const edited = await updateFigure(editor, figure.id, {
      ...acquitted(),
      jurisdictionCode: "",
      accounts: [{ value: "900", asOf: "~2025" }],
    });
    expect(edited.jurisdictionCode).toBeNull();
    expect(edited.accounts).toMatchObject([{ value: "900", asOf: { precision: "year", approximate: true } }]);
    await expect(
      updateFigure(editor, figure.id, { ...acquitted(), accounts: [{ value: "1", asOf: "2024", sourceId: "999999" }] }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await getFigure(editor, figure.id)).accounts.map((a) => a.value)).toEqual(["900"]);
  });

  test("the list filters by label and jurisdiction and pages through every figure once", async () => {
    await createFigure(contributor, {
      ...acquitted(),
      label: "Victims rehabilitated in Kazakhstan",
      jurisdictionCode: "KZ",
    });
    expect((await listFigures(editor, { jurisdiction: "kz" })).figures.map((f) => f.label)).toEqual([
      "Victims rehabilitated in Kazakhstan",
    ]);
    expect((await listFigures(editor, { q: "REHABILITATED" })).figures).toHaveLength(1);
    const all = (await listFigures(editor, { limit: 100 })).figures.map((f) => f.id);
    const seen: number[] = [];
    let after: string | undefined;
    do {
      const page = await listFigures(editor, { limit: 2, after });
      seen.push(...page.figures.map((f) => f.id));
      after = page.nextAfter ?? undefined;
    } while (after);
    expect(seen).toEqual(all);
  });

  test("its creator or an editor may delete it; another contributor may not", async () => {
    const mine = await createFigure(contributor, acquitted());
    await expect(deleteFigure(otherContributor, mine.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteFigure(contributor, mine.id);
    const theirs = await createFigure(otherContributor, acquitted());
    await deleteFigure(editor, theirs.id);
    const left = await database.db.select().from(figureAccounts).where(eq(figureAccounts.figureId, theirs.id));
    expect(left).toHaveLength(0);
  });

  test("nobody signed out can create, read, list, edit or delete", async () => {
    const guest = anonymous(database.db);
    const figure = await createFigure(contributor, acquitted());
    await expect(createFigure(guest, acquitted())).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(listFigures(guest)).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(getFigure(guest, figure.id)).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(updateFigure(guest, figure.id, acquitted())).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(deleteFigure(guest, figure.id)).rejects.toBeInstanceOf(NotAuthenticatedError);
  });
});
