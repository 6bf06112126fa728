import { describe, expect, test } from "vitest";
import { plainText } from "@/lib/search/plain-text";
import { highlight, snippet, type SnippetPart } from "@/lib/search/snippet";
import { matchesStem, prefixQuery, searchTerms } from "@/lib/search/terms";

const marked = (parts: SnippetPart[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join("");

describe("search terms", () => {
  test("fold every script to the same Latin stems", () => {
    expect(searchTerms("Жапаров").stems).toEqual(searchTerms("Zhaparov").stems);
    expect(matchesStem("реабилитации", searchTerms("реабилитация").stems)).toBe(true);
    expect(matchesStem("реабилитация", searchTerms("реабилитации").stems)).toBe(true);
    // Each form's stem begins the other form, so either query finds both.
    const [rehabilitation] = searchTerms("Rehabilitation").stems;
    const [rehabilitated] = searchTerms("rehabilitated").stems;
    expect(matchesStem("rehabilitated", [rehabilitation!])).toBe(true);
    expect(matchesStem("Rehabilitation", [rehabilitated!])).toBe(true);
    expect(searchTerms("Türkiye").folded).toBe("turkiye");
  });

  test.each(["", "   ", "%", "';--", "()&|!:*", "<>", "\\", "«»—…", "🙂", "⚖️ §§"])(
    "a query of only punctuation or symbols (%j) has no terms, so nothing reaches SQL",
    (query) => {
      expect(searchTerms(query)).toEqual({ folded: "", stems: [] });
    },
  );

  test("tsquery text is built from letters and digits only, with lone letters matched whole", () => {
    const { stems } = searchTerms("a:*|b & Law-No.123 o");
    expect(stems).toEqual(["law", "no", "123"]);
    expect(prefixQuery(stems)).toBe("law:* & no:* & 123:*");
    expect(prefixQuery(searchTerms("o").stems)).toBe("o");
  });

  test("keeps at most eight distinct words, and numbers whole", () => {
    const { stems } = searchTerms("one two three four five six seven eight nine ten one 1993");
    expect(stems).toHaveLength(8);
    expect(searchTerms("law 1993-04-14").stems).toEqual(["law", "1993", "04", "14"]);
  });
});

describe("snippets", () => {
  const text =
    "The law applies to citizens. ".repeat(20) +
    "Persons repressed for political reasons are rehabilitated by the act. " +
    "Archives shall be opened. ".repeat(20);

  test("cut the window with the most matching words, marked as written", () => {
    const parts = snippet(text, searchTerms("репрессированные rehabilitated repressed").stems);
    const shown = marked(parts);
    expect(shown).toContain("[repressed]");
    expect(shown).toContain("[rehabilitated]");
    expect(shown.startsWith("… ")).toBe(true);
    expect(shown.endsWith(" …")).toBe(true);
    expect(parts.map((p) => p.text).join("").length).toBeLessThan(300);
  });

  test("mark Cyrillic words for a Latin query and the other way round", () => {
    const cyrillic = "Закон о реабилитации жертв политических репрессий";
    expect(marked(highlight(cyrillic, searchTerms("reabilitatsiia").stems))).toBe(
      "Закон о [реабилитации] жертв политических репрессий",
    );
    expect(marked(highlight("Sadyr Zhaparov", searchTerms("Жапаров").stems))).toBe("Sadyr [Zhaparov]");
  });

  test("mark words with combining diacritics whole", () => {
    const decomposed = "Zhaparov and Z\u030Caparov";
    expect(marked(highlight(decomposed, searchTerms("zaparov").stems))).toBe("Zhaparov and [Z\u030Caparov]");
  });

  test("give the opening of a text with no match, and nothing for no text", () => {
    expect(marked(snippet("A short text.", ["zzz"]))).toBe("A short text.");
    expect(snippet("", ["law"])).toEqual([]);
  });

  test("never carry markup: the text is returned as text", () => {
    const parts = snippet("<b>law</b> & <script>alert(1)</script>", ["law"]);
    expect(parts.map((p) => p.text).join("")).toBe("<b>law</b> & <script>alert(1)</script>");
  });
  test("a match longer than the window is shown whole, not as an empty cut", () => {
    const long = "Start. " + "x".repeat(50) + " Rehabilitation" + "z".repeat(300) + " end.";
    const shown = marked(snippet(long, searchTerms("rehabilitation").stems, 100));
    expect(shown).toContain(`[Rehabilitation${"z".repeat(300)}]`);
  });

  test("the window printed is the one chosen: both matches of a close pair are shown", () => {
    const text = `${"filler ".repeat(40)}alpha ${"word ".repeat(20)}omega ${"filler ".repeat(40)}`;
    const shown = marked(snippet(text, searchTerms("alpha omega").stems, 160));
    expect(shown).toContain("[alpha]");
    expect(shown).toContain("[omega]");
  });
});

test("plain text drops Markdown marks and link targets but keeps the words", () => {
  expect(
    plainText("## Article 1\n\n*Victims* of [repression](https://example.org) are **rehabilitated**.\n- one\n> quoted"),
  ).toBe("Article 1 Victims of repression are rehabilitated. one quoted");
});

test("plain text keeps a lone angle bracket of prose and spells out character references", () => {
  expect(plainText("if a < b and c > d")).toBe("if a < b and c > d");
  expect(plainText("Fish &amp; chips &lt;b&gt; &#1046;&#x430; &unknown;")).toBe("Fish & chips <b> Жа &unknown;");
  expect(plainText("<p>Tagged <em>text</em></p>")).toBe("Tagged text");
});
