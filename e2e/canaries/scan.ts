import type { Canary } from "./book";

/** A canary found: which, where, and the text around it. */
export type Finding = { canary: string; where: string; url: string; part: string; context: string };

/** Undoes the escapes a string may hide behind in HTML, JSON and RSC payloads. */
export function unescape(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Splits an HTML page into what the scan reports apart: its head, its JSON-LD, and the rest. */
export function htmlParts(html: string): { part: string; text: string }[] {
  const jsonLd = [...html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const head = /<head[^>]*>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? "";
  const rest = [head, ...jsonLd].reduce((page, part) => (part ? page.replace(part, "") : page), html);
  return [
    { part: "head", text: head },
    ...jsonLd.map((text) => ({ part: "JSON-LD", text })),
    { part: "page", text: rest },
  ];
}

/** Finds every canary's token (or Latin spelling), in any case, in one pass over a text. */
export class Scanner {
  private readonly byNeedle = new Map<string, Canary>();
  private readonly pattern: RegExp;

  constructor(canaries: Canary[]) {
    for (const canary of canaries) {
      this.byNeedle.set(canary.token.toLowerCase(), canary);
      if (canary.latin) this.byNeedle.set(canary.latin, canary);
    }
    this.pattern = new RegExp([...this.byNeedle.keys()].join("|"), "gi");
  }

  scan(text: string, url: string, part: string): Finding[] {
    const plain = unescape(text);
    return [...plain.matchAll(this.pattern)].map((match) => {
      const canary = this.byNeedle.get(match[0].toLowerCase())!;
      const at = match.index;
      const context = plain.slice(Math.max(0, at - 70), at + match[0].length + 30).replace(/\s+/g, " ");
      return { canary: canary.text, where: canary.where, url, part, context };
    });
  }
}

/** One line per canary and address, the worst first: what a failing run prints. */
export function report(findings: Finding[]): string {
  const lines = new Map<string, string>();
  for (const f of findings) {
    const key = `${f.canary} ${f.url} ${f.part}`;
    if (!lines.has(key)) lines.set(key, `${f.canary} (${f.where}) → ${f.url} [${f.part}] …${f.context}…`);
  }
  const canaries = new Set(findings.map((f) => f.canary)).size;
  return [`${canaries} canaries found at ${lines.size} places:`, ...[...lines.values()].sort()].join("\n");
}
