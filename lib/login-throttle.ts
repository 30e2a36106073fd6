// Sign-in throttling: growing delays after repeated failures, never a lock (ASVS 6.1.1, 6.3.1).
// An attempt is reserved (a `pending` row) in the same IMMEDIATE transaction that counts the
// earlier ones, before the slow password check, so parallel guesses cannot pass the limit.
import { and, count, eq, gt, lt, max, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { loginAttempts } from "@/db/schema";

/** How long a failure counts; older rows are pruned. */
export const THROTTLE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ThrottleRule = {
  /** Failures allowed before any delay. */
  free: number;
  /** The delay after the first failure past `free`; it doubles with each further one. */
  baseMs: number;
  capMs: number;
};

/**
 * Three counters, each with its own growing delay (docs/security.md, "Sign-in throttling"):
 * - account + address: one person guessing one account; a success from there clears it.
 * - address, browsers unknown to the account: one address spraying many accounts.
 * - account, browsers unknown to it: many addresses (a botnet, or forged X-Forwarded-For
 *   without a proxy) guessing one account.
 * A browser carrying the account's device cookie is exempt from the last two, so neither can
 * be turned against the owner's own devices, nor against colleagues behind the same NAT.
 */
export const THROTTLE_RULES = {
  accountAddress: { free: 5, baseMs: 30_000, capMs: 15 * 60_000 },
  address: { free: 20, baseMs: 30_000, capMs: 15 * 60_000 },
  accountUnknownDevices: { free: 50, baseMs: 30_000, capMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;

export type AttemptSource = {
  email: string;
  /** The address bucket (lib/client-address.ts addressBucket). */
  address: string;
  /** The browser carries a device cookie this account signed in from before. */
  knownDevice: boolean;
};

export type Reservation =
  | { ok: true; attemptId: number }
  | { ok: false; retryAfterSeconds: number };

/** The wait after `failures` counted failures, the latest of which is where it starts. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.baseMs * 2 ** (failures - rule.free), rule.capMs);
}

type Counted = { n: number; latest: Date | null };

function counted(tx: Tx, where: ReturnType<typeof and>): Counted {
  const row = tx
    .select({ n: count(), latest: max(loginAttempts.createdAt) })
    .from(loginAttempts)
    .where(where)
    .get();
  return { n: row?.n ?? 0, latest: row?.latest ?? null };
}

/** Failures (and attempts still being checked) of each counter inside the window. */
function counters(tx: Tx, source: AttemptSource, now: Date) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const notSucceeded = ne(loginAttempts.outcome, "succeeded");
  const lastSuccess = tx
    .select({ at: max(loginAttempts.createdAt) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, source.email),
        eq(loginAttempts.address, source.address),
        eq(loginAttempts.outcome, "succeeded"),
      ),
    )
    .get()?.at;
  const accountSince = lastSuccess && lastSuccess > since ? lastSuccess : since;
  return {
    accountAddress: counted(
      tx,
      and(
        eq(loginAttempts.email, source.email),
        eq(loginAttempts.address, source.address),
        notSucceeded,
        gt(loginAttempts.createdAt, accountSince),
      ),
    ),
    address: source.knownDevice
      ? { n: 0, latest: null }
      : counted(
          tx,
          and(
            eq(loginAttempts.address, source.address),
            eq(loginAttempts.knownDevice, false),
            notSucceeded,
            gt(loginAttempts.createdAt, since),
          ),
        ),
    accountUnknownDevices: source.knownDevice
      ? { n: 0, latest: null }
      : counted(
          tx,
          and(
            eq(loginAttempts.email, source.email),
            eq(loginAttempts.knownDevice, false),
            notSucceeded,
            gt(loginAttempts.createdAt, since),
          ),
        ),
  } satisfies Record<keyof typeof THROTTLE_RULES, Counted>;
}

/** Milliseconds until this source may try again; 0 when it may now. */
export function waitFor(tx: Tx, source: AttemptSource, now: Date): number {
  const all = counters(tx, source, now);
  let wait = 0;
  for (const name of Object.keys(THROTTLE_RULES) as (keyof typeof THROTTLE_RULES)[]) {
    const { n, latest } = all[name];
    const delay = delayAfter(n, THROTTLE_RULES[name]);
    if (delay > 0 && latest) wait = Math.max(wait, latest.getTime() + delay - now.getTime());
  }
  return wait;
}

/**
 * Take a turn: refuse with the seconds to wait, or write a `pending` attempt that counts as a
 * failure until settled. Call inside an IMMEDIATE transaction; a refused turn writes nothing,
 * so hammering during a delay does not lengthen it.
 */
export function reserveAttempt(tx: Tx, source: AttemptSource, now: Date): Reservation {
  pruneAttempts(tx, now);
  const wait = waitFor(tx, source, now);
  if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) };
  const row = tx
    .insert(loginAttempts)
    .values({ ...source, outcome: "pending", createdAt: now })
    .returning({ id: loginAttempts.id })
    .get();
  return { ok: true, attemptId: row.id };
}

export function settleAttempt(tx: Tx, attemptId: number, succeeded: boolean): void {
  tx.update(loginAttempts)
    .set({ outcome: succeeded ? "succeeded" : "failed" })
    .where(eq(loginAttempts.id, attemptId))
    .run();
}

/**
 * Take back a reserved turn that was neither a failure nor a success: a right password that
 * still needs its second factor. The code step takes a turn of its own.
 */
export function cancelAttempt(tx: Tx, attemptId: number): void {
  tx.delete(loginAttempts).where(eq(loginAttempts.id, attemptId)).run();
}

/** Forget attempts older than the window. */
export function pruneAttempts(tx: Tx, now: Date): number {
  return tx
    .delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(now.getTime() - THROTTLE_WINDOW_MS)))
    .run().changes;
}
