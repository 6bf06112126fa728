import { randomBytes } from "node:crypto";

export { contentSecurityPolicy, nonPagePolicy } from "./content-security-policy.mjs";

/**
 * The headers that tell a browser what this site's pages may do. The Content-Security-Policy
 * carries a fresh nonce per request (proxy.ts makes it), or names a stored page's scripts by hash;
 * a route handler's answer that is not a page carries a fixed one (`nonPagePolicy`). The rest are
 * the same on every response (next.config.ts sends them, and proxy.ts on the answers it writes
 * itself). docs/adr/0006-content-security-policy.md says why the policy is this one.
 */
/** A nonce nobody can guess: 128 random bits. */
export function cspNonce(): string {
  return randomBytes(16).toString("base64");
}

export function securityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Nothing here uses these; a script injected despite the policy gets none of them.
    {
      key: "Permissions-Policy",
      value:
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()",
    },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    // Browsers ignore it over plain http, so it is harmless on a local production build.
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
