// The only reader of process.env: every setting the app takes from its environment.
import path from "node:path";

const root = process.cwd();

function resolveFromRoot(value: string | undefined, fallback: string): string {
  return path.resolve(/*turbopackIgnore: true*/ root, value && value.length > 0 ? value : fallback);
}

/** How the server runs: the try-out (demo paper and accounts) or a real paper. */
export const MODES = ["tryout", "production"] as const;
export type Mode = (typeof MODES)[number];

/** `MASTHEAD_MODE`: unset or empty is the try-out; anything but the two names is refused. */
export function parseMode(value: string | undefined): Mode {
  const mode = value?.trim() || "tryout";
  if ((MODES as readonly string[]).includes(mode)) return mode as Mode;
  throw new Error(`MASTHEAD_MODE must be "tryout" or "production", not "${mode}".`);
}

export const DEFAULT_SCHEDULER_INTERVAL_MS = 30_000;

/** A whole number of milliseconds, at least 200; anything else is the default. */
export function parseSchedulerInterval(value: string | undefined): number {
  const ms = Number(value?.trim() || Number.NaN);
  if (!Number.isInteger(ms) || ms <= 0) return DEFAULT_SCHEDULER_INTERVAL_MS;
  return Math.max(ms, 200);
}

export const env = {
  /** `MASTHEAD_MODE`: "tryout" (default) or "production". */
  get mode(): Mode {
    return parseMode(process.env.MASTHEAD_MODE);
  },
  /** Folder for the database, media and the generated auth secret. */
  get dataDir(): string {
    return resolveFromRoot(process.env.DATA_DIR, "data");
  },
  get databasePath(): string {
    return process.env.DATABASE_PATH
      ? resolveFromRoot(process.env.DATABASE_PATH, "")
      : path.join(/*turbopackIgnore: true*/ this.dataDir, "masthead.db");
  },
  get isProduction(): boolean {
    return process.env.NODE_ENV === "production";
  },
  /** The port this server listens on (the scheduler calls back into it). */
  get port(): number {
    return Number(process.env.PORT || 3000);
  },
  get authSecret(): string {
    return process.env.NEXTAUTH_SECRET ?? "";
  },
  /** Whether `next build` is running (nothing may touch the database then). */
  get isBuilding(): boolean {
    return process.env.NEXT_PHASE === "phase-production-build";
  },
  /**
   * The public address of the paper (https://paper.example), for absolute URLs in feeds,
   * sitemaps and Open Graph. Unset: feeds use the request's host, pages omit absolute URLs.
   */
  get siteUrl(): string | null {
    const value = process.env.SITE_URL?.trim();
    if (!value) return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
    } catch {
      return null;
    }
  },
  /**
   * `MASTHEAD_SCHEDULER_INTERVAL_MS`: how often the publishing clock looks for due issues and
   * lifted embargoes (lib/scheduler.ts). Unset: every 30 seconds. The test servers set a short
   * one so their specs wait for a tick, not for half a minute; values under 200 ms are raised.
   */
  get schedulerIntervalMs(): number {
    return parseSchedulerInterval(process.env.MASTHEAD_SCHEDULER_INTERVAL_MS);
  },
  get isTest(): boolean {
    return process.env.MASTHEAD_TEST === "1" || process.env.VITEST === "true";
  },
  // Accounts and sign-in (docs/security.md, "Sign-in throttling" and "Client address").
  /** `TRUST_PROXY=1`: a proxy in front (deploy/nginx.conf) sets X-Real-IP / X-Forwarded-For. */
  get trustProxy(): boolean {
    return process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true";
  },
  /** Cookies get `Secure` when the newsroom is served over https (as next-auth decides). */
  get secureCookies(): boolean {
    return (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
  },
  /** In production a sign-in with the published demo password must choose a new one. */
  get demoPasswordMustChange(): boolean {
    return process.env.MASTHEAD_MODE === "production";
  },
};
