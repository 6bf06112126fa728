import type { NextRequest } from "next/server";
import { z } from "zod";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { figureDocument, noFigure } from "@/modules/public/api/figure-documents";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../../cors";

// The id a figure's anchor on a page carries (#figure-<id>): digits, within an integer column's range.
const figureId = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.int().max(2_147_483_647));

/** GET /api/v1/figures/<id>: one figure readers see, as the pages that show it show it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const query = parseQuery(z.object({}), request.nextUrl.searchParams);
  if (!query.ok) return cachedResponse(request, query.problem, cors);
  // Nothing lives at an address that cannot be one.
  const id = figureId.safeParse((await params).id);
  if (!id.success) return cachedResponse(request, noFigure, cors);
  const key = `figure ${origin} ${id.data}`;
  return cachedResponse(request, await servedRendering(key, () => figureDocument(id.data, origin)), cors);
}
