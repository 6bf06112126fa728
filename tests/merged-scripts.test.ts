import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "@/lib/content-security-policy.mjs";
import { mergeAdjacentScripts } from "@/lib/cache/merged-scripts.mjs";

const push = (chunk: string) => `<script>self.__next_f.push([1,${JSON.stringify(chunk)}])</script>`;

describe("a stored page's adjacent inline scripts", () => {
  it("become one script that runs the same statements in the same order", () => {
    const html = `<p>Text</p>${push("a")}${push("b")}<script>x = 1 // last</script><p>More</p>`;
    const merged = mergeAdjacentScripts(html);
    expect(merged).toBe(
      `<p>Text</p><script>self.__next_f.push([1,"a"])\n;self.__next_f.push([1,"b"])\n;x = 1 // last</script><p>More</p>`,
    );
    const calls: string[] = [];
    const body = /<script>([\s\S]*)<\/script>/.exec(merged)![1]!;
    new Function("self", "x", body)({ __next_f: { push: ([, chunk]: [number, string]) => calls.push(chunk) } }, 0);
    expect(calls).toEqual(["a", "b"]);
  });

  it("need one hash for a run of hundreds of payload chunks, which kept the policy header small", () => {
    const html = `<body>${Array.from({ length: 400 }, (_, i) => push(`chunk ${i}`)).join("")}</body>`;
    expect(inlineScriptHashes(html)).toHaveLength(400);
    expect(inlineScriptHashes(mergeAdjacentScripts(html))).toHaveLength(1);
  });

  it("leaves scripts with attributes (a file, JSON-LD) and lone scripts as they are", () => {
    const html = `<script src="/a.js"></script><script type="application/ld+json">{}</script><p></p>${push("a")}<p></p>`;
    expect(mergeAdjacentScripts(html)).toBe(html);
  });
});
