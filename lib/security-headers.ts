import { createHash, randomBytes } from "node:crypto";

/**
 * The headers that tell a browser what this site's pages may do. The Content-Security-Policy
 * carries a fresh nonce per request (proxy.ts makes it); the rest are the same on every response
 * (next.config.ts sends them, and proxy.ts on the answers it writes itself).
 * docs/adr/0006-content-security-policy.md says why the policy is this one.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // Next's own scripts load from this origin; every inline script must carry the nonce, or be
    // the one React writes into every prerendered shell. No 'strict-dynamic': the shell's script
    // tags were written before any request and so carry no nonce; 'self' lets them load. React's
    // development build needs eval.
    `script-src 'self' 'nonce-${nonce}' ${shellScriptHash}${options.development ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes (the annotation margin's positions, next/font's fallbacks):
    // an attribute cannot carry a nonce, and styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Nobody may frame the sign-in form or the admin (clickjacking a Publish button).
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

// React's timer for revealing streamed parts, the one inline script of a prerendered shell: it is
// written at build time, before any nonce exists. A React upgrade that changes it shows up as a
// blocked script in e2e/security-headers.spec.ts.
const shellScript = "requestAnimationFrame(function(){$RT=performance.now()});";
const shellScriptHash = `'sha256-${createHash("sha256").update(shellScript).digest("base64")}'`;

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
