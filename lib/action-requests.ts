import { NextResponse, type NextRequest } from "next/server";

/** The largest server-action body, in MB: a law's text may be 2,000,000 characters (about 4 MB in Cyrillic). */
export const actionBodyLimitMb = 8;
const limitBytes = actionBodyLimitMb * 1024 * 1024;
// Real arguments are a few levels deep; React's decoder recurses, so a body nested 100,000 deep
// would overflow its stack.
const maxNesting = 64;

/**
 * A refusal for a request Next would treat as a server action but could not read: over the body
 * limit, of a type browsers never send, malformed or absurdly nested. Next itself would answer 500
 * and log the parse error, request data and all; these are the client's mistakes, so they get a
 * 4xx and nothing is logged. Whether the caller may run the action is the action's own business.
 */
export async function refuseActionRequest(request: NextRequest): Promise<NextResponse | null> {
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  const fetchAction = request.headers.has("next-action");
  // Without the header, Next tries any multipart POST to a page as a form's action.
  const formAction = request.method === "POST" && type.startsWith("multipart/form-data") && !isRoute(request);
  if (!fetchAction && !formAction) return null;
  if (request.method !== "POST") return refuse(405, "Actions are sent with POST.");
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!Number.isSafeInteger(length)) return refuse(411, "The request must state its length.");
  if (length > limitBytes) return refuse(413, `The request is larger than ${actionBodyLimitMb} MB.`);
  if (type.startsWith("multipart/form-data")) {
    return (await readableForm(request)) ? null : refuse(400, "The form could not be read.");
  }
  if (type.startsWith("text/plain")) {
    return readableJson(await request.clone().text()) ? null : refuse(400, "The request could not be read.");
  }
  return refuse(415, "Actions are sent as a form or as text.");
}

/**
 * Next's route handlers under app/api take POSTs of their own. The feed, the sitemap and
 * robots.txt, route handlers too, never reach the proxy (proxy.ts's matcher).
 */
function isRoute(request: NextRequest): boolean {
  return request.nextUrl.pathname.startsWith("/api/");
}

async function readableForm(request: NextRequest): Promise<boolean> {
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return false;
  }
  // The fields React decodes as JSON: its rows ("0", "1", …) and a no-script form's bound
  // arguments ("$ACTION_1:0"); the user's own fields are other names and stay as sent.
  for (const [name, value] of form) {
    if (/^(\d+|\$ACTION_\d+:\d+)$/.test(name) && (typeof value !== "string" || !readableJson(value))) return false;
  }
  return true;
}

function readableJson(text: string): boolean {
  if (nesting(text) > maxNesting) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** How deep brackets nest outside strings. */
function nesting(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") deepest = Math.max(deepest, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return deepest;
}

function refuse(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
