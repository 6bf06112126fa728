import { connection } from "next/server";
import { siteUrl } from "@/env";

/**
 * Where this site is, as SITE_URL says: feeds, the sitemap, citations, JSON-LD and links carry
 * absolute addresses. Never the request's Host or X-Forwarded-Host, which a client chooses and
 * a cache would hand to every later reader. Read at request time, not baked in by `next build`.
 */
export async function siteOrigin(): Promise<string> {
  await connection();
  return siteUrl();
}

/** The base of a page's canonical and Open Graph addresses; for metadata that is already read per request. */
export function siteMetadataBase(): URL {
  return new URL(siteUrl());
}
