import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, loginAttempts, mfaRecoveryCodes, sessionMfa, sessions } from "@/db/schema";
import { insertUser, TEST_PASSWORD, withTempDatabase } from "@/db/testing/temp-database";
import { authenticate } from "@/lib/login";
import {
  beginEnrolment,
  confirmEnrolment,
  countRecoveryCodesLeft,
  getMfaStanding,
  resetMfa,
} from "@/lib/mfa";
import { hashRecoveryCode, RECOVERY_CODE_COUNT } from "@/lib/mfa-codes";
import { matchTotp, TOTP_PERIOD_SECONDS, totpCode, totpStep } from "@/lib/mfa-totp";
import { createSession } from "@/lib/sessions";

withTempDatabase();
// Exactly at the start of a time step, so ±1 step is unambiguous.
const t0 = new Date(Math.floor(Date.parse("2026-01-05T08:00:00Z") / 30_000) * 30_000);
const step = (n: number) => new Date(t0.getTime() + n * TOTP_PERIOD_SECONDS * 1000);

function openSession(userId: number): string {
  return db().transaction((tx) => createSession(tx, userId, t0));
}

async function enrolled(role: "editor" | "admin" | "reporter" = "editor") {
  const user = await insertUser(role);
  const sessionId = openSession(user.id);
  const { secret } = beginEnrolment({ userId: user.id, email: user.email }, t0);
  const { recoveryCodes } = confirmEnrolment(
    { userId: user.id, sessionId },
    totpCode(secret, t0),
    t0,
  );
  return { ...user, secret, sessionId, recoveryCodes };
}

describe("TOTP codes", () => {
  it("accept the previous, current and next step and nothing further", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    for (const n of [-1, 0, 1]) {
      expect(matchTotp(secret, totpCode(secret, step(n)), t0, null)).toBe(totpStep(t0) + n);
    }
    for (const n of [-2, 2]) {
      expect(matchTotp(secret, totpCode(secret, step(n)), t0, null)).toBeNull();
    }
  });

  it("refuse a code of a step already used, or older", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const code = totpCode(secret, t0);
    expect(matchTotp(secret, code, t0, totpStep(t0))).toBeNull();
    expect(matchTotp(secret, code, t0, totpStep(t0) - 1)).toBe(totpStep(t0));
    expect(matchTotp(secret, totpCode(secret, step(-1)), t0, totpStep(t0))).toBeNull();
  });

  it("refuse anything that is not six digits", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    for (const code of ["", "12345", "1234567", "abcdef", "12 34 5a"]) {
      expect(matchTotp(secret, code, t0, null)).toBeNull();
    }
  });
});

describe("enrolment", () => {
  it("keeps the secret across reloads until confirmed, then refuses a second enrolment", async () => {
    const user = await insertUser("editor");
    const first = beginEnrolment({ userId: user.id, email: user.email }, t0);
    const again = beginEnrolment({ userId: user.id, email: user.email }, t0);
    expect(again.secret).toBe(first.secret);
    expect(first.uri).toMatch(/^otpauth:\/\/totp\/Masthead:.*secret=/);
    const sessionId = openSession(user.id);
    confirmEnrolment({ userId: user.id, sessionId }, totpCode(first.secret, t0), t0);
    expect(() => beginEnrolment({ userId: user.id, email: user.email }, t0)).toThrow(
      expect.objectContaining({ messageKey: "mfa_already_enrolled" }),
    );
  });

  it("refuses a wrong code and stays unconfirmed", async () => {
    const user = await insertUser("editor");
    const sessionId = openSession(user.id);
    beginEnrolment({ userId: user.id, email: user.email }, t0);
    expect(() => confirmEnrolment({ userId: user.id, sessionId }, "000000", t0)).toThrow(
      expect.objectContaining({ messageKey: "mfa_code_invalid" }),
    );
    expect(getMfaStanding(user.id, sessionId)).toEqual({ enrolled: false, sessionVerified: false });
  });

  it("verifies the enrolling session, ends the others, stores ten hashed codes and audits", async () => {
    const user = await insertUser("editor");
    const other = openSession(user.id);
    const sessionId = openSession(user.id);
    const { secret } = beginEnrolment({ userId: user.id, email: user.email }, t0);
    const { recoveryCodes } = confirmEnrolment(
      { userId: user.id, sessionId },
      totpCode(secret, t0),
      t0,
    );
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    const stored = db().select().from(mfaRecoveryCodes).all();
    expect(stored.map((r) => r.codeHash).sort()).toEqual(
      recoveryCodes.map(hashRecoveryCode).sort(),
    );
    for (const code of recoveryCodes) {
      expect(stored.some((r) => r.codeHash.includes(code.replaceAll("-", "")))).toBe(false);
    }
    expect(getMfaStanding(user.id, sessionId)).toEqual({ enrolled: true, sessionVerified: true });
    const revoked = db().select().from(sessions).where(eq(sessions.id, other)).get();
    expect(revoked?.revokedAt).not.toBeNull();
    expect(db().select({ a: auditEvents.action }).from(auditEvents).all()).toEqual([
      { a: "mfa.enrol" },
    ]);
  });
});

describe("sign-in with a second factor", () => {
  it("asks for the code without opening a session or counting a failure", async () => {
    const user = await enrolled();
    const before = db().select().from(sessions).all().length;
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: TEST_PASSWORD,
        now: step(1),
      }),
    ).toEqual({ ok: false, reason: "mfa_required" });
    expect(db().select().from(sessions).all()).toHaveLength(before);
    expect(db().select().from(loginAttempts).all()).toHaveLength(0);
  });

  it("never asks for a code when the password is wrong", async () => {
    const user = await enrolled();
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: "wrong",
        now: step(1),
      }),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("accepts a fresh code within ±1 step, refuses its reuse, and counts a wrong code as a failure", async () => {
    const user = await enrolled();
    const now = step(1);
    const code = totpCode(user.secret, now);
    const signedIn = await authenticate({
      address: "192.0.2.1",
      email: user.email,
      password: TEST_PASSWORD,
      code,
      now,
    });
    expect(signedIn).toMatchObject({ ok: true, userId: user.id });
    if (!signedIn.ok) throw new Error("unreachable");
    expect(
      db().select().from(sessionMfa).where(eq(sessionMfa.sessionId, signedIn.sessionId)).get(),
    ).toBeTruthy();
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: TEST_PASSWORD,
        code,
        now,
      }),
    ).toEqual({
      ok: false,
      reason: "mfa_invalid",
    });
    // The enrolment's own code (step 0) is older than the last used step now.
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: TEST_PASSWORD,
        code: totpCode(user.secret, t0),
        now,
      }),
    ).toEqual({ ok: false, reason: "mfa_invalid" });
    const failures = db()
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.outcome, "failed"))
      .all();
    expect(failures).toHaveLength(2);
  });

  it("holds the next try back after five wrong codes, like five wrong passwords", async () => {
    const user = await enrolled();
    for (let i = 0; i < 5; i += 1) {
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: TEST_PASSWORD,
        code: "000000",
        now: step(1),
      });
    }
    const code = totpCode(user.secret, step(1));
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: TEST_PASSWORD,
        code,
        now: step(1),
      }),
    ).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("takes each recovery code once, in any case and spacing", async () => {
    const user = await enrolled();
    const [first, second] = user.recoveryCodes;
    if (!first || !second) throw new Error("no codes");
    const typed = ` ${first.toUpperCase().replaceAll("-", " ")} `;
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: TEST_PASSWORD,
        code: typed,
        now: step(1),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: TEST_PASSWORD,
        code: first,
        now: step(1),
      }),
    ).toEqual({ ok: false, reason: "mfa_invalid" });
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: TEST_PASSWORD,
        code: second,
        now: step(1),
      }),
    ).toMatchObject({ ok: true });
    expect(countRecoveryCodesLeft(user.id)).toBe(RECOVERY_CODE_COUNT - 2);
    const audits = db().select({ a: auditEvents.action }).from(auditEvents).all();
    expect(audits.filter((r) => r.a === "mfa.recovery_used")).toHaveLength(2);
  });

  it("lets an account without enrolment in with its password, unverified", async () => {
    const user = await insertUser("reporter");
    const result = await authenticate({
      address: "192.0.2.1",
      email: user.email,
      password: TEST_PASSWORD,
      now: t0,
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) throw new Error("unreachable");
    expect(getMfaStanding(user.id, result.sessionId)).toEqual({
      enrolled: false,
      sessionVerified: false,
    });
  });
});

describe("an admin resets another account's MFA", () => {
  it("removes the secret and codes, ends its sessions, and audits", async () => {
    const admin = await insertUser("admin");
    const user = await enrolled();
    expect(resetMfa({ ...admin, mfaVerified: true }, { userId: user.id }, step(2))).toEqual({
      email: user.email,
    });
    expect(getMfaStanding(user.id, user.sessionId).enrolled).toBe(false);
    expect(countRecoveryCodesLeft(user.id)).toBe(0);
    const session = db().select().from(sessions).where(eq(sessions.id, user.sessionId)).get();
    expect(session?.revokedAt).not.toBeNull();
    const audit = db().select().from(auditEvents).where(eq(auditEvents.action, "mfa.reset")).get();
    expect(audit).toMatchObject({ actorId: admin.id, subjectId: String(user.id) });
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: user.email,
        password: TEST_PASSWORD,
        now: step(3),
      }),
    ).toMatchObject({ ok: true });
  });

  it("is refused to editors and reporters, and to an admin's own account", async () => {
    const user = await enrolled();
    for (const role of ["editor", "reporter"] as const) {
      const actor = await insertUser(role);
      expect(() => resetMfa({ ...actor, mfaVerified: true }, { userId: user.id }, t0)).toThrow(
        expect.objectContaining({ code: "forbidden" }),
      );
    }
    const admin = await insertUser("admin");
    expect(() => resetMfa({ ...admin, mfaVerified: true }, { userId: admin.id }, t0)).toThrow(
      expect.objectContaining({ messageKey: "mfa_reset_self" }),
    );
    expect(getMfaStanding(user.id, user.sessionId).enrolled).toBe(true);
  });
});
