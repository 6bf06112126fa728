import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { actionBodyLimitMb, refuseActionRequest } from "@/lib/action-requests";

const post = (body: string, headers: Record<string, string>, path = "/admin/laws/1") =>
  new NextRequest(`http://archive.test${path}`, {
    method: "POST",
    body,
    headers: { "content-length": String(Buffer.byteLength(body)), ...headers },
  });
const fetchAction = (body: string, type = "text/plain;charset=UTF-8") =>
  post(body, { "next-action": "60b144fcd828f71b3e9c9660730f6b287e40904429", "content-type": type });
const form = (fields: Record<string, string>, extra: Record<string, string> = {}) => {
  const body =
    Object.entries(fields)
      .map(([name, value]) => `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + "--B--\r\n";
  return post(body, { "content-type": "multipart/form-data; boundary=B", ...extra });
};
const status = async (request: NextRequest) => (await refuseActionRequest(request))?.status ?? "passed on";

describe("refuseActionRequest", () => {
  test("passes on what browsers send: an action's arguments as text or as a form, and other requests", async () => {
    expect(await status(fetchAction('["$K1"]'))).toBe("passed on");
    expect(await status(fetchAction('"a search"'))).toBe("passed on");
    expect(await status(form({ "0": '["$K1"]', "1_title": "[[[[ brackets in a title ]]]]", "1_text": "{" }))).toBe(
      "passed on",
    );
    expect(
      await status(form({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"60b1","bound":"$@1"}', "1_email": "a" })),
    ).toBe("passed on");
    expect(await status(new NextRequest("http://archive.test/laws", { method: "GET" }))).toBe("passed on");
    // Route handlers read their own bodies (next-auth's sign-in posts a form).
    expect(await status(post("garbage", { "content-type": "multipart/form-data; boundary=B" }, "/api/auth/x"))).toBe(
      "passed on",
    );
  });

  test("refuses a body over the limit, or of no stated length, before reading it", async () => {
    const over = fetchAction("[]");
    over.headers.set("content-length", String(actionBodyLimitMb * 1024 * 1024 + 1));
    expect(await status(over)).toBe(413);
    const unstated = fetchAction("[]");
    unstated.headers.delete("content-length");
    expect(await status(unstated)).toBe(411);
  });

  test("refuses what is not JSON, too deeply nested, or of a type browsers never send", async () => {
    expect(await status(fetchAction("not json{"))).toBe(400);
    expect(await status(fetchAction(`${"[".repeat(65)}${"]".repeat(65)}`))).toBe(400);
    expect(await status(fetchAction(`${"[".repeat(64)}${"]".repeat(64)}`))).toBe("passed on");
    // Brackets inside strings do not count.
    expect(await status(fetchAction(JSON.stringify(["[".repeat(1000)])))).toBe("passed on");
    expect(await status(fetchAction('{"a":1}', "application/json"))).toBe(415);
    expect(await status(fetchAction("[]", "application/x-www-form-urlencoded"))).toBe(415);
  });

  test("refuses a broken form, and a form whose arguments are not JSON or nested too deep", async () => {
    expect(await status(post("garbage", { "content-type": "multipart/form-data; boundary=B" }))).toBe(400);
    expect(await status(form({ "0": "not json" }))).toBe(400);
    expect(await status(form({ "0": "[".repeat(1000) + "]".repeat(1000) }))).toBe(400);
    expect(await status(form({ "$ACTION_1:0": "{" }))).toBe(400);
  });
});
