import type { NextRequest } from "next/server";
import { z } from "zod";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse, type Rendering } from "@/lib/http/cached-response";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "./cors";

// A record's number: digits, within an integer column's range.
const idOf = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.int().max(2_147_483_647));

/**
 * GET for a record addressed by its number (/api/v1/figures/<id>, /api/v1/sources/<id>): no query
 * parameter, and `nothing` for an address that cannot be a number.
 */
export function idRoute(
  name: string,
  document: (id: number, origin: string) => Promise<Rendering>,
  nothing: Rendering,
) {
  return async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
    // First: it makes this a request-time route (the build has no database), and names the site.
    const origin = await siteOrigin();
    const query = parseQuery(z.object({}), request.nextUrl.searchParams);
    if (!query.ok) return cachedResponse(request, query.problem, cors);
    // Nothing lives at an address that cannot be one.
    const id = idOf.safeParse((await params).id);
    if (!id.success) return cachedResponse(request, nothing, cors);
    const key = `${name} ${origin} ${id.data}`;
    return cachedResponse(request, await servedRendering(key, () => document(id.data, origin)), cors);
  };
}
