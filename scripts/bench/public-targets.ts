/**
 * The public page types a reader asks for, how to tell each is the right page (status 200 and a
 * marker in the body, so that a fast error page never counts), and how to find an example of
 * those whose address depends on the archive (an article, an agent, a topic).
 */
import http from "node:http";
import { annotatedLawSlug } from "./annotated-law";
import { searchWords } from "./search-words";

export type Target = {
  name: string;
  path: string;
  /** Text every right answer contains; HTML pages also need the public layout's `id="main"`. */
  markers: string[];
  html: boolean;
  /** Words that replace `{q}` in the path, two at a time, a different pair for each request. */
  vary?: string[];
};

/** A target whose address is read off another page: the first link matching `link` on `from`. */
type Found = Omit<Target, "path"> & { from: string; link: RegExp };

const demoLaw = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";
const page = (name: string, path: string, ...markers: string[]): Target => ({ name, path, markers, html: true });
const doc = (name: string, path: string, ...markers: string[]): Target => ({ name, path, markers, html: false });
const found = (name: string, from: string, link: RegExp, ...markers: string[]): Found => ({
  name,
  from,
  link,
  markers,
  html: true,
});

/** Every public page type; a page the archive or build lacks is reported missing and skipped. */
export const defaultTargets: (Target | Found)[] = [
  page("home", "/"),
  page("laws index", "/laws"),
  page("laws index, filtered", "/laws?jurisdiction=kg&status=in_force"),
  page("law page", demoLaw, 'data-testid="last-reviewed"'),
  page("law page, 200 annotations", `/laws/kg/${annotatedLawSlug}`, 'class="annotation-note'),
  page("articles index", "/articles"),
  found("article page", "/articles", /href="(\/articles\/[a-z0-9-]+)"/),
  found("agent page", demoLaw, /href="(\/agents\/[a-z0-9-]+)"/),
  found("topic page", "/topics", /href="(\/topics\/[a-z0-9-]+)"/),
  page("jurisdiction page", "/jurisdictions/kg"),
  page("search, Latin", "/search?q=rehabilitation"),
  page("search, Cyrillic", "/search?q=реабилитация"),
  { ...page("search, a new query each request", "/search?q={q}"), vary: searchWords },
  doc("Atom feed", "/feed.xml", "<feed"),
  doc("sitemap", "/sitemap.xml", "<?xml"),
  doc("annotations API", `/api/v1/annotations?target=${encodeURIComponent(demoLaw)}`, '"AnnotationCollection"'),
];

/**
 * `--target name=/path` or `--target /path`: checked as the default target of that path is (the
 * feed, the sitemap, the API), else as an HTML page of the public layout.
 */
export function targetFromOption(value: string): Target | null {
  const eq = value.indexOf("=");
  const [name, path] = eq > 0 && !value.startsWith("/") ? [value.slice(0, eq), value.slice(eq + 1)] : [value, value];
  if (!path.startsWith("/")) return null;
  const known = defaultTargets.find((t): t is Target => "path" in t && t.path === path);
  return known ? { ...known, name } : page(name, path);
}

/** Resolves the found targets against the running server; those without an example come back as missing. */
async function resolveTargets(
  base: string,
  targets: (Target | Found)[],
): Promise<{ targets: Target[]; missing: { name: string; why: string }[] }> {
  const resolved: Target[] = [];
  const missing: { name: string; why: string }[] = [];
  for (const target of targets) {
    if (!("from" in target)) {
      resolved.push(target);
      continue;
    }
    const response = await fetch(new URL(target.from, base));
    const match = target.link.exec(await response.text());
    if (!match) missing.push({ name: target.name, why: `no link on ${target.from} (${response.status})` });
    else resolved.push({ name: target.name, path: match[1]!, markers: target.markers, html: target.html });
  }
  return { targets: resolved, missing };
}

export type CheckedTarget = Target & { bytes: number; body: string };

/**
 * Finds the examples, then asks for each target once: those this build or archive lacks (404, or
 * a not-found that kept 200 while streaming) come back as missing; a wrong page stops the run.
 */
export async function checkTargets(
  base: string,
  targets: (Target | Found)[],
): Promise<{ targets: CheckedTarget[]; missing: { name: string; why: string }[] }> {
  const resolved = await resolveTargets(base, targets);
  const checked: CheckedTarget[] = [];
  const missing = [...resolved.missing];
  for (const target of resolved.targets) {
    const path = addresses(target, base).first;
    const response = await fetch(new URL(path, base), { redirect: "manual" }).catch((error: unknown) => {
      const cause = (error as { cause?: { code?: string } }).cause;
      if (cause?.code !== "UND_ERR_HEADERS_OVERFLOW") throw error;
      throw new Error(
        `${path} sent more than ${http.maxHeaderSize} bytes of headers: run with node --max-http-header-size=262144 (npm run bench:public does), as browsers accept`,
      );
    });
    const headerBytes = [...response.headers].reduce((n, [name, value]) => n + name.length + value.length + 4, 0);
    // nginx's proxy_buffer_size is one memory page (4 KB) unless set: it answers 502 beyond it.
    if (headerBytes > 4096) {
      const hashes = response.headers.get("content-security-policy")?.match(/'sha256-/g)?.length ?? 0;
      console.log(
        `[bench]   WARNING: ${target.path} sends ${(headerBytes / 1024).toFixed(1)} KB of headers (its Content-Security-Policy names ${hashes} script hashes): past nginx's default proxy_buffer_size (4 KB)${headerBytes > 16_384 ? " and Node's default 16 KB" : ""}`,
      );
    }
    const body = await response.text();
    if (response.status === 404 || (response.status === 200 && notFoundIn(body))) {
      console.log(`[bench]   ${target.path}: not on this build or archive (${response.status}), skipped`);
      missing.push({ name: target.name, why: `${target.path} answered ${response.status}` });
    } else if (response.status !== 200 || !verifier(target)(body)) {
      throw new Error(`${target.path} answered ${response.status} without the expected page:\n${body.slice(0, 400)}`);
    } else checked.push({ ...target, bytes: Buffer.byteLength(body), body });
  }
  return { targets: checked, missing };
}

/** Whether a body is the target's page. */
export function verifier(target: Target): (body: string) => boolean {
  return (body) =>
    (!target.html || (body.includes('id="main"') && !notFoundIn(body))) &&
    target.markers.every((m) => body.includes(m));
}

/** A not-found answer that kept status 200 because the page had begun streaming (notFound() under Suspense). */
function notFoundIn(body: string): boolean {
  return body.includes("NEXT_HTTP_ERROR_FALLBACK;404");
}

/**
 * The target's addresses: one, or for a varying target a different pair of words per request.
 * Non-ASCII queries travel percent-encoded, as a browser sends them.
 */
export function addresses(target: Target, base: string): { first: string; next?: () => string } {
  const words = target.vary ?? [];
  const pairs = words.flatMap((a) => words.filter((b) => b !== a).map((b) => `${a} ${b}`));
  const at = (q?: string) => {
    const url = new URL(q === undefined ? target.path : target.path.replace("{q}", encodeURIComponent(q)), base);
    return url.pathname + url.search;
  };
  if (!pairs.length) return { first: at() };
  let turn = 0;
  return { first: at(pairs[0]), next: () => at(pairs[turn++ % pairs.length]) };
}
