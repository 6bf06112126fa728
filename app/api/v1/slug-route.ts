import type { NextRequest } from "next/server";
import { z } from "zod";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse, type Rendering } from "@/lib/http/cached-response";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "./cors";

const slugOf = z.string().regex(/^[a-z0-9-]{1,200}$/);

/**
 * GET for an item addressed by its slug alone (/api/v1/articles/<slug>, /api/v1/agents/<slug>):
 * no query parameter, and `nothing` for an address that cannot be a slug.
 */
export function slugRoute(
  name: string,
  document: (slug: string, origin: string) => Promise<Rendering>,
  nothing: Rendering,
) {
  return async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
    // First: it makes this a request-time route (the build has no database), and names the site.
    const origin = await siteOrigin();
    const query = parseQuery(z.object({}), request.nextUrl.searchParams);
    if (!query.ok) return cachedResponse(request, query.problem, cors);
    // Nothing lives at an address that cannot be one.
    const slug = slugOf.safeParse((await params).slug);
    if (!slug.success) return cachedResponse(request, nothing, cors);
    const key = `${name} ${origin} ${slug.data}`;
    return cachedResponse(request, await servedRendering(key, () => document(slug.data, origin)), cors);
  };
}
