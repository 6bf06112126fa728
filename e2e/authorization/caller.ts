/**
 * Calls a server action over HTTP exactly as Next's router does in the browser (captured from
 * Chromium on Next 16.4): POST to the page's address with `Next-Action: <id>` and
 * `Accept: text/x-component`; arguments encoded by React's encodeReply, which is JSON in a
 * text/plain body, or multipart when an argument is a FormData (its fields prefixed `_1_`, the
 * argument list in the part named "0", the form referred to as "$K1").
 */
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** Action ids of the production build, by `file#export` as the inventory names them. */
export function actionIds(): Map<string, string> {
  const file = path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

/** A form's fields; a name given an array repeats, as checkboxes and pickers send it. */
export class Form {
  constructor(readonly fields: Record<string, string | string[]>) {}
}

export type ActionAnswer = {
  status: number;
  /** Where the answer sends the browser: the proxy's Location or the action's x-action-redirect. */
  redirect: string | null;
  /** The action's return value, decoded from the RSC payload (undefined when it returned nothing). */
  result: unknown;
  /** The action threw: the payload carries an error instead of a value. */
  threw: boolean;
};

export async function callAction(
  request: APIRequestContext,
  id: string,
  page: string,
  args: unknown[],
): Promise<ActionAnswer> {
  const headers = { "Next-Action": id, Accept: "text/x-component" };
  // A kept-alive connection the busy server closed just as it was reused resets before the request
  // is read: that one is sent again (Playwright retries only ECONNRESET).
  const transport = { maxRedirects: 0, maxRetries: 1 };
  const sent = usedArgs(id, args);
  const form = sent.find((arg): arg is Form => arg instanceof Form);
  const encoded = JSON.stringify(sent.map((arg) => (arg === form ? "$K1" : escape(arg))));
  const response = form
    ? await request.post(page, { headers, multipart: multipartOf(form, encoded), ...transport })
    : await request.post(page, {
        headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
        data: encoded,
        ...transport,
      });
  const redirect = response.headers()["location"] ?? response.headers()["x-action-redirect"]?.split(";")[0] ?? null;
  const isPayload = (response.headers()["content-type"] ?? "").startsWith("text/x-component");
  const decoded = isPayload ? decodeResult(await response.text()) : { result: undefined, threw: false };
  return { status: response.status(), redirect, ...decoded };
}

// Next drops the arguments a server function never reads; the id's first byte says which.
function usedArgs(id: string, args: unknown[]): unknown[] {
  const info = parseInt(id.slice(0, 2), 16);
  const mask = (info >> 1) & 0x3f;
  const used = args.map((arg, index) => (index >= 6 ? (info & 1) === 1 : ((mask >> (5 - index)) & 1) === 1));
  return args.slice(0, used.lastIndexOf(true) + 1).map((arg, index) => (used[index] ? arg : undefined));
}

function escape(value: unknown): unknown {
  if (value === undefined) return "$undefined";
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escape);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, escape(inner)]));
  return value;
}

function multipartOf(form: Form, encoded: string): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields))
    for (const one of Array.isArray(value) ? value : [value]) body.append(`_1_${name}`, one);
  body.append("0", encoded);
  return body;
}

/**
 * The action's value from an RSC payload: row 0 is `{"a": <value or "$@row">, ...}`; values are
 * JSON with React's `$` references. Enough for the plain data our actions return.
 */
function decodeResult(payload: string): { result: unknown; threw: boolean } {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  let threw = false;
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("$")) {
      if (value === "$undefined") return undefined;
      if (value.startsWith("$$")) return value.slice(1);
      const reference = /^\$@?([0-9a-f]+)$/.exec(value);
      if (!reference) return value;
      const row = rows.get(reference[1]!) ?? "";
      if (row.startsWith("E")) {
        threw = true;
        return undefined;
      }
      return resolve(JSON.parse(row));
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
    return value;
  };
  const root = rows.get("0");
  if (!root) return { result: undefined, threw: /^[0-9a-f]+:E/m.test(payload) };
  const { a } = JSON.parse(root) as { a?: unknown };
  const result = resolve(a);
  return { result, threw };
}
