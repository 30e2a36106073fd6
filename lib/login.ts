// Sign-in: checks credentials, limits repeated failures, records every attempt.
import { and, count, desc, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { checkSecondFactor, markSessionVerified } from "@/lib/mfa";
import { verifyPassword } from "@/lib/passwords";
import { createSession } from "@/lib/sessions";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type LoginResult =
  | { ok: true; userId: number; sessionId: string }
  | { ok: false; reason: "invalid" | "locked" | "mfa_required" | "mfa_invalid" };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Failed attempts for this e-mail in the window, not counting those before a success. */
function recentFailures(email: string, now: Date): number {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const lastSuccess = db()
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(1)
    .get();
  const from = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  const row = db()
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, from),
      ),
    )
    .get();
  return row?.n ?? 0;
}

/**
 * Unknown e-mail, deactivated account and wrong password give the same answer and take
 * the same time (a password is always verified). After MAX_FAILED_ATTEMPTS failures within
 * the window, the account (known or not) is refused until the window has passed.
 */
export async function authenticate(input: {
  email: string;
  password: string;
  /** The second factor (TOTP or recovery code), once the form has asked for it. */
  code?: string;
  now: Date;
}): Promise<LoginResult> {
  const email = normalizeEmail(input.email).slice(0, 320);
  const { now } = input;
  if (recentFailures(email, now) >= MAX_FAILED_ATTEMPTS) return { ok: false, reason: "locked" };

  const user = db()
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.email, email))
    .get();
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const passwordAccepted = !!user && user.isActive && passwordOk;

  return db().transaction(
    (tx) => {
      // Second factor (lib/mfa): a right password without the code asks for it and is not a
      // failure; a wrong code counts as a failed attempt like a wrong password.
      const factor =
        passwordAccepted && user
          ? checkSecondFactor(tx, { userId: user.id, code: input.code, now })
          : null;
      if (factor?.outcome === "required") return { ok: false, reason: "mfa_required" } as const;
      const succeeded = passwordAccepted && factor?.outcome === "ok";
      tx.insert(loginAttempts).values({ email, succeeded, createdAt: now }).run();
      if (factor?.outcome === "invalid") return { ok: false, reason: "mfa_invalid" } as const;
      if (!succeeded || !user) return { ok: false, reason: "invalid" } as const;
      const sessionId = createSession(tx, user.id, now);
      if (factor?.outcome === "ok" && factor.verified) markSessionVerified(tx, sessionId, now);
      recordAudit(tx, {
        actorId: user.id,
        action: "login",
        subjectType: "user",
        subjectId: user.id,
        now,
      });
      return { ok: true, userId: user.id, sessionId } as const;
    },
    { behavior: "immediate" },
  );
}
