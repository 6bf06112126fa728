import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { lawPeriodAccounts, lawPeriods, sources } from "@/db/schema";
import { NotAuthenticatedError, ValidationError } from "@/lib/errors";
import { formatDateRange, parsePartialDate, type PartialDate } from "@/lib/partial-date";
import type { Ctx } from "@/modules/auth/context";
import { addPeriod, listPeriods, removePeriod, updatePeriod } from "@/modules/laws/periods";
import { restoreLawRevision } from "@/modules/laws/restore";
import { createLaw } from "@/modules/laws/save";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { lawView } from "@/modules/public/law-view";
import { revisionSnapshot } from "@/modules/workflow/history";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, workingRevision } from "./factories";

const date = (text: string) => parsePartialDate(text) as PartialDate;
const range = (start: string, end: string) => formatDateRange(date(start), date(end));

describe("a span of dates, for readers", () => {
  test("shares what both ends share, at the precision of each", () => {
    expect(range("1917", "1953")).toBe("1917–1953");
    expect(range("1986-12-17", "1986-12-18")).toBe("17–18 December 1986");
    expect(range("1986-11-17", "1986-12-18")).toBe("17 November – 18 December 1986");
    expect(range("1937-03", "1937-06")).toBe("March–June 1937");
    expect(range("1986-12", "1987-01")).toBe("December 1986 – January 1987");
    expect(range("1986-12-17", "1987")).toBe("17 December 1986 – 1987");
    expect(range("1986", "1986")).toBe("1986");
    expect(range("~1917", "1953")).toBe("c. 1917 – 1953");
  });
});

describe("a law's covered periods", () => {
  let database: Database;
  let ctx: Ctx;
  let lawId: number;
  let reportA: number;
  let reportB: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    await makeJurisdiction(database.db, "KZ");
    ctx = (await makeUser(database.db, "contributor")).ctx;
    lawId = (
      await createLaw(ctx, {
        jurisdictionCode: "KZ",
        type: "law",
        status: "in_force",
        titles: [{ lang: "en", title: "On the rehabilitation of victims of mass political repression" }],
      })
    ).id;
    [{ id: reportA }, { id: reportB }] = (await database.db
      .insert(sources)
      .values([{ title: "Commission report" }, { title: "Archive guide" }])
      .returning({ id: sources.id })) as [{ id: number }, { id: number }];
  });
  afterAll(() => database.close());

  const base = () => workingRevision(ctx, "law", lawId);
  const account = (start: string, end: string, sourceId: number | "" = "") => ({
    start,
    end,
    sourceId: String(sourceId),
    note: "",
  });
  const periodCount = async () => (await database.db.select({ n: count() }).from(lawPeriods))[0]!.n;

  test("a period takes partial dates and several sourced accounts; a disagreement is kept, not resolved", async () => {
    const id = await addPeriod(ctx, lawId, {
      baseRevision: await base(),
      note: "Repression decided in these years",
      accounts: [account("1917", "1953", reportA), account("1918", "1953", reportB)],
      preferredAccount: "0",
    });
    await addPeriod(ctx, lawId, { baseRevision: await base(), accounts: [account("1986-12-17", "1986-12-18")] });
    const [first, second] = await listPeriods(ctx, lawId);
    expect(first).toMatchObject({
      id,
      note: "Repression decided in these years",
      start: { date: "1917-01-01", precision: "year" },
      disputed: true,
      accounts: [
        { sourceTitle: "Commission report", preferred: true },
        { sourceTitle: "Archive guide", preferred: false },
      ],
    });
    expect(formatDateRange(second!.start, second!.end)).toBe("17–18 December 1986");
    expect(second!.disputed).toBe(false);

    // Readers get them from the revision's snapshot, placed the same way.
    const snapshot = parseLawSnapshot(await revisionSnapshot(ctx, "law", lawId, 3));
    const view = lawView(snapshot, {
      id: lawId,
      jurisdictionName: "Kazakhstan",
      publishedAt: null,
      agents: new Map(),
      related: [],
      discussions: [],
    });
    expect(view.periods.map((p) => formatDateRange(p.start, p.end))).toEqual(["1917–1953", "17–18 December 1986"]);
    expect(view.periods[0]!.disputed).toBe(true);
  });

  test.each([
    ["an end before the start", account("1953", "1917"), "accounts.0.end", /ends before it starts/],
    [
      "a day before the month it ends in is fine, a day after it is not",
      account("1986-12-19", "1986-11"),
      "accounts.0.end",
      /ends before/,
    ],
    ["a start without an end", account("1917", ""), "accounts.0.end", /when the period ends/],
    ["an impossible day", account("1986-02-30", "1987"), "accounts.0.start", /Use a year/],
  ])("%s is refused at its field and writes nothing", async (_case, bad, field, message) => {
    const before = await periodCount();
    const error = await addPeriod(ctx, lawId, { baseRevision: await base(), accounts: [bad] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors[field]?.join(" ")).toMatch(message);
    expect(await periodCount()).toBe(before);
  });

  test("no account at all is refused; a source deleted meanwhile is named at its row", async () => {
    const empty = await addPeriod(ctx, lawId, { baseRevision: await base(), accounts: [] }).catch((e: unknown) => e);
    expect((empty as ValidationError).fieldErrors.accounts).toBeTruthy();
    const gone = await addPeriod(ctx, lawId, {
      baseRevision: await base(),
      accounts: [account("1937", "1938", 99_999_999)],
    }).catch((e: unknown) => e);
    expect((gone as ValidationError).fieldErrors["accounts.0.sourceId"]).toEqual(["That source no longer exists."]);
  });

  test("editing replaces the accounts, removing takes them along, and restoring brings both back", async () => {
    const [period] = await listPeriods(ctx, lawId);
    const before = await workingRevision(ctx, "law", lawId);
    await updatePeriod(ctx, period!.id, {
      baseRevision: before,
      note: "",
      accounts: [account("1918", "1953", reportB)],
    });
    expect((await listPeriods(ctx, lawId))[0]).toMatchObject({ disputed: false, accounts: [{ sourceId: reportB }] });
    await removePeriod(ctx, period!.id, await base());
    const accounts = await database.db
      .select()
      .from(lawPeriodAccounts)
      .where(eq(lawPeriodAccounts.periodId, period!.id));
    expect(accounts).toHaveLength(0);
    expect(await listPeriods(ctx, lawId)).toHaveLength(1);

    await restoreLawRevision(ctx, lawId, 3, await base());
    const restored = await listPeriods(ctx, lawId);
    expect(restored.map((p) => formatDateRange(p.start, p.end))).toEqual(["1917–1953", "17–18 December 1986"]);
    expect(restored[0]).toMatchObject({ disputed: true, note: "Repression decided in these years" });
  });

  test("changes need a signed-in writer", async () => {
    await expect(
      addPeriod(anonymous(database.db), lawId, { baseRevision: await base(), accounts: [account("1917", "1953")] }),
    ).rejects.toBeInstanceOf(NotAuthenticatedError);
  });
});
