import { draftMode } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { safeLocalPath } from "@/lib/safe-path";

/** Leaves draft mode and returns to the published page (or the home page). */
export async function GET(request: NextRequest) {
  (await draftMode()).disable();
  redirect(safeLocalPath(request.nextUrl.searchParams.get("to"), "/"));
}
