import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { agents, lawEventAccounts, lawEvents, sources } from "@/db/schema";
import { ConflictError, NotAuthenticatedError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { addEvent, listEvents, moveEvent, removeEvent, updateEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { EditConflictError } from "@/modules/workflow/conflict";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, workingRevision } from "./factories";

let database: Database;
let ctx: Ctx;
let lawId: number;
let kenesh: number;
let reportA: number;
let reportB: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG");
  ctx = (await makeUser(database.db, "contributor")).ctx;
  lawId = (
    await createLaw(ctx, {
      jurisdictionCode: "KG",
      type: "law",
      status: "adopted",
      titles: [{ lang: "en", title: "Rehabilitation law" }],
    })
  ).id;
  [{ id: kenesh }] = (await database.db
    .insert(agents)
    .values({ slug: "jogorku-kenesh", kind: "legislature", preferredName: "Jogorku Kenesh" })
    .returning({ id: agents.id })) as [{ id: number }];
  [{ id: reportA }, { id: reportB }] = (await database.db
    .insert(sources)
    .values([{ title: "Report A" }, { title: "Report B" }])
    .returning({ id: sources.id })) as [{ id: number }, { id: number }];
});
afterAll(() => database.close());

const account = (date: string, sourceId: number | "" = "") => ({ date, sourceId: String(sourceId), note: "" });

/** The law's working revision, the base every save of its timeline names; each save moves it on. */
const base = () => workingRevision(ctx, "law", lawId);

async function eventCount() {
  const [row] = await database.db.select({ n: count() }).from(lawEvents);
  return row!.n;
}

describe("a law's timeline", () => {
  test("keeps partial dates at their precision and orders events by date, unknown last", async () => {
    const adopted = await addEvent(ctx, lawId, {
      baseRevision: await base(),
      kind: "adopted",
      agentId: String(kenesh),
      accounts: [account("2024-12", reportA)],
    });
    await addEvent(ctx, lawId, { baseRevision: await base(), kind: "signed", accounts: [account("")] });
    await addEvent(ctx, lawId, { baseRevision: await base(), kind: "initiated", accounts: [account("2023-01")] });
    await addEvent(ctx, lawId, { baseRevision: await base(), kind: "published", accounts: [account("~2025")] });

    const events = await listEvents(ctx, lawId);
    expect(events.map((e) => e.kind)).toEqual(["initiated", "adopted", "published", "signed"]);
    expect(events[0]!.date).toEqual({ date: "2023-01-01", precision: "month", approximate: false });
    expect(events[2]!.date).toEqual({ date: "2025-01-01", precision: "year", approximate: true });
    expect(events[3]!.date).toBeNull();
    expect(events.find((e) => e.id === adopted)).toMatchObject({ agentName: "Jogorku Kenesh", disputed: false });
  });

  test("an event whose sources disagree keeps every account and shows the disagreement", async () => {
    const id = await addEvent(ctx, lawId, {
      baseRevision: await base(),
      kind: "in_force",
      accounts: [account("2024-11", reportA), account("2024-12", reportB)],
      preferredAccount: "1",
    });
    const event = (await listEvents(ctx, lawId)).find((e) => e.id === id)!;
    expect(event.disputed).toBe(true);
    expect(event.date).toMatchObject({ date: "2024-12-01", precision: "month" });
    expect(event.accounts.map((a) => [a.sourceTitle, a.preferred])).toEqual([
      ["Report A", false],
      ["Report B", true],
    ]);
  });

  test.each([
    ["an impossible month", { accounts: [account("2024-13")] }, "accounts.0.date"],
    ["an impossible day", { accounts: [account("2023-02-30")] }, "accounts.0.date"],
    ["an unknown kind", { kind: "vetoed-twice" }, "kind"],
    ["a source that does not exist", { accounts: [account("2024", 999999)] }, "accounts.0.sourceId"],
    ["an agent that does not exist", { agentId: "999999" }, "agentId"],
  ])("%s is refused at its field and writes nothing", async (_case, change, field) => {
    const before = await eventCount();
    const error = await addEvent(ctx, lawId, {
      baseRevision: await base(),
      kind: "adopted",
      accounts: [account("2024")],
      ...change,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
    expect(await eventCount()).toBe(before);
  });

  test("a blank extra account is dropped rather than shown as a disagreement; none at all means unknown", async () => {
    const id = await addEvent(ctx, lawId, {
      baseRevision: await base(),
      kind: "published",
      accounts: [account("", ""), account("2025-02", reportA), account("", "")],
      preferredAccount: "1",
    });
    const event = (await listEvents(ctx, lawId)).find((e) => e.id === id)!;
    expect(event.accounts).toHaveLength(1);
    expect(event).toMatchObject({ disputed: false, date: { date: "2025-02-01", precision: "month" } });

    const undated = await addEvent(ctx, lawId, { baseRevision: await base(), kind: "other", accounts: [] });
    expect((await listEvents(ctx, lawId)).find((e) => e.id === undated)).toMatchObject({ date: null, disputed: false });
  });

  test("an event cannot be moved past one whose date does not overlap its own", async () => {
    const early = await addEvent(ctx, lawId, {
      baseRevision: await base(),
      kind: "reading",
      accounts: [account("2024-03")],
    });
    await addEvent(ctx, lawId, { baseRevision: await base(), kind: "reading", accounts: [account("2024-04")] });
    await expect(moveEvent(ctx, early, "down", await base())).rejects.toBeInstanceOf(ConflictError);
    await expect(moveEvent(ctx, 99_999_999_999, "up", await base())).rejects.toBeInstanceOf(NotFoundError);
  });

  test("editing replaces the accounts; moving reorders ties; removing takes the accounts along", async () => {
    const first = await addEvent(ctx, lawId, {
      baseRevision: await base(),
      kind: "reading",
      accounts: [account("2024-06")],
    });
    const second = await addEvent(ctx, lawId, {
      baseRevision: await base(),
      kind: "reading",
      note: "second reading",
      accounts: [account("2024-06")],
    });
    await moveEvent(ctx, second, "up", await base());
    const order = (await listEvents(ctx, lawId)).map((e) => e.id);
    expect(order.indexOf(second)).toBeLessThan(order.indexOf(first));

    await updateEvent(ctx, first, {
      kind: "reading",
      accounts: [account("2024-05-20", reportB)],
      baseRevision: await base(),
    });
    const edited = (await listEvents(ctx, lawId)).find((e) => e.id === first)!;
    expect(edited.accounts).toHaveLength(1);
    expect(edited.date).toMatchObject({ date: "2024-05-20", precision: "day" });

    await removeEvent(ctx, first, await base());
    const accounts = await database.db.select().from(lawEventAccounts).where(eq(lawEventAccounts.eventId, first));
    expect(accounts).toHaveLength(0);
  });

  test("a save on a revision someone has replaced since, or on none, is refused and writes nothing", async () => {
    const stale = await base();
    await addEvent(ctx, lawId, { kind: "other", accounts: [], baseRevision: stale });
    const before = await eventCount();
    const conflict = await addEvent(ctx, lawId, { kind: "other", accounts: [], baseRevision: stale }).catch(
      (e: unknown) => e,
    );
    expect(conflict).toBeInstanceOf(EditConflictError);
    const missing = await addEvent(ctx, lawId, { kind: "other", accounts: [] }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(Object.keys((missing as ValidationError).fieldErrors)).toEqual(["baseRevision"]);
    expect(await eventCount()).toBe(before);
  });

  test("nobody signed out can read or change a timeline", async () => {
    const guest = anonymous(database.db);
    await expect(listEvents(guest, lawId)).rejects.toBeInstanceOf(NotAuthenticatedError);
    const baseRevision = await base();
    await expect(
      addEvent(guest, lawId, { kind: "adopted", accounts: [account("2024")], baseRevision }),
    ).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(removeEvent(guest, 1, baseRevision)).rejects.toBeInstanceOf(NotAuthenticatedError);
  });
});
