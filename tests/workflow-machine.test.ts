import { describe, expect, test } from "vitest";
import {
  reviewStates,
  roles,
  visibilities,
  type ReviewState,
  type Role,
  type Visibility,
} from "@/db/schema/vocabulary";
import { decide, next, workflowActions, type ItemState, type WorkflowAction } from "@/modules/workflow/machine";

// The rules of issue 4 written out as data, not as a second copy of decide's code: where each
// action may start, and who may take it. decide must agree with this on every case.
const notArchived = ["unpublished", "live", "withdrawn"] as const satisfies readonly Visibility[];
const states = (review: readonly ReviewState[], visibility: readonly Visibility[]) =>
  review.flatMap((r) => visibility.map((v) => `${r}/${v}`));

const startsFrom: Record<WorkflowAction, string[]> = {
  submit: [...states(["draft", "changes_requested"], notArchived), "published/withdrawn"],
  request_changes: states(["in_review"], notArchived),
  approve: states(["in_review"], notArchived),
  publish: states(["approved"], notArchived),
  schedule: states(["approved"], notArchived),
  // …and only when a publication time is set.
  unschedule: states(["approved"], notArchived),
  withdraw: states(reviewStates, ["live"]),
  archive: states(reviewStates, notArchived),
};

const takenBy: Record<WorkflowAction, Role[]> = {
  submit: ["contributor", "editor", "admin"],
  request_changes: ["editor", "admin"],
  approve: ["editor", "admin"],
  publish: ["editor", "admin"],
  schedule: ["editor", "admin"],
  unschedule: ["editor", "admin"],
  withdraw: ["editor", "admin"],
  archive: ["admin"],
};

// Nobody approves, publishes or schedules their own change; an admin may, giving a reason.
const twoPersonRule: WorkflowAction[] = ["approve", "publish", "schedule"];

type Case = { role: Role; isAuthor: boolean; reason: string; unresolved: number };
type Outcome = "allowed" | "override" | "refused";

function expected(action: WorkflowAction, state: ItemState, who: Case): Outcome {
  if (!startsFrom[action].includes(`${state.review}/${state.visibility}`)) return "refused";
  if (action === "unschedule" && !state.scheduled) return "refused";
  if (!takenBy[action].includes(who.role)) return "refused";
  if (twoPersonRule.includes(action) && who.isAuthor)
    return who.role === "admin" && who.reason ? "override" : "refused";
  if (action === "approve" && who.unresolved > 0) return who.reason ? "override" : "refused";
  return "allowed";
}

const cases: Case[] = roles.flatMap((role) =>
  [false, true].flatMap((isAuthor) =>
    ["", "Correcting a typo the minister's office pointed out"].flatMap((reason) =>
      [0, 2].map((unresolved) => ({ role, isAuthor, reason, unresolved })),
    ),
  ),
);

const allStates: ItemState[] = reviewStates.flatMap((review) =>
  visibilities.flatMap((visibility) => [
    { review, visibility },
    // Only an approved item can carry a publication time.
    ...(review === "approved" ? [{ review, visibility, scheduled: true }] : []),
  ]),
);

function outcome(action: WorkflowAction, state: ItemState, who: Case): Outcome {
  const verdict = decide(action, state, {
    role: who.role,
    isAuthor: who.isAuthor,
    overrideReason: who.reason || undefined,
    unresolvedComments: who.unresolved,
  });
  if (!verdict.ok) {
    // A refusal always says why: the workflow panel shows it.
    expect(verdict.reason.trim()).not.toBe("");
    return "refused";
  }
  return verdict.override ? "override" : "allowed";
}

describe.each(workflowActions)("%s", (action) => {
  test.each(allStates.map((s) => [`${s.review}/${s.visibility}${s.scheduled ? " (scheduled)" : ""}`, s] as const))(
    "from %s: every role, author or not, with or without a reason and open comments",
    (_name, state) => {
      const label = (c: Case) =>
        `${c.role}${c.isAuthor ? " (author)" : ""}${c.reason ? " with a reason" : ""}${c.unresolved ? ", open comments" : ""}`;
      const actual = cases.map((c) => `${label(c)}: ${outcome(action, state, c)}`);
      const wanted = cases.map((c) => `${label(c)}: ${expected(action, state, c)}`);
      expect(actual).toEqual(wanted);
    },
  );
});

describe("the table itself", () => {
  test("covers what issue 4 names: at least one allowed move per action, and archived refuses all", () => {
    for (const action of workflowActions) {
      const allowedSomewhere = allStates.some((s) => cases.some((c) => expected(action, s, c) !== "refused"));
      expect(allowedSomewhere, action).toBe(true);
      for (const c of cases) {
        for (const review of reviewStates) {
          const verdict = decide(
            action,
            { review, visibility: "archived" },
            { role: c.role, isAuthor: c.isAuthor, overrideReason: c.reason, unresolvedComments: c.unresolved },
          );
          expect(verdict).toEqual({ ok: false, reason: "This item is archived." });
        }
      }
    }
  });
});

describe("reasons", () => {
  const inReview: ItemState = { review: "in_review", visibility: "unpublished" };
  const approved: ItemState = { review: "approved", visibility: "live" };

  test("a reason of only spaces is no reason", () => {
    expect(decide("approve", inReview, { role: "admin", isAuthor: true, overrideReason: "   " }).ok).toBe(false);
    expect(decide("publish", approved, { role: "admin", isAuthor: true, overrideReason: "\n\t" }).ok).toBe(false);
    expect(
      decide("approve", inReview, { role: "editor", isAuthor: false, overrideReason: " ", unresolvedComments: 1 }).ok,
    ).toBe(false);
  });

  test("a reason given when no rule is bypassed is not an override", () => {
    expect(decide("approve", inReview, { role: "editor", isAuthor: false, overrideReason: "Just because" })).toEqual({
      ok: true,
      override: false,
    });
    expect(decide("publish", approved, { role: "admin", isAuthor: false, overrideReason: "Just because" })).toEqual({
      ok: true,
      override: false,
    });
  });

  test("open comments do not block publishing or scheduling an approved change, only approving", () => {
    for (const action of ["publish", "schedule"] as const) {
      expect(decide(action, approved, { role: "editor", isAuthor: false, unresolvedComments: 3 })).toEqual({
        ok: true,
        override: false,
      });
    }
  });

  test("the refusals say what stands in the way", () => {
    expect(decide("approve", inReview, { role: "editor", isAuthor: true, overrideReason: "mine" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/other than its authors/),
    });
    expect(decide("approve", inReview, { role: "admin", isAuthor: true })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/reason/),
    });
    expect(decide("approve", inReview, { role: "editor", isAuthor: false, unresolvedComments: 1 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/comments/),
    });
    expect(decide("archive", inReview, { role: "editor", isAuthor: false })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/admin/),
    });
    expect(decide("withdraw", inReview, { role: "admin", isAuthor: false })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/published/),
    });
  });
});

describe("next", () => {
  test.each([
    ["submit", { review: "draft", visibility: "unpublished" }, { review: "in_review", visibility: "unpublished" }],
    ["submit", { review: "published", visibility: "withdrawn" }, { review: "in_review", visibility: "withdrawn" }],
    [
      "request_changes",
      { review: "in_review", visibility: "live" },
      { review: "changes_requested", visibility: "live" },
    ],
    ["approve", { review: "in_review", visibility: "unpublished" }, { review: "approved", visibility: "unpublished" }],
    [
      "schedule",
      { review: "approved", visibility: "live" },
      { review: "approved", visibility: "live", scheduled: true },
    ],
    [
      "unschedule",
      { review: "approved", visibility: "live", scheduled: true },
      { review: "approved", visibility: "live", scheduled: false },
    ],
    [
      "publish",
      { review: "approved", visibility: "unpublished", scheduled: true },
      { review: "published", visibility: "live", scheduled: false },
    ],
    [
      "publish",
      { review: "approved", visibility: "withdrawn" },
      { review: "published", visibility: "live", scheduled: false },
    ],
    [
      "withdraw",
      { review: "approved", visibility: "live", scheduled: true },
      { review: "approved", visibility: "withdrawn", scheduled: false },
    ],
    [
      "withdraw",
      { review: "draft", visibility: "live" },
      { review: "draft", visibility: "withdrawn", scheduled: false },
    ],
    ["archive", { review: "draft", visibility: "live" }, { review: "draft", visibility: "archived", scheduled: false }],
  ] as const)("%s from %o leads to %o", (action, from, to) => {
    expect(next(action, from)).toEqual(to);
  });
});
