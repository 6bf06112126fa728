import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { RevisionDiff } from "@/components/admin/revision-diff";
import { diffSize } from "@/lib/diff/size";
import { diffSnapshots, type FieldChange } from "@/lib/diff/snapshot";
import { diffWords, tokenize, type WordSegment } from "@/lib/diff/words";

/** One side of a diff: the equal segments with the deleted (`before`) or inserted (`after`) ones. */
function side(segments: WordSegment[], which: "before" | "after"): string {
  const skip = which === "before" ? "insert" : "delete";
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join("");
}

function expectReproduces(before: string, after: string): WordSegment[] {
  const segments = diffWords(before, after);
  expect(side(segments, "before")).toBe(before);
  expect(side(segments, "after")).toBe(after);
  segments.forEach((s, i) => {
    expect(s.text).not.toBe("");
    expect(s.op).not.toBe(segments[i - 1]?.op);
  });
  return segments;
}

const samples: [string, string][] = [
  ["Закон о реабилитации", "Закон о полной реабилитации жертв политических репрессий"],
  ["Oʻzbekiston Respublikasining qonuni", "Oʻzbekiston Respublikasi qonuni, oʻzgartirishlar bilan"],
  ["o'zbek tili", "oʻzbek tili"],
  ["Cafe\u0301 de\u0301ja\u0300 vu", "Cafe\u0301 deja\u0300 vu!"],
  ["Принят 👍🏽 🇰🇬", "Принят 👍🏿 🇰🇬 👨‍👩‍👧"],
  ["a  b\n\nc", "a b\nc"],
  ["", "Новый текст"],
  ["Старый текст", ""],
  ["\uD800 lone surrogate", "lone surrogate \uDC00"],
];

/** A deterministic pseudo-random generator, so that failures can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe("diffWords", () => {
  test.each(samples)("reproduces both sides: %j → %j", (before, after) => {
    expectReproduces(before, after);
    expectReproduces(after, before);
  });

  test("reproduces both sides of random edits in mixed scripts", () => {
    const next = random(42);
    const pieces = ["закон", "oʻzbek", "é", "e\u0301", "👍🏽", "🇰🇬", " ", "  ", "\n", ",", "«", "»", "2024"];
    const text = () =>
      Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join("");
    for (let n = 0; n < 500; n++) expectReproduces(text(), text());
  });

  test("keeps combining marks, emoji sequences and flags whole", () => {
    expect(tokenize("de\u0301ja\u0300 👨‍👩‍👧 👍🏽 🇰🇬🇺🇿 oʻzbek")).toEqual([
      "de\u0301ja\u0300",
      " ",
      "👨‍👩‍👧",
      " ",
      "👍🏽",
      " ",
      "🇰🇬",
      "🇺🇿",
      " ",
      "oʻzbek",
    ]);
    const segments = [
      ...expectReproduces("re\u0301sume\u0301 here", "resume\u0301 here"),
      ...expectReproduces("Принят 👍🏽", "Принят 👍🏿"),
    ];
    for (const { text } of segments) expect(text).not.toMatch(/^[\p{M}\p{Emoji_Modifier}\u200d]/u);
  });

  test("a single changed word is one deletion and one insertion", () => {
    expect(diffWords("The law was adopted in 2024", "The law was signed in 2024")).toEqual([
      { op: "equal", text: "The law was " },
      { op: "delete", text: "adopted" },
      { op: "insert", text: "signed" },
      { op: "equal", text: " in 2024" },
    ]);
  });

  test("matches words rather than the spaces between them", () => {
    expect(diffWords("Закон о реабилитации жертв", "Закон о полной реабилитации")).toEqual([
      { op: "equal", text: "Закон о " },
      { op: "insert", text: "полной " },
      { op: "equal", text: "реабилитации" },
      { op: "delete", text: " жертв" },
    ]);
  });

  test("identical texts are one equal segment", () => {
    expect(diffWords("Закон о реабилитации", "Закон о реабилитации")).toEqual([
      { op: "equal", text: "Закон о реабилитации" },
    ]);
    expect(diffWords("", "")).toEqual([]);
  });

  const paragraphs = Array.from({ length: 500 }, (_, p) =>
    Array.from({ length: 60 }, (_, w) => `слово${(p * 31 + w * 7) % 997}`).join(" "),
  );
  const large = paragraphs.join("\n\n");

  test("a small change in a 200 KB text is found exactly", () => {
    expect(large.length).toBeGreaterThan(200_000);
    const changed = large.replace("слово5 ", "изменено ");
    const edits = expectReproduces(large, changed).filter((s) => s.op !== "equal");
    expect(edits).toEqual([
      { op: "delete", text: "слово5" },
      { op: "insert", text: "изменено" },
    ]);
  });

  test("texts too different for a word diff fall back to paragraphs and still reproduce", () => {
    // Every third paragraph reversed: thousands of word edits, past what a word diff affords.
    const reordered = paragraphs.map((p, i) => (i % 3 ? p : p.split(" ").reverse().join(" "))).join("\n\n");
    const segments = expectReproduces(large, reordered);
    expect(segments.some((s) => s.op === "equal" && s.text.includes(paragraphs[1]!))).toBe(true);
    expectReproduces(large, paragraphs.map((p) => p.toUpperCase()).join("\n"));
  });
});

const lawBefore = {
  title: "Закон о реабилитации",
  summary: null,
  status: "draft",
  titles: [
    { lang: "ru", title: "Закон о реабилитации", preferred: true },
    { lang: "ky", title: "Реабилитация жөнүндө мыйзам", preferred: false },
    { lang: "en", title: "Law on rehabilitation", preferred: false },
  ],
  events: [
    {
      key: "adopted",
      kind: "adopted",
      accounts: [{ id: 10, sourceTitle: "24.kg", date: { date: "2024-11-20", precision: "day" } }],
    },
    { key: "signed", kind: "signed", accounts: [] },
  ],
  topics: ["repression", "rehabilitation"],
  texts: [{ lang: "ru", label: "Official text", body: "Статья 1. " + "Лица, подвергшиеся репрессиям. ".repeat(4) }],
};

function change(changes: FieldChange[], label: string): FieldChange | undefined {
  return changes.find((c) => c.label === label);
}

describe("diffSnapshots", () => {
  test("identical snapshots have no changes", () => {
    expect(diffSnapshots(lawBefore, structuredClone(lawBefore))).toEqual([]);
    const date = { date: "2024-11-20", precision: "day" };
    expect(diffSnapshots({ date }, { date: { precision: "day", date: "2024-11-20" } })).toEqual([]);
  });

  test("a changed scalar is one change, with empty values shown as a dash", () => {
    const after = { ...lawBefore, status: "review", summary: "Восстанавливает права" };
    expect(diffSnapshots(lawBefore, after)).toEqual([
      { kind: "changed", path: ["Summary"], label: "Summary", before: "—", after: "Восстанавливает права" },
      { kind: "changed", path: ["Status"], label: "Status", before: "draft", after: "review" },
    ]);
    expect(diffSnapshots({ summary: null }, { summary: "" })).toEqual([]);
  });

  test("keyed elements are matched by key: additions and removals, not cascading changes", () => {
    const after = {
      ...lawBefore,
      events: [lawBefore.events[0], { key: "published", kind: "published", accounts: [] }],
    };
    expect(diffSnapshots(lawBefore, after)).toEqual([
      { kind: "added", path: ["Events", "2"], label: "Events › 2", value: "Kind: published" },
      { kind: "removed", path: ["Events", "2"], label: "Events › 2", value: "Kind: signed" },
    ]);
  });

  test("reordered keyed elements are not changes", () => {
    const after = { ...lawBefore, events: [...lawBefore.events].reverse() };
    expect(diffSnapshots(lawBefore, after)).toEqual([]);
  });

  test("changes inside nested accounts are reported field by field", () => {
    const [adopted] = lawBefore.events;
    const after = {
      ...lawBefore,
      events: [
        lawBefore.events[1],
        {
          ...adopted,
          accounts: [
            { id: 10, sourceTitle: "Azattyk", date: { date: "2024-12", precision: "month" } },
            { id: 11, sourceTitle: "Kaktus", date: null },
          ],
        },
      ],
    };
    expect(diffSnapshots(lawBefore, after, { sourceTitle: "Source" })).toEqual([
      {
        kind: "changed",
        path: ["Events", "2", "Accounts", "1", "Source"],
        label: "Events › 2 › Accounts › 1 › Source",
        before: "24.kg",
        after: "Azattyk",
      },
      {
        kind: "changed",
        path: ["Events", "2", "Accounts", "1", "Date"],
        label: "Events › 2 › Accounts › 1 › Date",
        before: "Date: 2024-11-20; Precision: day",
        after: "Date: 2024-12; Precision: month",
      },
      {
        kind: "added",
        path: ["Events", "2", "Accounts", "2"],
        label: "Events › 2 › Accounts › 2",
        value: "Source: Kaktus",
      },
    ]);
  });

  test("elements without keys: one removed from the middle is one removal", () => {
    const after = {
      ...lawBefore,
      titles: [lawBefore.titles[0]!, { ...lawBefore.titles[2]!, title: "Rehabilitation Act" }],
    };
    expect(diffSnapshots(lawBefore, after)).toEqual([
      {
        kind: "changed",
        path: ["Titles", "2", "Title"],
        label: "Titles › 2 › Title",
        before: "Law on rehabilitation",
        after: "Rehabilitation Act",
      },
      {
        kind: "removed",
        path: ["Titles", "2"],
        label: "Titles › 2",
        value: "Lang: ky; Title: Реабилитация жөнүндө мыйзам; Preferred: No",
      },
    ]);
  });

  test("lists of plain values report what was added or removed, and a reordering as one change", () => {
    const added = diffSnapshots(lawBefore, { ...lawBefore, topics: ["repression", "memory"] });
    expect(added.map((c) => [c.kind, c.label])).toEqual([
      ["removed", "Topics › 2"],
      ["added", "Topics › 2"],
    ]);
    expect(diffSnapshots(lawBefore, { ...lawBefore, topics: ["rehabilitation", "repression"] })).toEqual([
      {
        kind: "changed",
        path: ["Topics"],
        label: "Topics",
        before: "repression, rehabilitation",
        after: "rehabilitation, repression",
      },
    ]);
  });

  test("long texts carry a word diff; short ones do not", () => {
    const body = lawBefore.texts[0]!.body.replace("Статья 1.", "Статья 1 (в редакции 2025 года).");
    const changes = diffSnapshots(lawBefore, {
      ...lawBefore,
      title: "Закон",
      texts: [{ ...lawBefore.texts[0]!, body }],
    });
    const long = change(changes, "Texts › 1 › Body");
    expect(long?.kind === "changed" && long.words).toBeTruthy();
    if (long?.kind !== "changed" || !long.words) return;
    expect(side(long.words, "before")).toBe(lawBefore.texts[0]!.body);
    expect(side(long.words, "after")).toBe(body);
    expect(long.words.filter((s) => s.op !== "equal")).toEqual([{ op: "insert", text: " (в редакции 2025 года)" }]);
    expect(change(changes, "Title")).not.toHaveProperty("words");
  });

  test("labels name keys, alone or under their parents, and other keys are de-camel-cased", () => {
    const before = { titles: [{ title: "A" }], effectiveDate: "2024", jurisdiction_code: "KG" };
    const after = { titles: [{ title: "B" }], effectiveDate: "2025", jurisdiction_code: "UZ" };
    const labels = { titles: "Titles", "titles.title": "Title text" };
    expect(diffSnapshots(before, after, labels).map((c) => c.label)).toEqual([
      "Titles › 1 › Title text",
      "Effective date",
      "Jurisdiction code",
    ]);
  });
});

describe("RevisionDiff", () => {
  const render = (changes: FieldChange[]) => renderToStaticMarkup(createElement(RevisionDiff, { changes }));

  test("says so when the revisions are identical", () => {
    expect(render([])).toContain("These two revisions are identical.");
  });

  test("marks insertions, deletions, additions and removals in words as well as colour", () => {
    const html = render([
      { kind: "changed", path: ["Body"], label: "Body", before: "a b", after: "a c", words: diffWords("a b", "a c") },
      { kind: "changed", path: ["Status"], label: "Status", before: "—", after: "review" },
      { kind: "added", path: ["Titles", "2"], label: "Titles › 2", value: "Lang: en" },
      { kind: "removed", path: ["Titles", "3"], label: "Titles › 3", value: "Lang: ky" },
    ]);
    expect(html).toMatch(/<del[^>]*line-through[^>]*>.*b.*<\/del>/);
    expect(html).toMatch(/<ins[^>]*underline[^>]*>.*c.*<\/ins>/);
    expect(html).toMatch(/<ins[^>]*>.*review.*<\/ins>/);
    expect(html).not.toMatch(/<del[^>]*>[^<]*—/);
    expect(html).toContain("Added");
    expect(html).toContain("Removed");
  });
});

describe("diffSize", () => {
  test("counts the fields changed and the words added and removed, not the words kept", () => {
    const before = {
      title: "A law",
      body: "One two three four five six seven eight nine ten eleven twelve thirteen fourteen.",
    };
    const after = {
      title: "A law",
      body: "One two three six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.",
      note: "New note",
    };
    expect(diffSize(diffSnapshots(before, after))).toEqual({ fields: 2, wordsAdded: 4, wordsRemoved: 2 });
  });

  test("identical snapshots are no change", () => {
    expect(diffSize(diffSnapshots({ a: "x", list: [1, 2] }, { list: [1, 2], a: "x" }))).toEqual({
      fields: 0,
      wordsAdded: 0,
      wordsRemoved: 0,
    });
  });
});
