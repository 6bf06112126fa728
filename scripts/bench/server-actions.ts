/**
 * Calls a server action over HTTP as the browser does (see e2e/authorization/caller.ts, which this
 * follows): POST to a page that uses the action, `Next-Action: <id>`, the arguments encoded by
 * React's encodeReply — for `useActionState` forms, multipart with the form's fields prefixed
 * `_1_` and the argument list `[null, "$K1"]` in the part named "0".
 */
import fs from "node:fs";
import path from "node:path";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The production build's id of an action, by `file#export`. */
export function actionId(key: string): string {
  const file = path.join(process.cwd(), ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, e]) => `${e.filename}#${e.exportedName}` === key);
  if (!found) throw new Error(`No server action ${key} in this build`);
  return found[0];
}

export type Session = { base: string; cookie: string };

/**
 * Posts a form to a `useActionState` action and returns its result's `ok` and `message`, read off
 * the RSC payload's first row (`0:{"a":…}` with the value inline or in a referenced row).
 */
export async function postForm(
  session: Session,
  id: string,
  page: string,
  fields: Record<string, string>,
): Promise<{ ok: boolean; message: string }> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify(["$undefined", "$K1"]));
  const response = await fetch(new URL(page, session.base), {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": id, Accept: "text/x-component", cookie: session.cookie },
    body,
  });
  const payload = await response.text();
  if (response.status !== 200)
    throw new Error(`POST ${page} (${id}) answered ${response.status}: ${payload.slice(0, 300)}`);
  const rows = new Map(
    payload
      .split("\n")
      .map((line) => /^([0-9a-f]+):(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => Boolean(m))
      .map((m) => [m[1]!, m[2]!]),
  );
  let value = (JSON.parse(rows.get("0") ?? "{}") as { a?: unknown }).a;
  const reference = typeof value === "string" ? /^\$@?([0-9a-f]+)$/.exec(value) : null;
  if (reference) value = JSON.parse(rows.get(reference[1]!) ?? "null");
  const result = value as { ok?: boolean; message?: string } | null;
  return { ok: result?.ok === true, message: result?.message ?? payload.slice(0, 300) };
}

/** The first `<input name=… value=…>` of a signed-in page: the working revision a form carries. */
export async function formField(session: Session, page: string, name: string): Promise<string> {
  const response = await fetch(new URL(page, session.base), { headers: { cookie: session.cookie } });
  const html = await response.text();
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!response.ok || !match) throw new Error(`No ${name} field on ${page} (${response.status})`);
  return match[1]!;
}
