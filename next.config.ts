import type { NextConfig } from "next";
import { PUBLIC_CACHE_CONTROL } from "./lib/cache-control";
import { HSTS, PAPER_CONTENT_SECURITY_POLICY } from "./lib/security-headers";

/** On every response, pages, APIs and files alike (the policies themselves are set in proxy.ts). */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * Public paper paths in Chinese, the paper's default language (`/…`): everything but the English
 * paper (`/en/…`), the newsroom, sign-in, first-admin setup, APIs, Next's assets, media, feeds
 * and the paper's internal language segments. Keep in step with the matcher in proxy.ts.
 */
const PAPER_PATH =
  "(?!(?:en|desk|login|setup|zh-CN|default)(?:/|$)|api/|_next/|media/|feed\\.xml|sitemap\\.xml|sitemaps/|robots\\.txt|favicon\\.ico).*";

/** The English paper's pages (`/en`, `/en/…`), its feed excepted (it sets its own headers). */
const ENGLISH_PAPER_PATH = "en(?:/(?!feed\\.xml$).*)?";

/**
 * The language is in the URL (docs/decisions.md, "The reader's language is in the URL"):
 * `/en/…` renders app/(paper)/[lang] with lang = en directly, and `/…` is rewritten here to the
 * internal Chinese segment. No cookie is read, so one URL has one body and a CDN may keep it.
 * Done here rather than in proxy.ts so reader requests, nearly all cache hits, skip the proxy.
 */
function paperRewrites() {
  return [
    { source: "/", destination: "/zh-CN" },
    { source: `/:path(${PAPER_PATH})`, destination: "/zh-CN/:path" },
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
        source: `/:path(${PAPER_PATH})`,
        headers: PAPER_HEADERS,
      },
      { source: `/:path(${ENGLISH_PAPER_PATH})`, headers: PAPER_HEADERS },
      { source: "/", headers: PAPER_HEADERS },
    ];
  },
  async rewrites() {
    return { beforeFiles: paperRewrites(), afterFiles: [], fallback: [] };
  },
  async redirects() {
    // The Chinese segment is internal (and "default" was, before the language moved into the
    // URL): a reader who types it is sent to the plain URL.
    return [
      { source: "/:lang(zh-CN|default)", destination: "/", permanent: true },
      { source: "/:lang(zh-CN|default)/:path*", destination: "/:path*", permanent: true },
    ];
  },
};

export default nextConfig;
