import { expect, test } from "vitest";
import { parseRange } from "@/lib/http/byte-range";

test.each([
  [null, { kind: "whole" }],
  ["bytes=0-99", { kind: "part", start: 0, end: 99 }],
  ["bytes=100-", { kind: "part", start: 100, end: 999 }],
  ["bytes=-200", { kind: "part", start: 800, end: 999 }],
  ["bytes=-5000", { kind: "part", start: 0, end: 999 }],
  ["bytes=900-5000", { kind: "part", start: 900, end: 999 }],
  ["bytes=999-999", { kind: "part", start: 999, end: 999 }],
  ["bytes=1000-", { kind: "unsatisfiable" }],
  ["bytes=-0", { kind: "unsatisfiable" }],
  // Not one range of bytes: the whole file, as RFC 9110 allows.
  ["bytes=0-1,5-9", { kind: "whole" }],
  ["items=0-1", { kind: "whole" }],
  ["bytes=5-1", { kind: "whole" }],
  ["bytes=-", { kind: "whole" }],
  ["bytes=abc", { kind: "whole" }],
] as const)("Range %s of a 1,000-byte file", (header, answer) => {
  expect(parseRange(header, 1000)).toEqual(answer);
});

test("an empty file has no part to give", () => {
  expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
  expect(parseRange("bytes=-1", 0)).toEqual({ kind: "unsatisfiable" });
});
