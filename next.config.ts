import type { NextConfig } from "next";

/** On every response, pages, APIs and files alike (the policies themselves are set in proxy.ts). */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * What a shared cache (a CDN) may keep of a public page: fresh for a minute, then served stale
 * for at most 30 s while one request refreshes it; browsers always revalidate. Kept short
 * because a takedown must leave every cache quickly (docs/decisions.md, "What a CDN may keep").
 */
const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=30";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  agentRules: false,
  experimental: {
    // forbidden() renders the desk's 403 page.
    authInterrupts: true,
    // The database is the source of truth: a restarted server rebuilds its page cache from
    // it instead of serving pages a previous process rendered from other data.
    isrFlushToDisk: false,
    // A Word file with its photos arrives through a server action; lib/ checks each limit.
    serverActions: { bodySizeLimit: "26mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      {
        // The public paper: everything but the newsroom, sign-in, APIs, Next's assets and media
        // (feeds and sitemaps set their own headers in their route handlers).
        source:
          "/((?!desk|login|api/|_next/|media/|feed\\.xml|sitemap\\.xml|sitemaps/|robots\\.txt).*)",
        // Vary: Cookie cannot be set here (Next replaces Vary on pages): see instrumentation.ts.
        headers: [{ key: "Cache-Control", value: PUBLIC_CACHE_CONTROL }],
      },
    ];
  },
};

export default nextConfig;
