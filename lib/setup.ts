// First-admin setup of a production paper: the one-time `/setup` token and the admin it creates.
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { mfaEnrolments, settings, setupTokens, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { normalizeEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { issueRecoveryCodes } from "@/lib/mfa";
import { matchTotp, newTotpSecret, totpUri } from "@/lib/mfa-totp";
import { assertNewPassword } from "@/lib/password-policy";
import { hashPassword } from "@/lib/passwords";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import type { SetupInput } from "@/lib/setup-input";

export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function hasUsers(tx: Pick<Tx, "select">): boolean {
  const row = tx.select({ n: count() }).from(users).get();
  return (row?.n ?? 0) > 0;
}

/** Setup is open only while the paper has no account at all. */
export function isSetupOpen(): boolean {
  return !hasUsers(db());
}

/**
 * A new setup token when there are no accounts (null otherwise). Only the newest token works:
 * each start of a paper without accounts voids the earlier links and prints a fresh one.
 */
export function issueSetupToken(now: Date): string | null {
  return db().transaction(
    (tx) => {
      if (hasUsers(tx)) return null;
      const token = randomBytes(32).toString("base64url");
      tx.update(setupTokens).set({ usedAt: now }).where(isNull(setupTokens.usedAt)).run();
      tx.insert(setupTokens)
        .values({
          tokenHash: hashToken(token),
          mfaSecret: newTotpSecret(),
          expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS),
          createdAt: now,
        })
        .run();
      return token;
    },
    { behavior: "immediate" },
  );
}

function findLiveToken(tx: Pick<Tx, "select">, token: string, now: Date) {
  return tx
    .select()
    .from(setupTokens)
    .where(
      and(
        eq(setupTokens.tokenHash, hashToken(token)),
        isNull(setupTokens.usedAt),
        gt(setupTokens.expiresAt, now),
      ),
    )
    .get();
}

/** What the setup page shows for a token: the TOTP secret to enrol, or null (answer 404). */
export function getSetupOffer(
  token: string,
  now: Date,
): { secret: string; uri: (email: string) => string } | null {
  if (!token || hasUsers(db())) return null;
  const row = findLiveToken(db(), token, now);
  if (!row) return null;
  return { secret: row.mfaSecret, uri: (email) => totpUri(row.mfaSecret, email) };
}

/**
 * Create the first admin, enrolled in TOTP with the token's secret (the code proves the app
 * has it), and use up the token. Returns the recovery codes, shown once.
 */
export async function completeSetup(
  input: SetupInput,
  now: Date,
): Promise<{ email: string; recoveryCodes: string[] }> {
  const email = normalizeEmail(input.email);
  // The same policy as every other new password (lib/password-policy.ts).
  assertNewPassword(input.password, { email, displayName: input.displayName }, "password");
  const passwordHash = await hashPassword(input.password);
  return db().transaction(
    (tx) => {
      if (hasUsers(tx)) throw new AppError("not_found");
      const token = findLiveToken(tx, input.token, now);
      if (!token) throw new AppError("invalid_input", "setup_token_invalid");
      const step = matchTotp(token.mfaSecret, input.code, now, null);
      if (step === null) {
        throw new AppError("invalid_input", "mfa_code_invalid", { code: ["mfa_code_invalid"] });
      }
      const admin = tx
        .insert(users)
        .values({
          email,
          displayName: input.displayName,
          role: "admin",
          passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id })
        .get();
      tx.update(setupTokens).set({ usedAt: now }).where(eq(setupTokens.id, token.id)).run();
      tx.insert(mfaEnrolments)
        .values({
          userId: admin.id,
          secret: token.mfaSecret,
          confirmedAt: now,
          lastUsedStep: step,
          createdAt: now,
        })
        .run();
      const recoveryCodes = issueRecoveryCodes(tx, admin.id, now);
      if (!tx.select({ id: settings.id }).from(settings).get()) {
        tx.insert(settings)
          .values({ id: 1, ...DEFAULT_SETTINGS, updatedAt: now })
          .run();
      }
      recordAudit(tx, {
        actorId: admin.id,
        action: "setup.admin",
        subjectType: "user",
        subjectId: admin.id,
        toState: "admin",
        detail: { email, displayName: input.displayName },
        now,
      });
      return { email, recoveryCodes };
    },
    { behavior: "immediate" },
  );
}
