// The publishing clock of this server process: publishes due issues at start and at every tick
// (30 seconds unless MASTHEAD_SCHEDULER_INTERVAL_MS says otherwise, lib/env.ts), whether or not
// anyone is signed in, and expires the public cache when a story's embargo lifts. Due times and
// embargoes live in the database, so a server that was down at that moment acts on start, and
// several processes can run it at once (lib/publishing moves each issue once; an extra cache
// expiry is harmless).
import "server-only";
import { createHmac } from "node:crypto";
import { findLiftedEmbargoes, markEmbargoesHandled } from "@/lib/embargo-clock";
import { env } from "@/lib/env";
import { publishDueIssues } from "@/lib/publishing";

type SchedulerState = {
  started: boolean;
  lastRunAt: number | null;
  lastPublished: number[];
  lastError: string | null;
  cacheExpiryPending: boolean;
  timer?: ReturnType<typeof setInterval>;
};

// Kept on globalThis: instrumentation and route handlers are separate bundles of one process.
const globalForScheduler = globalThis as unknown as { mastheadScheduler?: SchedulerState };
function state(): SchedulerState {
  globalForScheduler.mastheadScheduler ??= {
    started: false,
    lastRunAt: null,
    lastPublished: [],
    lastError: null,
    cacheExpiryPending: false,
  };
  return globalForScheduler.mastheadScheduler;
}

/** The token the scheduler shows its own server to expire the public cache. */
export function cacheExpiryToken(): string {
  return createHmac("sha256", env.authSecret || "masthead")
    .update("expire-paper-cache")
    .digest("hex");
}

/**
 * Next only expires cache tags inside a request, so the clock asks its own server to do it.
 * Until that succeeds it keeps asking at every tick.
 */
async function expireCacheViaServer(): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${env.port}/api/internal/expire-cache`, {
    method: "POST",
    headers: { "x-masthead-token": cacheExpiryToken() },
  });
  if (!response.ok) throw new Error(`cache expiry answered ${response.status}`);
}

export async function runSchedulerTick(now = new Date()): Promise<number[]> {
  const s = state();
  try {
    const published = publishDueIssues(now);
    s.lastRunAt = now.getTime();
    s.lastPublished = published;
    s.lastError = null;
    if (published.length > 0) {
      console.log(`[scheduler] published issue(s) ${published.join(", ")}`);
      s.cacheExpiryPending = true;
    }
    // Embargoes that lifted since the last look: their stories now belong on cached pages.
    const lifted = findLiftedEmbargoes(now);
    if (lifted?.affectsReaders) {
      console.log(`[scheduler] embargo lifted (up to ${lifted.upTo.toISOString()})`);
      s.cacheExpiryPending = true;
    }
    if (s.cacheExpiryPending) {
      await expireCacheViaServer();
      s.cacheExpiryPending = false;
    }
    // Marked only once the cache has expired, so a failed expiry is retried at the next tick.
    if (lifted) markEmbargoesHandled(lifted.upTo);
    return published;
  } catch (error) {
    s.lastError = error instanceof Error ? error.message : String(error);
    console.error("[scheduler]", s.lastError);
    return [];
  }
}

/**
 * Expire the public cache once more at the next tick. An action's tag expiry takes effect only
 * when the action's response is done, and a page rendered in between from the old data is kept
 * as fresh (seen with the layout desk's preview prefetching reader URLs right after "publish
 * now"); expiring again drops it within one tick. The clock's own expiries need no repeat.
 */
export function expireAgainAtNextTick(): void {
  state().cacheExpiryPending = true;
}

export function startScheduler(): void {
  const s = state();
  if (s.started) return;
  s.started = true;
  void runSchedulerTick();
  s.timer = setInterval(() => void runSchedulerTick(), env.schedulerIntervalMs);
  s.timer.unref?.();
}

export function getSchedulerStatus(): {
  lastRunAt: number | null;
  lastError: string | null;
  running: boolean;
} {
  const s = state();
  return { lastRunAt: s.lastRunAt, lastError: s.lastError, running: s.started };
}
