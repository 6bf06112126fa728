import { describe, expect, test } from "vitest";
import { anchor, prepareText } from "@/lib/anchoring/anchor";
import {
  describePassage,
  fromCodePoints,
  indexCodePoints,
  toCodePoints,
  type TextTarget,
} from "@/lib/anchoring/selectors";

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

  test("a text's code point index converts as walking it does, lone surrogate halves included", () => {
    for (const text of ["plain", "a😀b🇰🇬c👍🏽", "😀😀", "a\ud83db", "\ude00x😀"]) {
      const index = indexCodePoints(text);
      for (let i = 0; i <= text.length + 1; i++) {
        expect(index.toCodePoints(i)).toBe(toCodePoints(text, i));
        expect(index.fromCodePoints(i)).toBe(fromCodePoints(text, i));
      }
    }
  });
});

describe("re-anchoring across edits", () => {
  const target = select(law, "entitled to the return of confiscated property");
  const insertion = "Article 1-1. The State apologizes to the victims. ";

  test("unchanged text: anchored where it was", () => {
    expect(anchor(target, prepareText(law))).toEqual({
      state: "anchored",
      start: target.position.start,
      end: target.position.end,
      moved: false,
    });
  });

  test("text inserted before the passage: anchored and moved, since its whole context moved with it", () => {
    const edited = law.replace("Article 2.", insertion + "Article 2.");
    const result = anchor(target, prepareText(edited));
    expect(result).toEqual({
      state: "anchored",
      start: target.position.start + insertion.length,
      end: target.position.end + insertion.length,
      moved: true,
    });
  });

  test("text removed before the passage: anchored and moved", () => {
    const edited = law.replace(/Article 1\.[^.]*\. /, "");
    const result = anchor(target, prepareText(edited));
    expect(result).toMatchObject({ state: "anchored", moved: true });
    expect(passageAt(edited, result)).toBe("entitled to the return of confiscated property");
  });

  test("moved, and a word next to it changed: drifted by its quote and the context left", () => {
    const edited = law.replace("Article 2.", insertion + "Article 2.").replace("Rehabilitated persons", "Such persons");
    const result = anchor(target, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "context" });
    expect(passageAt(edited, result)).toBe("entitled to the return of confiscated property");
  });

  test("still at its old place with a word next to it changed: anchored, not moved", () => {
    const edited = law.replace("property. Article 4", "property; Article 4");
    expect(anchor(target, prepareText(edited))).toMatchObject({ state: "anchored", moved: false });
  });

  test("an edit inside the passage: drifted, found by a close match, with its new range", () => {
    const edited = law.replace("return of confiscated property", "return of confiscated or nationalized property");
    const result = anchor(target, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "fuzzy" });
    const now = "entitled to the return of confiscated or nationalized property";
    const start = edited.indexOf(now);
    expect(result).toMatchObject({ start, end: start + now.length });
    if (result.state === "drifted") expect(result.similarity).toBeLessThan(1);
  });

  test("a word replaced inside the passage, after an insertion before it: drifted fuzzy at its new place", () => {
    const edited = law.replace("Article 2.", insertion + "Article 2.").replace("confiscated", "seized");
    const result = anchor(target, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "fuzzy" });
    expect(passageAt(edited, result)).toBe("entitled to the return of seized property");
  });

  test("a short passage that grew by three words, its context intact: drifted fuzzy", () => {
    const short = select(law, "the return of confiscated property");
    const edited = law.replace("return of confiscated property", "return of all confiscated or seized property");
    const result = anchor(short, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "fuzzy" });
    expect(passageAt(edited, result)).toBe("the return of all confiscated or seized property");
  });

  test("the passage deleted: orphaned, not attached to look-alike text", () => {
    const edited = law.replace(/Article 3\.[^.]*\. /, "");
    expect(anchor(target, prepareText(edited))).toEqual({ state: "orphaned" });
  });

  describe("the passage deleted, a look-alike sentence elsewhere: orphaned", () => {
    const withHeirs =
      "Article 3. Rehabilitated persons are entitled to the return of confiscated property. " +
      "Article 4. The archives shall open the files of rehabilitated persons to them. " +
      "Article 9. Heirs of the victims are also entitled to the return of confiscated property of their parents. " +
      "Article 10. This Law enters into force on the day of its publication. ";
    const repealed = withHeirs.replace(/Article 3\.[^.]*\. /, "");
    test.each([
      // The same words stand in Article 9, with other words around them.
      "entitled to the return of confiscated property",
      // Close words, and a context alike on one side only.
      "Rehabilitated persons are entitled to the return",
      "persons are entitled to the return of confiscated property.",
    ])("%s", (passage) => {
      expect(anchor(select(withHeirs, passage), prepareText(repealed))).toEqual({ state: "orphaned" });
    });
  });

  test("rewritten beyond recognition: orphaned", () => {
    const edited = law.replace(
      "entitled to the return of confiscated property",
      "owed compensation set by the Cabinet",
    );
    expect(anchor(target, prepareText(edited))).toEqual({ state: "orphaned" });
  });

  test("a quote that appears twice: only the annotated copy keeps its whole context, after both moved", () => {
    const twice = "Section A. The victims are rehabilitated. Section B. The victims are rehabilitated. End.";
    const second = select(twice, "The victims are rehabilitated", 1);
    const edited = "Preamble. " + twice;
    const result = anchor(second, prepareText(edited));
    expect(result).toMatchObject({ state: "anchored", moved: true });
    expect(fromCodePoints(edited, (result as { start: number }).start)).toBe(edited.lastIndexOf("The victims"));
  });

  test("a repeated quote, the annotated copy's context changed: the copy with most of it, for review", () => {
    const twice = "Section A. The victims are rehabilitated. Section B. The victims are rehabilitated. End.";
    const second = select(twice, "The victims are rehabilitated", 1);
    const edited = "Preamble. " + twice.replace("Section B.", "Section B (new).");
    const result = anchor(second, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "context" });
    expect(fromCodePoints(edited, (result as { start: number }).start)).toBe(edited.lastIndexOf("The victims"));
  });

  test("text duplicated with the passage's whole context: two copies qualify, so an editor confirms the nearest", () => {
    const edited = "Preamble. " + law + law;
    const result = anchor(target, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "context", similarity: 1 });
    expect(fromCodePoints(edited, (result as { start: number }).start)).toBe(edited.indexOf("entitled to the return"));
  });

  test("Cyrillic text: anchored after an insertion before it, drifted after an edit inside it", () => {
    const ru = "Статья 1. Реабилитации подлежат лица, подвергшиеся репрессиям. Статья 2. Архивы открываются.";
    const cyrillic = select(ru, "подвергшиеся репрессиям");
    const inserted = "Преамбула. " + ru;
    const moved = anchor(cyrillic, prepareText(inserted));
    expect(moved).toMatchObject({ state: "anchored", moved: true });
    expect(passageAt(inserted, moved)).toBe("подвергшиеся репрессиям");
    const editedInside = ru.replace("подвергшиеся репрессиям", "подвергшиеся политическим репрессиям");
    const fuzzy = anchor(cyrillic, prepareText(editedInside));
    expect(fuzzy).toMatchObject({ state: "drifted", method: "fuzzy" });
    expect(passageAt(editedInside, fuzzy)).toBe("подвергшиеся политическим репрессиям");
    const repealed = ru.replace(/Статья 1\.[^.]*\. /, "");
    expect(anchor(cyrillic, prepareText(repealed))).toEqual({ state: "orphaned" });
  });

  test("combining characters and emoji before the passage shift code point positions correctly", () => {
    const text = "Le de\u0301cret du 5 mai 1992 re\u0301habilite les victimes.";
    const target2 = select(text, "re\u0301habilite les victimes");
    const prefix = "🇰🇬 👍🏽 Note: ";
    const edited = prefix + text;
    const result = anchor(target2, prepareText(edited));
    expect(passageAt(edited, result)).toBe("re\u0301habilite les victimes");
    // Four emoji code points, not eight UTF-16 units.
    const shift = [...prefix].length;
    expect(result).toEqual({
      state: "anchored",
      start: target2.position.start + shift,
      end: target2.position.end + shift,
      moved: true,
    });
  });

  test("emoji before a passage edited inside: drifted fuzzy, its range in code points", () => {
    const text = "🇰🇬 Закон 👍🏽 о реабилитации жертв политических репрессий ✅ принят.";
    const target2 = select(text, "о реабилитации жертв политических репрессий");
    const edited = "📜 " + text.replace("жертв", "всех жертв");
    const result = anchor(target2, prepareText(edited));
    expect(result).toMatchObject({ state: "drifted", method: "fuzzy" });
    expect(passageAt(edited, result)).toBe("о реабилитации всех жертв политических репрессий");
  });

  test("an emoji inside the passage is one character of its quote", () => {
    const text = "Status: adopted ✅ by parliament on 20 November.";
    const target2 = select(text, "adopted ✅ by parliament");
    expect(target2.position.end - target2.position.start).toBe([..."adopted ✅ by parliament"].length);
    expect(anchor(target2, prepareText(text))).toMatchObject({ state: "anchored", moved: false });
  });
});
