import { draftMode } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";

/** Leaves draft mode and returns to the published page (or the home page). */
export async function GET(request: NextRequest) {
  (await draftMode()).disable();
  const back = request.nextUrl.searchParams.get("to") ?? "/";
  redirect(back.startsWith("/") && !back.startsWith("//") ? back : "/");
}
