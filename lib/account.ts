// The viewer's own account: changing their password, their sessions and their devices.
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { ChangePasswordInput, EndSessionInput } from "@/lib/account-input";
import { recordAudit } from "@/lib/audit";
import { addressBucket } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { reserveAttempt, settleAttempt } from "@/lib/login-throttle";
import { assertNewPassword } from "@/lib/password-policy";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { listLiveSessions, revokeOtherSessions, type SessionRow } from "@/lib/sessions";
import type { Viewer } from "@/lib/viewer";

type Owner = Pick<Viewer, "id" | "sessionId">;

/**
 * Change one's own password: the current one is required (and a wrong one counts under the
 * sign-in throttle, so a borrowed session cannot guess it); the new one meets the policy. Every
 * other session ends, this one stays, and a pending forced change is done.
 */
export async function changeOwnPassword(
  viewer: Owner,
  input: ChangePasswordInput & { address: string },
  now: Date,
): Promise<{ endedSessions: number }> {
  const user = db()
    .select({
      email: users.email,
      displayName: users.displayName,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.id, viewer.id))
    .get();
  if (!user) throw new AppError("unauthorized");
  const turn = db().transaction(
    (tx) =>
      reserveAttempt(
        tx,
        { email: user.email, address: addressBucket(input.address), knownDevice: true },
        now,
      ),
    { behavior: "immediate" },
  );
  if (!turn.ok) throw new AppError("rate_limited", "password_throttled");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    db().transaction((tx) => settleAttempt(tx, turn.attemptId, false));
    throw new AppError("invalid_input", "current_password_wrong", {
      currentPassword: ["current_password_wrong"],
    });
  }
  db().transaction((tx) => settleAttempt(tx, turn.attemptId, true));
  if (input.newPassword === input.currentPassword) {
    throw new AppError("invalid_input", "password_unchanged", {
      newPassword: ["password_unchanged"],
    });
  }
  assertNewPassword(input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return db().transaction(
    (tx) => {
      tx.update(users)
        .set({ passwordHash, mustChangePassword: false, updatedAt: now })
        .where(eq(users.id, viewer.id))
        .run();
      const endedSessions = revokeOtherSessions(tx, viewer.id, viewer.sessionId, now);
      recordAudit(tx, {
        actorId: viewer.id,
        action: "user.password_change",
        subjectType: "user",
        subjectId: viewer.id,
        detail: { endedSessions },
        now,
      });
      return { endedSessions };
    },
    { behavior: "immediate" },
  );
}

export type MySession = SessionRow & { isCurrent: boolean };

/** The viewer's live sessions, the one they are using marked. */
export function listMySessions(viewer: Owner, now: Date): MySession[] {
  return listLiveSessions(viewer.id, now).map((row) => ({
    ...row,
    isCurrent: row.id === viewer.sessionId,
  }));
}

/** End one of the viewer's own sessions (another browser); someone else's is not found. */
export function endMySession(viewer: Owner, input: EndSessionInput, now: Date): void {
  db().transaction(
    (tx) => {
      const ended = tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(
          and(
            eq(sessions.id, input.sessionId),
            eq(sessions.userId, viewer.id),
            isNull(sessions.revokedAt),
          ),
        )
        .run().changes;
      if (ended === 0) throw new AppError("not_found");
      recordAudit(tx, {
        actorId: viewer.id,
        action: "session.end",
        subjectType: "session",
        subjectId: input.sessionId,
        now,
      });
    },
    { behavior: "immediate" },
  );
}

/** End every session of the viewer but the one they are using. Returns how many ended. */
export function endOtherSessions(viewer: Owner, now: Date): number {
  return db().transaction(
    (tx) => {
      const ended = revokeOtherSessions(tx, viewer.id, viewer.sessionId, now);
      recordAudit(tx, {
        actorId: viewer.id,
        action: "session.end_others",
        subjectType: "session",
        subjectId: viewer.sessionId,
        detail: { ended },
        now,
      });
      return ended;
    },
    { behavior: "immediate" },
  );
}
