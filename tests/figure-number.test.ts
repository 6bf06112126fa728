import { describe, expect, test } from "vitest";
import { formatFigureNumber, parseFigureNumber } from "@/lib/figure-number";

describe("numbers as sources print them", () => {
  test.each([
    ["856", "856"],
    ["311,000", "311000"],
    ["18 000", "18000"],
    ["18\u00a0000", "18000"],
    ["1.234.567", "1234567"],
    ["1,234.5", "1234.5"],
    ["1.234,5", "1234.5"],
    ["12.5", "12.5"],
    ["2,4 млн", "2400000"],
    ["2.4 million", "2400000"],
    ["3 thousand", "3000"],
    ["1.5bn", "1500000000"],
    ["0.25", "0.25"],
    ["007", "7"],
    ["12.50", "12.5"],
    ["18.000", "18000"],
    ["0,125", "0.125"],
    ["0.125", "0.125"],
    ["1,250 млн", "1250000"],
    ["2,500 million", "2500000000"],
    ["1 234,5", "1234.5"],
    ["311k", "311000"],
    ["1,2345", "1.2345"],
  ])("“%s” is %s, its wording kept", (printed, value) => {
    expect(parseFigureNumber(printed)).toEqual({ value, wording: printed.replace(/\s+/g, " ").trim() });
  });

  test.each([
    "",
    "many",
    "about 300",
    "300–400",
    "12.5%",
    "1,23,456",
    "2 dozen",
    "1.234,5.6",
    "311 00",
    "311,000 2",
    "120 m",
    "1,5 million",
  ])("“%s” is not read as a number", (printed) => {
    expect(parseFigureNumber(printed)).toBeNull();
  });

  test("shown for reading with its thousands grouped", () => {
    expect(formatFigureNumber("311000")).toBe("311,000");
    expect(formatFigureNumber("2400000")).toBe("2,400,000");
    expect(formatFigureNumber("856")).toBe("856");
    expect(formatFigureNumber("1234.56")).toBe("1,234.56");
  });
});
