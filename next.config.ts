import type { NextConfig } from "next";

/** On every response, pages, APIs and files alike (the policies themselves are set in proxy.ts). */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  agentRules: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  experimental: {
    // forbidden() renders the desk's 403 page.
    authInterrupts: true,
    // The database is the source of truth: a restarted server rebuilds its page cache from
    // it instead of serving pages a previous process rendered from other data.
    isrFlushToDisk: false,
    // A Word file with its photos arrives through a server action; lib/ checks each limit.
    serverActions: { bodySizeLimit: "26mb" },
  },
};

export default nextConfig;
