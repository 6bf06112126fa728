import type { NextConfig } from "next";

// The framework's ceiling for the public-pages benchmark, built from this folder with the
// repository's `next` (node_modules two levels up).
const nextConfig: NextConfig = { poweredByHeader: false };

export default nextConfig;
