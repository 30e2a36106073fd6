// Signed-in sessions: created at sign-in, checked on every request, revoked to end them.
import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { sessions } from "@/db/schema";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** `last seen` is written at most this often per session, so reads stay reads. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export type SessionOrigin = {
  userAgent?: string | null;
  address?: string | null;
  deviceId?: number | null;
};

export function createSession(
  tx: Tx,
  userId: number,
  now: Date,
  origin: SessionOrigin = {},
): string {
  const id = randomUUID();
  tx.insert(sessions)
    .values({
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: origin.userAgent ?? null,
      address: origin.address ?? null,
      deviceId: origin.deviceId ?? null,
    })
    .run();
  return id;
}

export function isSessionLive(sessionId: string, userId: number, now: Date): boolean {
  const row = db()
    .select({
      userId: sessions.userId,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .get();
  return !!row && row.userId === userId && row.revokedAt === null && row.expiresAt > now;
}

/** Note that the session was used; a no-op when it was noted less than a minute ago. */
export function touchSession(sessionId: string, now: Date): void {
  const stale = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
  db()
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(sessions.id, sessionId),
        or(isNull(sessions.lastSeenAt), lt(sessions.lastSeenAt, stale)),
      ),
    )
    .run();
}

export function revokeSession(sessionId: string, now: Date): void {
  db().update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId)).run();
}

/** End every session of a user: deactivation, role change, password reset. */
export function revokeAllSessions(tx: Tx, userId: number, now: Date): void {
  tx.update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
}

/** End every session of a user but one (the one changing the password). Returns how many. */
export function revokeOtherSessions(tx: Tx, userId: number, keepId: string, now: Date): number {
  return tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepId)))
    .run().changes;
}

export type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  userAgent: string | null;
  address: string | null;
};

/** A user's sessions that are still live, most recently used first. */
export function listLiveSessions(userId: number, now: Date): SessionRow[] {
  return db()
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      address: sessions.address,
    })
    .from(sessions)
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
    .limit(200)
    .all();
}
