import { expect, test } from "vitest";
import { serverDoors } from "@/e2e/authorization/inventory";
import { calls, routeCalls } from "@/e2e/authorization/calls";
import { columns, matrix } from "@/e2e/authorization/matrix";

const doors = serverDoors();

test("every server action and route handler has a row in the authorization matrix", () => {
  const missing = doors.map((door) => door.key).filter((key) => !(key in matrix));
  expect(missing, "add these to e2e/authorization/matrix.ts, with who may call them").toEqual([]);
});

test("every row of the authorization matrix names a server action or route handler that exists", () => {
  const keys = new Set(doors.map((door) => door.key));
  const stale = Object.keys(matrix).filter((key) => !keys.has(key));
  expect(stale, "these rows name nothing in the code any more").toEqual([]);
});

test("every row with a cell to check has a call in e2e/authorization/calls.ts", () => {
  const checked = Object.entries(matrix).filter(([, row]) => columns.some((c) => typeof row.cells[c] === "string"));
  const uncalled = checked.map(([key]) => key).filter((key) => !(key in calls) && !(key in routeCalls));
  expect(uncalled, "the spec would skip these").toEqual([]);
});

test("the inventory finds the doors the app has", () => {
  // A reader that found nothing would make the tests above pass vacuously.
  const actions = doors.filter((door) => door.kind === "action");
  const routes = doors.filter((door) => door.kind === "route");
  expect(actions.length).toBeGreaterThanOrEqual(50);
  expect(actions.map((door) => door.key)).toContain("app/admin/users/actions.ts#createUserAction");
  expect(routes.map((door) => door.key)).toEqual(
    expect.arrayContaining(["GET /api/preview", "GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]"]),
  );
});
