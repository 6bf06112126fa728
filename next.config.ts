import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Public pages render on demand and are cached by tag ("use cache"), so the build needs no database.
  cacheComponents: true,
  partialPrefetching: true,
  // PGlite loads its WebAssembly and extension bundles from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
