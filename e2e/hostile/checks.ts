import type { Page } from "@playwright/test";
import { urlPayloads, xssPayloads } from "./xss-payloads";

/** Installs, before any script of the page runs, what a payload that ran would call. */
export async function watchForScripts(page: Page): Promise<string[]> {
  const ran: string[] = [];
  await page.addInitScript(() => {
    const record = (what: unknown) => {
      const w = window as unknown as { __xssHits?: string[] };
      (w.__xssHits ??= []).push(String(what));
    };
    Object.defineProperty(window, "__xss", { value: record, writable: false });
  });
  page.on("dialog", (dialog) => {
    ran.push(`dialog on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return ran;
}

/** What ran on the page (window flag), and any element or attribute a payload could have planted. */
export async function plantedInDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const hits = (window as unknown as { __xssHits?: string[] }).__xssHits ?? [];
    for (const hit of hits) found.push(`ran: __xss(${hit})`);
    const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster"];
    // As nextOwn below; the page cannot call a function of this file.
    const nextOwn = (code: string) =>
      code.split("\n;").every((part) => !part.includes("xss") || /^\(?self\.__next_f/.test(part.trim()));
    for (const el of document.body.querySelectorAll("*")) {
      const tag = el.tagName.toLowerCase();
      if (["iframe", "object", "embed", "base", "frame", "frameset"].includes(tag)) found.push(`<${tag}> in the page`);
      if (tag === "meta" && el.getAttribute("http-equiv")) found.push("<meta http-equiv> in the body");
      if (tag === "script") {
        const code = el.textContent ?? "";
        const type = el.getAttribute("type") ?? "";
        const nextData = nextOwn(code);
        if (type !== "application/ld+json" && !nextData && code.includes("xss"))
          found.push(`script: ${code.slice(0, 80)}`);
      }
      for (const attribute of Array.from(el.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        if (name.startsWith("on")) found.push(`${tag}[${name}]`);
        if (name === "srcdoc") found.push(`${tag}[srcdoc]`);
        const reactOwn = value === "javascript:thrownewerror('reactformunexpectedlysubmitted.')";
        if (urlAttributes.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value) && !reactOwn)
          found.push(`${tag}[${name}=${value.slice(0, 60)}]`);
        if (name === "style" && value.includes("javascript:")) found.push(`${tag}[style] with javascript:`);
      }
    }
    return found;
  });
}

/**
 * Whether an inline script is Next's own payload: `self.__next_f.push(…)`, alone or in a run of
 * scripts that a stored page merged into one, statement by statement (lib/cache/merged-scripts.mjs).
 * Only the statements that carry the hostile text need to be payload.
 */
const nextOwn = (code: string) =>
  code.split("\n;").every((part) => !part.includes("xss") || /^\(?self\.__next_f/.test(part.trim()));

/**
 * The page as the server sent it: every JSON-LD block still parses (a `</script>` in a title
 * would break out of it), every inline script is Next's own data, no payload with markup stands
 * unescaped outside scripts (a planted tag or handler would), and no link or form leads to a script.
 */
export function plantedInHtml(html: string): string[] {
  const found: string[] = [];
  const scripts = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (const [, attributes = "", code = ""] of html.matchAll(scripts)) {
    if (/application\/ld\+json/.test(attributes)) {
      try {
        JSON.parse(code);
      } catch {
        found.push(`JSON-LD that does not parse: ${code.slice(0, 80)}`);
      }
    } else if (!/\bsrc=/.test(attributes) && !nextOwn(code) && code.includes("xss")) {
      found.push(`inline script: ${code.slice(0, 80)}`);
    }
  }
  const outside = html.replace(scripts, "");
  for (const payload of [...xssPayloads, ...urlPayloads]) {
    if (/[<>]/.test(payload.text) && outside.includes(payload.text)) found.push(`unescaped payload ${payload.n}`);
  }
  // React puts a javascript: action of its own on forms that submit to a server action.
  const reactFormAction =
    /action="javascript:throw new Error\((?:'|&#x27;|&#39;)React form unexpectedly submitted\.(?:'|&#x27;|&#39;)\)"/g;
  if (/\s(href|src|action|formaction)\s*=\s*["']?\s*(javascript|vbscript):/i.test(outside.replace(reactFormAction, "")))
    found.push("a script URL");
  return found;
}
