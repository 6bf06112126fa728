/**
 * Whether a request that changes something was sent by a page of this site. Next checks this for
 * server actions (the Origin against the Host); route handlers get no such check, so the ones that
 * write call this. A browser always says where a POST comes from (Sec-Fetch-Site, Origin); a
 * request that says neither comes from no browser, so no other site can have made a visitor send it.
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
