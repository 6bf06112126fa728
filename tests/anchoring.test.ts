import { describe, expect, test } from "vitest";
import { anchor, prepareText } from "@/lib/anchoring/anchor";
import { describePassage, fromCodePoints, toCodePoints, type TextTarget } from "@/lib/anchoring/selectors";

/** The selectors of the first occurrence of `passage` in `text` (or of the nth). */
function select(text: string, passage: string, nth = 0): TextTarget {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(passage, at + 1);
  if (at === -1) throw new Error(`"${passage}" is not in the text`);
  return describePassage(text, at, at + passage.length);
}

/** What the anchoring points at in the new text, as a string. */
function passageAt(text: string, result: ReturnType<typeof anchor>): string | null {
  if (result.state === "orphaned") return null;
  return text.slice(fromCodePoints(text, result.start), fromCodePoints(text, result.end));
}

const law =
  "Article 1. This Law establishes the rehabilitation of victims of political repression. " +
  "Article 2. Victims are persons repressed for political reasons between 1918 and 1953. " +
  "Article 3. Rehabilitated persons are entitled to the return of confiscated property. " +
  "Article 4. The archives shall open the files of rehabilitated persons to them and their heirs. ";

describe("creating selectors", () => {
  test("a passage gets its quote, 32 characters of context each side, and code point positions", () => {
    const target = select(law, "return of confiscated property");
    expect(target.quote.exact).toBe("return of confiscated property");
    expect(target.quote.prefix).toBe(law.slice(law.indexOf("return of") - 32, law.indexOf("return of")));
    expect(target.quote.suffix).toHaveLength(32);
    expect(target.position.end - target.position.start).toBe("return of confiscated property".length);
  });

  test("a selection that splits a letter from its combining accent or an emoji from its modifier is widened", () => {
    const text = "Le de\u0301cret 👍🏽 est publie\u0301.";
    const inAccent = text.indexOf("\u0301");
    const target = describePassage(text, 3, inAccent);
    expect(target.quote.exact).toBe("de\u0301");
    const thumb = text.indexOf("👍");
    const emoji = describePassage(text, thumb, thumb + 2);
    expect(emoji.quote.exact).toBe("👍🏽");
    // Positions count code points: the thumb and its skin tone are two, not four.
    expect(emoji.position.end - emoji.position.start).toBe(2);
  });

  test("an empty passage or one outside the text is refused", () => {
    expect(() => describePassage(law, 5, 5)).toThrow(RangeError);
    expect(() => describePassage(law, 0, law.length + 1)).toThrow(RangeError);
  });

  test("code point offsets and string indexes convert both ways", () => {
    const text = "a😀b🇰🇬c";
    for (let cp = 0; cp <= [...text].length; cp++) expect(toCodePoints(text, fromCodePoints(text, cp))).toBe(cp);
  });
});

describe("re-anchoring across edits", () => {
  const target = select(law, "entitled to the return of confiscated property");

  test("unchanged text: anchored where it was", () => {
    expect(anchor(target, prepareText(law))).toEqual({
      state: "anchored",
      start: target.position.start,
      end: target.position.end,
    });
  });

  test("text inserted before the passage: drifted, found by its quote and full context", () => {
    const edited = law.replace("Article 2.", "Article 1-1. The State apologizes to the victims. Article 2.");
    const result = anchor(target, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "context", similarity: 1 });
    expect(passageAt(edited, result)).toBe("entitled to the return of confiscated property");
  });

  test("an edit inside the passage: drifted, found by a close match", () => {
    const edited = law.replace("return of confiscated property", "return of confiscated or nationalized property");
    const result = anchor(target, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "fuzzy" });
    expect(passageAt(edited, result)).toBe("entitled to the return of confiscated or nationalized property");
    if (result.state === "drifted") expect(result.similarity).toBeLessThan(1);
  });

  test("the passage deleted: orphaned, not attached to look-alike text", () => {
    const edited = law.replace(/Article 3\.[^.]*\. /, "");
    expect(anchor(target, prepareText(edited))).toEqual({ state: "orphaned" });
  });

  test("rewritten beyond recognition: orphaned", () => {
    const edited = law.replace(
      "entitled to the return of confiscated property",
      "owed compensation set by the Cabinet",
    );
    expect(anchor(target, prepareText(edited))).toEqual({ state: "orphaned" });
  });

  test("a quote that appears twice: the context picks the annotated one, after both moved", () => {
    const twice = "Section A. The victims are rehabilitated. Section B. The victims are rehabilitated. End.";
    const second = select(twice, "The victims are rehabilitated", 1);
    const edited = "Preamble. " + twice;
    const result = anchor(second, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "context" });
    expect(fromCodePoints(edited, (result as { start: number }).start)).toBe(edited.lastIndexOf("The victims"));
  });

  test("Cyrillic text: found after an insertion before it and after an edit inside it", () => {
    const ru = "Статья 1. Реабилитации подлежат лица, подвергшиеся репрессиям. Статья 2. Архивы открываются.";
    const cyrillic = select(ru, "подвергшиеся репрессиям");
    const inserted = "Преамбула. " + ru;
    expect(passageAt(inserted, anchor(cyrillic, prepareText(inserted)))).toBe("подвергшиеся репрессиям");
    const editedInside = ru.replace("подвергшиеся репрессиям", "подвергшиеся политическим репрессиям");
    const fuzzy = anchor(cyrillic, prepareText(editedInside));
    expect(fuzzy).toMatchObject({ state: "drifted", method: "fuzzy" });
    expect(passageAt(editedInside, fuzzy)).toBe("подвергшиеся политическим репрессиям");
  });

  test("combining characters and emoji before the passage shift code point positions correctly", () => {
    const text = "Le de\u0301cret du 5 mai 1992 re\u0301habilite les victimes.";
    const target2 = select(text, "re\u0301habilite les victimes");
    const edited = "🇰🇬 👍🏽 Note: " + text;
    const result = anchor(target2, prepareText(edited));
    expect(passageAt(edited, result)).toBe("re\u0301habilite les victimes");
    expect(result).toMatchObject({ state: "drifted", method: "context", similarity: 1 });
  });

  test("an emoji inside the passage is one character of its quote", () => {
    const text = "Status: adopted ✅ by parliament on 20 November.";
    const target2 = select(text, "adopted ✅ by parliament");
    expect(target2.position.end - target2.position.start).toBe([..."adopted ✅ by parliament"].length);
    expect(anchor(target2, prepareText(text))).toMatchObject({ state: "anchored" });
  });
});
