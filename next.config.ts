import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  agentRules: false,
  experimental: {
    // forbidden() renders the desk's 403 page.
    authInterrupts: true,
    // The database is the source of truth: a restarted server rebuilds its page cache from
    // it instead of serving pages a previous process rendered from other data.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
