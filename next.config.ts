import path from "node:path";
import type { NextConfig } from "next";
import { actionBodyLimitMb } from "./lib/action-requests";
import { plainIndexRewrites } from "./lib/index-view-keys";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Public pages render on demand and are cached by tag ("use cache"), so the build needs no database.
  cacheComponents: true,
  // Public pages are stored whole, each with a policy naming its own inline scripts (lib/cache/page-cache.mjs).
  cacheHandler: path.join(import.meta.dirname, "lib/cache/page-cache.mjs"),
  // Cached reads, with their tags expired by publications on any instance (lib/cache/data-cache.mjs).
  cacheHandlers: { default: path.join(import.meta.dirname, "lib/cache/data-cache.mjs") },
  partialPrefetching: true,
  // PGlite loads its WebAssembly and extension bundles from its own package folder at run time, and
  // unpdf its build of pdf.js.
  serverExternalPackages: ["@electric-sql/pglite", "unpdf"],
  experimental: {
    authInterrupts: true,
    // Over the 1 MB default; proxy.ts refuses larger bodies with a 413 before Next reads them.
    serverActions: { bodySizeLimit: `${actionBodyLimitMb}mb` },
  },
  // `next dev` opened at 127.0.0.1 rather than localhost: without this, Next blocks its dev
  // resources there and the console fills with errors.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  typedRoutes: false,
  // Also on what the proxy does not see (Next's static files); the proxy adds the per-request CSP.
  // An index page's plain view is stored whole and served without the proxy (proxy.ts `config.matcher`).
  async rewrites() {
    return { beforeFiles: plainIndexRewrites(), afterFiles: [], fallback: [] };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
