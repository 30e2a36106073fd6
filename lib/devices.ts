// Browsers a user signs in from, known by a long-lived random cookie (only its hash is kept).
import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { userDevices, users } from "@/db/schema";

export const DEVICE_COOKIE = "masthead-device";
/** Browsers cap cookie lifetimes at 400 days. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export function newDeviceCookie(): string {
  return randomBytes(32).toString("base64url");
}

/** The cookie's value when it has the shape we issue, else null (a forged or foreign value). */
export function parseDeviceCookie(value: string | null | undefined): string | null {
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

function hashCookie(cookie: string): string {
  return createHash("sha256").update(cookie).digest("hex");
}

/** Whether the account with this e-mail has signed in from the browser carrying `cookie`. */
export function isKnownDevice(tx: Tx, email: string, cookie: string | null): boolean {
  if (!cookie) return false;
  const row = tx
    .select({ id: userDevices.id })
    .from(userDevices)
    .innerJoin(users, eq(users.id, userDevices.userId))
    .where(and(eq(users.email, email), eq(userDevices.cookieHash, hashCookie(cookie))))
    .get();
  return !!row;
}

export type DeviceSighting = {
  deviceId: number;
  /** Never seen for this user before. */
  isNew: boolean;
  /** The user had other devices already: a new one is worth telling them about. */
  hadOthers: boolean;
};

/** Record a sign-in from this browser: a new row the first time, a fresher `last seen` after. */
export function recordDevice(
  tx: Tx,
  input: {
    userId: number;
    cookie: string;
    userAgent: string | null;
    address: string;
    now: Date;
  },
): DeviceSighting {
  const cookieHash = hashCookie(input.cookie);
  const existing = tx
    .select({ id: userDevices.id })
    .from(userDevices)
    .where(and(eq(userDevices.userId, input.userId), eq(userDevices.cookieHash, cookieHash)))
    .get();
  if (existing) {
    tx.update(userDevices)
      .set({ lastSeenAt: input.now, userAgent: input.userAgent, address: input.address })
      .where(eq(userDevices.id, existing.id))
      .run();
    return { deviceId: existing.id, isNew: false, hadOthers: true };
  }
  const others =
    tx.select({ n: count() }).from(userDevices).where(eq(userDevices.userId, input.userId)).get()
      ?.n ?? 0;
  const created = tx
    .insert(userDevices)
    .values({
      userId: input.userId,
      cookieHash,
      userAgent: input.userAgent,
      address: input.address,
      firstSeenAt: input.now,
      lastSeenAt: input.now,
    })
    .returning({ id: userDevices.id })
    .get();
  return { deviceId: created.id, isNew: true, hadOthers: others > 0 };
}

export type DeviceRow = {
  id: number;
  userAgent: string | null;
  address: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

/** The viewer's devices, most recently used first. */
export function listDevices(viewer: { id: number }): DeviceRow[] {
  return db()
    .select({
      id: userDevices.id,
      userAgent: userDevices.userAgent,
      address: userDevices.address,
      firstSeenAt: userDevices.firstSeenAt,
      lastSeenAt: userDevices.lastSeenAt,
    })
    .from(userDevices)
    .where(eq(userDevices.userId, viewer.id))
    .orderBy(desc(userDevices.lastSeenAt), desc(userDevices.id))
    .limit(100)
    .all();
}
