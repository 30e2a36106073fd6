import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, loginAttempts, sessions } from "@/db/schema";
import { insertUser, TEST_PASSWORD, withTempDatabase } from "@/db/testing/temp-database";
import { authenticate, LOCKOUT_WINDOW_MS, MAX_FAILED_ATTEMPTS } from "@/lib/login";

withTempDatabase();
const t0 = new Date("2026-01-05T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("authenticate", () => {
  it("signs in with the right password, case-insensitively on the e-mail, and opens a session", async () => {
    const user = await insertUser("reporter", { email: "someone@test.local" });
    const result = await authenticate({
      email: " SomeOne@Test.local ",
      password: TEST_PASSWORD,
      now: t0,
    });
    expect(result).toEqual({ ok: true, userId: user.id, sessionId: expect.any(String) });
    expect(db().select().from(sessions).all()).toHaveLength(1);
    expect(db().select({ action: auditEvents.action }).from(auditEvents).all()).toEqual([
      { action: "login" },
    ]);
  });

  it("gives one answer for an unknown e-mail, a wrong password and a deactivated account", async () => {
    await insertUser("reporter", { email: "known@test.local" });
    await insertUser("reporter", { email: "gone@test.local", isActive: false });
    const answers = [
      await authenticate({ email: "unknown@test.local", password: TEST_PASSWORD, now: t0 }),
      await authenticate({ email: "known@test.local", password: "wrong-password", now: t0 }),
      await authenticate({ email: "gone@test.local", password: TEST_PASSWORD, now: t0 }),
    ];
    expect(answers).toEqual([
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
    ]);
    expect(db().select().from(sessions).all()).toHaveLength(0);
    expect(db().select().from(loginAttempts).all()).toHaveLength(3);
  });

  it("locks an account after five failures in fifteen minutes, then lets it in after the window", async () => {
    await insertUser("editor", { email: "target@test.local" });
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i += 1) {
      expect(
        await authenticate({ email: "target@test.local", password: "nope", now: at(i * 1000) }),
      ).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(
      await authenticate({ email: "target@test.local", password: TEST_PASSWORD, now: at(10_000) }),
    ).toEqual({
      ok: false,
      reason: "locked",
    });
    const later = await authenticate({
      email: "target@test.local",
      password: TEST_PASSWORD,
      now: at(4000 + LOCKOUT_WINDOW_MS + 1),
    });
    expect(later.ok).toBe(true);
  });

  it("locks unknown e-mails the same way, so the lock reveals nothing", async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i += 1) {
      await authenticate({ email: "ghost@test.local", password: "nope", now: at(i) });
    }
    expect(
      await authenticate({ email: "ghost@test.local", password: "nope", now: at(10) }),
    ).toEqual({
      ok: false,
      reason: "locked",
    });
  });

  it("a success clears earlier failures", async () => {
    await insertUser("reporter", { email: "forgetful@test.local" });
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i += 1) {
      await authenticate({ email: "forgetful@test.local", password: "nope", now: at(i) });
    }
    expect(
      (await authenticate({ email: "forgetful@test.local", password: TEST_PASSWORD, now: at(100) }))
        .ok,
    ).toBe(true);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i += 1) {
      await authenticate({ email: "forgetful@test.local", password: "nope", now: at(200 + i) });
    }
    expect(
      (await authenticate({ email: "forgetful@test.local", password: TEST_PASSWORD, now: at(300) }))
        .ok,
    ).toBe(true);
  });
});
