import type { NextRequest } from "next/server";
import { z } from "zod";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { lawDocument, noLaw } from "@/modules/public/api/law-documents";
import { jurisdictionCode } from "@/modules/public/law-index-url";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../../../cors";

const address = z.object({ jurisdiction: jurisdictionCode, slug: z.string().regex(/^[a-z0-9-]{1,200}$/) });

/** GET /api/v1/laws/<jurisdiction>/<slug>: one published law, as its page /laws/<jurisdiction>/<slug> shows it. */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ jurisdiction: string; slug: string }> },
) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const query = parseQuery(z.object({}), request.nextUrl.searchParams);
  if (!query.ok) return cachedResponse(request, query.problem, cors);
  // No law lives at an address that cannot be one.
  const law = address.safeParse(await params);
  if (!law.success) return cachedResponse(request, noLaw, cors);
  const { jurisdiction, slug } = law.data;
  const key = `law ${origin} ${jurisdiction}/${slug}`;
  return cachedResponse(request, await servedRendering(key, () => lawDocument(jurisdiction, slug, origin)), cors);
}
