import type { NextConfig } from "next";
import { PUBLIC_CACHE_CONTROL } from "./lib/cache-control";
import { LOCALE_COOKIE, LOCALES } from "./lib/i18n/locales";
import { HSTS, PAPER_CONTENT_SECURITY_POLICY } from "./lib/security-headers";

/** On every response, pages, APIs and files alike (the policies themselves are set in proxy.ts). */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * Public paper paths: everything but the newsroom, sign-in, first-admin setup, APIs, Next's assets, media, feeds
 * and the paper's internal language segments.
 */
const PAPER_PATH =
  "(?!(?:desk|login|setup|zh-CN|en|default)(?:/|$)|api/|_next/|media/|feed\\.xml|sitemap\\.xml|sitemaps/|robots\\.txt|favicon\\.ico).*";

/**
 * The reader's language picks the internal segment the page renders under (app/(paper)/[lang]);
 * "default" is the paper's own default. Done here rather than in proxy.ts so reader requests,
 * which are nearly all cache hits, skip the proxy entirely.
 */
function paperRewrites() {
  const chosen = LOCALES.flatMap((locale) => {
    const has = [{ type: "cookie" as const, key: LOCALE_COOKIE, value: locale }];
    return [
      { source: "/", destination: `/${locale}`, has },
      { source: `/:path(${PAPER_PATH})`, destination: `/${locale}/:path`, has },
    ];
  });
  return [
    ...chosen,
    { source: "/", destination: "/default" },
    { source: `/:path(${PAPER_PATH})`, destination: "/default/:path" },
  ];
}

/** What nginx or a CDN may keep of a public page (lib/cache-control.ts, docs/decisions.md). */
const PAPER_HEADERS = [
  { key: "Cache-Control", value: PUBLIC_CACHE_CONTROL },
  { key: "Content-Security-Policy", value: PAPER_CONTENT_SECURITY_POLICY },
];

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
        // Over HTTPS (directly or behind a proxy that says so) browsers are told to stay there.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
      {
        // The public paper (feeds and sitemaps set their own headers in their route handlers).
        // Vary: Cookie cannot be set here (Next replaces Vary on pages): see instrumentation.ts.
        source: `/:path(${PAPER_PATH})`,
        headers: PAPER_HEADERS,
      },
      { source: "/", headers: PAPER_HEADERS },
    ];
  },
  async rewrites() {
    return { beforeFiles: paperRewrites(), afterFiles: [], fallback: [] };
  },
  async redirects() {
    // The language segment is internal: a reader who types it is sent to the plain URL.
    return [
      { source: "/:lang(zh-CN|en|default)", destination: "/", permanent: true },
      { source: "/:lang(zh-CN|en|default)/:path*", destination: "/:path*", permanent: true },
    ];
  },
};

export default nextConfig;
