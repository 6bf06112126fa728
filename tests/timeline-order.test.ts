import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { ConflictError } from "@/lib/errors";
import { parsePartialDate, type PartialDate } from "@/lib/partial-date";
import type { Ctx } from "@/modules/auth/context";
import { addEvent, listEvents, moveEvent, updateEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { lawSnapshot } from "@/modules/laws/snapshot";
import { chronologicalPlace, datesOverlap, placeOnTimeline } from "@/modules/laws/timeline-order";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, workingRevision } from "./factories";

const date = (text: string): PartialDate | null => (text === "" ? null : parsePartialDate(text));

/** Events as the editor ordered them, each dated by one account, named by its note. */
const events = (...dates: [note: string, date: string][]) =>
  dates.map(([note, text], id) => ({
    id,
    kind: "other" as const,
    agentId: null,
    agentName: null,
    note,
    accounts: [{ id, date: date(text), sourceId: null, sourceTitle: null, preferred: true, note: "" }],
  }));
const order = (timeline: { note: string }[]) => timeline.map((event) => event.note);

describe("the order of a timeline", () => {
  test("an event wholly before another comes first, whatever the editor's order; unknown dates last", () => {
    const timeline = placeOnTimeline(
      events(["unknown", ""], ["signed", "2024-07-01"], ["adopted", "2024-06"], ["drafted", "2023"]),
    );
    expect(order(timeline)).toEqual(["drafted", "adopted", "signed", "unknown"]);
  });

  test("among events whose dates overlap at their precision, the editor's order stands", () => {
    // "2024, returned by the president" after "June 2024, passed": the year holds June.
    expect(order(placeOnTimeline(events(["passed", "2024-06"], ["returned", "2024"])))).toEqual(["passed", "returned"]);
    expect(order(placeOnTimeline(events(["returned", "2024"], ["passed", "2024-06"])))).toEqual(["returned", "passed"]);
    expect(order(placeOnTimeline(events(["second", "2024-06-03"], ["first", "2024-06-03"])))).toEqual([
      "second",
      "first",
    ]);
  });

  test("a year-only event kept after June still comes before the next year and after the last", () => {
    const timeline = placeOnTimeline(
      events(["next year", "2025-02"], ["passed", "2024-06"], ["returned", "2024"], ["before", "2023-12-31"]),
    );
    expect(order(timeline)).toEqual(["before", "passed", "returned", "next year"]);
  });

  test("dates overlap when their periods share a day: a month and its year, a day and its month", () => {
    const overlap = (a: string, b: string) => datesOverlap(date(a), date(b));
    expect(overlap("2024", "2024-06")).toBe(true);
    expect(overlap("2024-02", "2024-02-29")).toBe(true);
    expect(overlap("2024-02", "2024-03-01")).toBe(false);
    expect(overlap("2023", "2024")).toBe(false);
    expect(overlap("", "")).toBe(true);
    expect(overlap("", "2024")).toBe(false);
  });

  test("a new event goes before the first event whose earliest day is later than its own", () => {
    const timeline = placeOnTimeline(events(["passed", "2024-06"], ["signed", "2024-07-02"], ["unknown", ""]));
    expect(chronologicalPlace(timeline, date("2024"))).toBe(0);
    expect(chronologicalPlace(timeline, date("2024-06-15"))).toBe(1);
    expect(chronologicalPlace(timeline, date("2025"))).toBe(2);
    expect(chronologicalPlace(timeline, null)).toBe(3);
  });
});

describe("an editor ordering a law's timeline", () => {
  let database: Database;
  let ctx: Ctx;
  let lawId: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    await makeJurisdiction(database.db, "KG");
    ctx = (await makeUser(database.db, "contributor")).ctx;
    lawId = (
      await createLaw(ctx, {
        jurisdictionCode: "KG",
        type: "law",
        status: "adopted",
        titles: [{ lang: "en", title: "Amending law" }],
      })
    ).id;
  });
  afterAll(() => database.close());

  const base = () => workingRevision(ctx, "law", lawId);
  const add = async (note: string, when: string) =>
    addEvent(ctx, lawId, {
      baseRevision: await base(),
      kind: "other",
      note,
      accounts: [{ date: when, sourceId: "", note: "" }],
    });
  const notes = async () => order(await listEvents(ctx, lawId));

  test("puts a year-only event after a month of that year, and keeps it there when more are added", async () => {
    await add("passed", "2024-06");
    const returned = await add("returned by the president", "2024");
    await add("signed", "2024-07-10");
    // Entered, it goes where its earliest day falls: before June.
    expect(await notes()).toEqual(["returned by the president", "passed", "signed"]);

    await moveEvent(ctx, returned, "down", await base());
    expect(await notes()).toEqual(["passed", "returned by the president", "signed"]);
    // 10 July is in 2024 too: the year may pass it. 1 January 2025 it may not.
    await moveEvent(ctx, returned, "down", await base());
    expect(await notes()).toEqual(["passed", "signed", "returned by the president"]);
    await add("in force", "2025-01-01");
    await add("drafted", "2023");
    expect(await notes()).toEqual(["drafted", "passed", "signed", "returned by the president", "in force"]);
    await expect(moveEvent(ctx, returned, "down", await base())).rejects.toBeInstanceOf(ConflictError);

    // Readers get the revision's snapshot: the same order.
    const snapshot = await lawSnapshot(ctx, lawId);
    expect(order(placeOnTimeline(snapshot.events))).toEqual(await notes());
  });

  test("a re-dated event moves to where its new date falls; an edit that keeps the date keeps its place", async () => {
    const timeline = await listEvents(ctx, lawId);
    const drafted = timeline.find((event) => event.note === "drafted")!;
    await updateEvent(ctx, drafted.id, {
      baseRevision: await base(),
      kind: "other",
      note: "drafted",
      accounts: [{ date: "2024-08", sourceId: "", note: "" }],
    });
    // Before the first event that begins later (in force): "2024" overlaps August and keeps its place.
    expect(await notes()).toEqual(["passed", "signed", "returned by the president", "drafted", "in force"]);

    const returned = (await listEvents(ctx, lawId)).find((event) => event.note === "returned by the president")!;
    await updateEvent(ctx, returned.id, {
      baseRevision: await base(),
      kind: "returned",
      note: "returned by the president",
      accounts: [{ date: "2024", sourceId: "", note: "a later report" }],
    });
    expect(await notes()).toEqual(["passed", "signed", "returned by the president", "drafted", "in force"]);
  });
});
