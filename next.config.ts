import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Public pages render on demand and are cached by tag ("use cache"), so the build needs no database.
  cacheComponents: true,
  partialPrefetching: true,
  // PGlite loads its WebAssembly and extension bundles from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    authInterrupts: true,
    // A law's text may be 2,000,000 characters: about 4 MB in Cyrillic, over the 1 MB default.
    serverActions: { bodySizeLimit: "8mb" },
  },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
