// Signed-in sessions: created at sign-in, checked on every request, revoked to end them.
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { sessions } from "@/db/schema";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function createSession(tx: Tx, userId: number, now: Date): string {
  const id = randomUUID();
  tx.insert(sessions)
    .values({
      id,
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
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

export function revokeSession(sessionId: string, now: Date): void {
  db().update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId)).run();
}

/** End every session of a user: deactivation, role change, password change or reset. */
export function revokeAllSessions(tx: Tx, userId: number, now: Date): void {
  tx.update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
}
