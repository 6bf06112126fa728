import { cacheLife } from "next/cache";
import { jsonRendering } from "@/lib/api/problem";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse, type Rendering } from "@/lib/http/cached-response";
import { openApiDocument } from "@/modules/public/api/openapi";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../cors";

/** GET /api/v1/openapi.json: the read API described, for code generators and the docs page. */
export async function GET(request: Request) {
  // First: the document names the site, which is read at request time.
  const origin = await siteOrigin();
  return cachedResponse(request, await servedRendering(`openapi ${origin}`, () => rendered(origin)), cors);
}

async function rendered(origin: string): Promise<Rendering> {
  "use cache";
  cacheLife("days");
  return jsonRendering(openApiDocument(origin));
}
