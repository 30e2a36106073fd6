import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, mfaEnrolments, settings, setupTokens, users } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { authenticate } from "@/lib/login";
import { countRecoveryCodesLeft } from "@/lib/mfa";
import { totpCode } from "@/lib/mfa-totp";
import {
  completeSetup,
  getSetupOffer,
  isSetupOpen,
  issueSetupToken,
  SETUP_TOKEN_TTL_MS,
} from "@/lib/setup";

withTempDatabase();
const t0 = new Date(Math.floor(Date.parse("2026-01-05T08:00:00Z") / 30_000) * 30_000);
const later = (ms: number) => new Date(t0.getTime() + ms);

function offerFor(token: string, now = t0) {
  const offer = getSetupOffer(token, now);
  if (!offer) throw new Error("no offer");
  return offer;
}

function input(token: string, secret: string, now = t0) {
  return {
    token,
    displayName: "总编辑",
    email: "Chief@Paper.example",
    password: "a long first password",
    code: totpCode(secret, now),
  };
}

describe("the setup token", () => {
  it("is issued only while there are no accounts, stored hashed, and expires in 24 hours", async () => {
    const token = issueSetupToken(t0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = db().select().from(setupTokens).all();
    expect(row?.tokenHash).not.toContain(token);
    expect(row?.expiresAt.getTime()).toBe(t0.getTime() + SETUP_TOKEN_TTL_MS);
    await insertUser("reporter");
    expect(issueSetupToken(t0)).toBeNull();
  });

  it("opens the page while live; not when wrong, expired, or replaced by a newer token", () => {
    const first = issueSetupToken(t0) ?? "";
    expect(getSetupOffer(first, t0)?.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(getSetupOffer("not-the-token", t0)).toBeNull();
    expect(getSetupOffer("", t0)).toBeNull();
    expect(getSetupOffer(first, later(SETUP_TOKEN_TTL_MS))).toBeNull();
    const second = issueSetupToken(t0) ?? "";
    expect(getSetupOffer(first, t0)).toBeNull();
    expect(getSetupOffer(second, t0)).not.toBeNull();
  });

  it("creates the first admin enrolled in MFA, once; then every token is refused and setup is closed", async () => {
    const token = issueSetupToken(t0) ?? "";
    const { secret } = offerFor(token);
    const done = await completeSetup(input(token, secret), t0);
    expect(done.email).toBe("chief@paper.example");
    expect(done.recoveryCodes).toHaveLength(10);
    const [admin] = db().select().from(users).all();
    expect(admin).toMatchObject({ role: "admin", displayName: "总编辑", isActive: true });
    expect(db().select().from(mfaEnrolments).get()).toMatchObject({ userId: admin?.id, secret });
    expect(countRecoveryCodesLeft(admin?.id ?? 0)).toBe(10);
    expect(db().select().from(settings).all()).toHaveLength(1);
    expect(db().select({ a: auditEvents.action }).from(auditEvents).all()).toEqual([
      { a: "setup.admin" },
    ]);
    expect(isSetupOpen()).toBe(false);
    expect(getSetupOffer(token, t0)).toBeNull();
    await expect(
      completeSetup(input(token, secret, later(30_000)), later(30_000)),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect(db().select().from(users).all()).toHaveLength(1);
    // The setup's code is used up; the next one signs in.
    const password = "a long first password";
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: done.email,
        password,
        code: totpCode(secret, t0),
        now: t0,
      }),
    ).toEqual({ ok: false, reason: "mfa_invalid" });
    const next = later(30_000);
    expect(
      await authenticate({
        address: "192.0.2.1",
        email: done.email,
        password,
        code: totpCode(secret, next),
        now: next,
      }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a used, expired or unknown token, and a wrong code, creating nobody", async () => {
    const token = issueSetupToken(t0) ?? "";
    const { secret } = offerFor(token);
    await expect(
      completeSetup({ ...input(token, secret), code: "000000" }, t0),
    ).rejects.toMatchObject({ messageKey: "mfa_code_invalid" });
    await expect(completeSetup(input("forged", secret), t0)).rejects.toMatchObject({
      messageKey: "setup_token_invalid",
    });
    const expired = later(SETUP_TOKEN_TTL_MS + 1);
    await expect(completeSetup(input(token, secret, expired), expired)).rejects.toMatchObject({
      messageKey: "setup_token_invalid",
    });
    expect(db().select().from(users).all()).toHaveLength(0);
    expect(isSetupOpen()).toBe(true);
  });
});
