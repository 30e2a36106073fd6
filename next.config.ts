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
    // A Word file with its photos arrives through a server action; lib/ checks each limit.
    serverActions: { bodySizeLimit: "26mb" },
  },
};

export default nextConfig;
