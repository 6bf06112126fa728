import { draftMode } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { parseRecordId } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { previewPath } from "@/modules/workflow/preview";

/**
 * Turns on draft mode for a signed-in user and opens the item's public address, which then shows
 * the working revision, marked as a preview. Public visitors never get draft mode.
 */
export async function GET(request: NextRequest) {
  const ctx = await requestContext();
  if (!ctx.actor) redirect(`/login?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`);
  const id = parseRecordId(request.nextUrl.searchParams.get("id"));
  const path = id !== null ? await previewPath(ctx, String(request.nextUrl.searchParams.get("type")), id) : null;
  if (!path) return new Response("Nothing to preview.", { status: 404 });
  (await draftMode()).enable();
  redirect(path);
}
