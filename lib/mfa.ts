// Second factor: TOTP enrolment, the code check at sign-in, recovery codes, and admin reset.
import { and, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { mfaEnrolments, mfaRecoveryCodes, sessionMfa, sessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "@/lib/mfa-codes";
import { hasStrongSession, type MfaStanding } from "@/lib/mfa-policy";
import { matchTotp, newTotpSecret, totpUri } from "@/lib/mfa-totp";
import { can, type Role } from "@/lib/permissions";
import { revokeAllSessions } from "@/lib/sessions";

/** Whether the account is enrolled and whether this session passed the second factor. */
export function getMfaStanding(userId: number, sessionId: string): MfaStanding {
  const enrolment = db()
    .select({ confirmedAt: mfaEnrolments.confirmedAt })
    .from(mfaEnrolments)
    .where(eq(mfaEnrolments.userId, userId))
    .get();
  const verified = db()
    .select({ at: sessionMfa.verifiedAt })
    .from(sessionMfa)
    .where(eq(sessionMfa.sessionId, sessionId))
    .get();
  return { enrolled: !!enrolment?.confirmedAt, sessionVerified: !!verified };
}

export function markSessionVerified(tx: Tx, sessionId: string, now: Date): void {
  tx.insert(sessionMfa)
    .values({ sessionId, verifiedAt: now })
    .onConflictDoUpdate({ target: sessionMfa.sessionId, set: { verifiedAt: now } })
    .run();
}

/** Replace the account's recovery codes with ten new ones; the plain codes are returned once. */
export function issueRecoveryCodes(tx: Tx, userId: number, now: Date): string[] {
  const codes = newRecoveryCodes();
  tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId)).run();
  tx.insert(mfaRecoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })))
    .run();
  return codes;
}

export type EnrolmentStart = { secret: string; uri: string };

/**
 * Start (or restart) enrolment: a new secret waits for its first code. An account that is
 * already enrolled is refused; an admin resets it first.
 */
export function beginEnrolment(
  subject: { userId: number; email: string },
  now: Date,
): EnrolmentStart {
  return db().transaction(
    (tx) => {
      const current = tx
        .select({ secret: mfaEnrolments.secret, confirmedAt: mfaEnrolments.confirmedAt })
        .from(mfaEnrolments)
        .where(eq(mfaEnrolments.userId, subject.userId))
        .get();
      if (current?.confirmedAt) throw new AppError("invalid_input", "mfa_already_enrolled");
      // A reload of the page keeps the secret already shown, so a scanned code stays valid.
      const secret = current?.secret ?? newTotpSecret();
      if (!current) {
        tx.insert(mfaEnrolments).values({ userId: subject.userId, secret, createdAt: now }).run();
      }
      return { secret, uri: totpUri(secret, subject.email) };
    },
    { behavior: "immediate" },
  );
}

/**
 * Confirm enrolment with a code from the app: the session that did it counts as verified, the
 * account's other sessions end, and ten recovery codes are returned (shown once).
 */
export function confirmEnrolment(
  subject: { userId: number; sessionId: string },
  code: string,
  now: Date,
): { recoveryCodes: string[] } {
  return db().transaction(
    (tx) => {
      const pending = tx
        .select()
        .from(mfaEnrolments)
        .where(eq(mfaEnrolments.userId, subject.userId))
        .get();
      if (!pending) throw new AppError("invalid_input", "mfa_not_started");
      if (pending.confirmedAt) throw new AppError("invalid_input", "mfa_already_enrolled");
      const step = matchTotp(pending.secret, code, now, pending.lastUsedStep);
      if (step === null) {
        throw new AppError("invalid_input", "mfa_code_invalid", { code: ["mfa_code_invalid"] });
      }
      tx.update(mfaEnrolments)
        .set({ confirmedAt: now, lastUsedStep: step })
        .where(eq(mfaEnrolments.userId, subject.userId))
        .run();
      const recoveryCodes = issueRecoveryCodes(tx, subject.userId, now);
      tx.update(sessions)
        .set({ revokedAt: now })
        .where(
          and(
            eq(sessions.userId, subject.userId),
            ne(sessions.id, subject.sessionId),
            isNull(sessions.revokedAt),
          ),
        )
        .run();
      markSessionVerified(tx, subject.sessionId, now);
      recordAudit(tx, {
        actorId: subject.userId,
        action: "mfa.enrol",
        subjectType: "user",
        subjectId: subject.userId,
        now,
      });
      return { recoveryCodes };
    },
    { behavior: "immediate" },
  );
}

export type SecondFactor =
  | { outcome: "ok"; verified: boolean }
  | { outcome: "required" }
  | { outcome: "invalid" };

/**
 * The second step of sign-in, inside its transaction, after the password was right. An
 * enrolled account needs a TOTP code (a new step within ±1) or an unused recovery code; an
 * account without enrolment passes unverified (the session viewer decides what it may do).
 */
export function checkSecondFactor(
  tx: Tx,
  input: { userId: number; code: string | undefined; now: Date },
): SecondFactor {
  const enrolment = tx
    .select()
    .from(mfaEnrolments)
    .where(and(eq(mfaEnrolments.userId, input.userId), isNotNull(mfaEnrolments.confirmedAt)))
    .get();
  if (!enrolment) return { outcome: "ok", verified: false };
  const code = input.code?.trim() ?? "";
  if (code === "") return { outcome: "required" };

  if (looksLikeRecoveryCode(code)) {
    const used = tx
      .update(mfaRecoveryCodes)
      .set({ usedAt: input.now })
      .where(
        and(
          eq(mfaRecoveryCodes.userId, input.userId),
          eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(mfaRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: mfaRecoveryCodes.id })
      .get();
    if (!used) return { outcome: "invalid" };
    recordAudit(tx, {
      actorId: input.userId,
      action: "mfa.recovery_used",
      subjectType: "user",
      subjectId: input.userId,
      now: input.now,
    });
    return { outcome: "ok", verified: true };
  }

  const step = matchTotp(enrolment.secret, code, input.now, enrolment.lastUsedStep);
  if (step === null) return { outcome: "invalid" };
  tx.update(mfaEnrolments)
    .set({ lastUsedStep: step })
    .where(eq(mfaEnrolments.userId, input.userId))
    .run();
  return { outcome: "ok", verified: true };
}

/** Unused recovery codes left on the account. */
export function countRecoveryCodesLeft(userId: number): number {
  return db()
    .select({ id: mfaRecoveryCodes.id })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)))
    .all().length;
}

type Admin = { id: number; role: Role; mfaVerified?: boolean; mfaEnrolled?: boolean };

/** The people desk's rule: admins only, and (where MFA applies) on a verified session. */
export function assertMayManageUsers(viewer: Admin): void {
  if (!can(viewer, "people:manage")) throw new AppError("forbidden");
  if (!hasStrongSession(viewer, env.mode)) throw new AppError("forbidden", "mfa_session_required");
}

/** Which of these accounts have a confirmed enrolment (for the people desk). */
export function listEnrolledUserIds(viewer: Admin, userIds: number[]): Set<number> {
  assertMayManageUsers(viewer);
  if (userIds.length === 0) return new Set();
  const rows = db()
    .select({ userId: mfaEnrolments.userId })
    .from(mfaEnrolments)
    .where(and(inArray(mfaEnrolments.userId, userIds), isNotNull(mfaEnrolments.confirmedAt)))
    .all();
  return new Set(rows.map((r) => r.userId));
}

/**
 * An admin clears another account's second factor (a lost phone): the secret and recovery
 * codes go, every session of that account ends, and the account enrols again at next sign-in.
 */
export function resetMfa(viewer: Admin, input: { userId: number }, now: Date): { email: string } {
  assertMayManageUsers(viewer);
  if (input.userId === viewer.id) throw new AppError("invalid_input", "mfa_reset_self");
  return db().transaction(
    (tx) => {
      const user = tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(eq(users.id, input.userId))
        .get();
      if (!user) throw new AppError("not_found");
      const removed = tx
        .delete(mfaEnrolments)
        .where(eq(mfaEnrolments.userId, user.id))
        .returning({ confirmedAt: mfaEnrolments.confirmedAt })
        .get();
      tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id)).run();
      revokeAllSessions(tx, user.id, now);
      recordAudit(tx, {
        actorId: viewer.id,
        action: "mfa.reset",
        subjectType: "user",
        subjectId: user.id,
        fromState: removed?.confirmedAt ? "enrolled" : "not_enrolled",
        toState: "not_enrolled",
        now,
      });
      return { email: user.email };
    },
    { behavior: "immediate" },
  );
}
