import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, sessions, users } from "@/db/schema";
import { insertUser, TEST_PASSWORD, withTempDatabase } from "@/db/testing/temp-database";
import { changeOwnPassword, endMySession, endOtherSessions, listMySessions } from "@/lib/account";
import { authenticate } from "@/lib/login";
import { checkNewPassword } from "@/lib/password-policy";
import { createSession, isSessionLive } from "@/lib/sessions";
import { createUser, resetPassword, resetPasswordFromCommandLine } from "@/lib/users";
import { loadSignedIn } from "@/lib/viewer";

withTempDatabase();
const now = new Date("2026-01-05T08:00:00Z");
const later = new Date(now.getTime() + 60_000);
const NEW = "river-lantern-copper-9";
const ADDRESS = "198.51.100.7";

function sessionsOf(userId: number, count: number): string[] {
  return db().transaction((tx) =>
    Array.from({ length: count }, () => createSession(tx, userId, now, { address: ADDRESS })),
  );
}

const actions = () =>
  db()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .all()
    .map((a) => a.action);

describe("changing one's own password", () => {
  it("needs the current password; ends every other session and keeps this one", async () => {
    const user = await insertUser("reporter");
    const [mine = "", other = "", third = ""] = sessionsOf(user.id, 3);
    const result = await changeOwnPassword(
      { id: user.id, sessionId: mine },
      { currentPassword: TEST_PASSWORD, newPassword: NEW, address: ADDRESS },
      later,
    );
    expect(result).toEqual({ endedSessions: 2 });
    expect(isSessionLive(mine, user.id, later)).toBe(true);
    expect(isSessionLive(other, user.id, later)).toBe(false);
    expect(isSessionLive(third, user.id, later)).toBe(false);
    expect(actions()).toEqual(["user.password_change"]);
    expect(
      (await authenticate({ email: user.email, password: NEW, address: ADDRESS, now: later })).ok,
    ).toBe(true);
    expect(
      await authenticate({
        email: user.email,
        password: TEST_PASSWORD,
        address: ADDRESS,
        now: later,
      }),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a wrong current password and a new one that breaks the policy, changing nothing", async () => {
    const user = await insertUser("reporter");
    const [mine = "", other = ""] = sessionsOf(user.id, 2);
    const hashBefore = db().select().from(users).where(eq(users.id, user.id)).get()?.passwordHash;
    const change = (currentPassword: string, newPassword: string) =>
      changeOwnPassword(
        { id: user.id, sessionId: mine },
        { currentPassword, newPassword, address: ADDRESS },
        later,
      );
    await expect(change("not-my-password", NEW)).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { currentPassword: ["current_password_wrong"] },
    });
    for (const [bad, problem] of [
      ["short-pass1", "password_too_short"],
      ["password1234567", "password_common"],
      [TEST_PASSWORD, "password_unchanged"],
    ] as const) {
      await expect(change(TEST_PASSWORD, bad)).rejects.toMatchObject({
        code: "invalid_input",
        fieldErrors: { newPassword: [problem] },
      });
    }
    expect(db().select().from(users).where(eq(users.id, user.id)).get()?.passwordHash).toBe(
      hashBefore,
    );
    expect(isSessionLive(other, user.id, later)).toBe(true);
    expect(actions()).toEqual([]);
  });

  it("counts wrong current passwords under the sign-in throttle", async () => {
    const user = await insertUser("reporter");
    const [mine = ""] = sessionsOf(user.id, 1);
    const change = () =>
      changeOwnPassword(
        { id: user.id, sessionId: mine },
        { currentPassword: "guess-guess-guess", newPassword: NEW, address: ADDRESS },
        later,
      );
    for (let i = 0; i < 5; i += 1) {
      await expect(change()).rejects.toMatchObject({ messageKey: "current_password_wrong" });
    }
    await expect(change()).rejects.toMatchObject({
      code: "rate_limited",
      messageKey: "password_throttled",
    });
  });
});

describe("a password someone else chose must be changed before the desk opens", () => {
  it("an account an admin creates is gated until its owner changes the password", async () => {
    const admin = await insertUser("admin");
    await createUser(
      admin,
      {
        email: "new@test.local",
        displayName: "新人",
        role: "reporter",
        password: "first-day-pass-1",
      },
      now,
    );
    const signIn = await authenticate({
      email: "new@test.local",
      password: "first-day-pass-1",
      address: ADDRESS,
      now,
    });
    if (!signIn.ok) throw new Error("expected a sign-in");
    expect(loadSignedIn(signIn.userId, signIn.sessionId, now)?.gate).toBe("password_change");
    await changeOwnPassword(
      { id: signIn.userId, sessionId: signIn.sessionId },
      { currentPassword: "first-day-pass-1", newPassword: NEW, address: ADDRESS },
      later,
    );
    expect(loadSignedIn(signIn.userId, signIn.sessionId, later)?.gate).toBeNull();
  });

  it("an admin's reset ends the user's sessions and gates the next sign-in", async () => {
    const admin = await insertUser("admin");
    const user = await insertUser("editor");
    const [old = ""] = sessionsOf(user.id, 1);
    expect(loadSignedIn(user.id, old, now)?.gate).toBeNull();
    await resetPassword(admin, { userId: user.id, password: "handed-over-pass-7" }, now);
    expect(loadSignedIn(user.id, old, later)).toBeNull();
    const signIn = await authenticate({
      email: user.email,
      password: "handed-over-pass-7",
      address: ADDRESS,
      now: later,
    });
    if (!signIn.ok) throw new Error("expected a sign-in");
    expect(loadSignedIn(user.id, signIn.sessionId, later)?.gate).toBe("password_change");
  });

  it("admins are held to the policy too", async () => {
    const admin = await insertUser("admin");
    const user = await insertUser("editor");
    await expect(
      resetPassword(admin, { userId: user.id, password: "qwertyuiop123" }, now),
    ).rejects.toMatchObject({ fieldErrors: { password: ["password_common"] } });
  });

  it("the command-line reset prints a policy-proof temporary password once and gates it", async () => {
    const user = await insertUser("admin", { email: "admin@test.local" });
    const [old = ""] = sessionsOf(user.id, 1);
    const { email, password } = await resetPasswordFromCommandLine(" Admin@Test.local ", now);
    expect(email).toBe("admin@test.local");
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(checkNewPassword(password)).toBeNull();
    expect(loadSignedIn(user.id, old, now)).toBeNull();
    const signIn = await authenticate({ email, password, address: ADDRESS, now: later });
    if (!signIn.ok) throw new Error("expected a sign-in");
    expect(loadSignedIn(user.id, signIn.sessionId, later)?.gate).toBe("password_change");
    const [audit] = db().select().from(auditEvents).all();
    expect(audit).toMatchObject({ actorId: null, action: "user.password_reset" });
    await expect(resetPasswordFromCommandLine("nobody@test.local", now)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("one's own sessions", () => {
  it("lists live sessions with this one marked; ends one, or all others", async () => {
    const user = await insertUser("reporter");
    const stranger = await insertUser("reporter");
    const [mine = "", second = "", third = ""] = sessionsOf(user.id, 3);
    const [theirs = ""] = sessionsOf(stranger.id, 1);
    const viewer = { id: user.id, sessionId: mine };
    const listed = listMySessions(viewer, now);
    expect(listed).toHaveLength(3);
    expect(listed.filter((s) => s.isCurrent).map((s) => s.id)).toEqual([mine]);
    expect(listed[0]).toMatchObject({ address: ADDRESS });

    expect(() => endMySession(viewer, { sessionId: theirs }, now)).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(isSessionLive(theirs, stranger.id, now)).toBe(true);

    endMySession(viewer, { sessionId: second }, now);
    expect(isSessionLive(second, user.id, now)).toBe(false);
    expect(endOtherSessions(viewer, now)).toBe(1);
    expect(isSessionLive(third, user.id, now)).toBe(false);
    expect(isSessionLive(mine, user.id, now)).toBe(true);
    expect(listMySessions(viewer, now).map((s) => s.id)).toEqual([mine]);
    expect(actions()).toEqual(["session.end", "session.end_others"]);
    expect(db().select().from(sessions).all()).toHaveLength(4);
  });

  it("notes when a session was last seen, at most once a minute", async () => {
    const user = await insertUser("reporter");
    const [mine = ""] = sessionsOf(user.id, 1);
    const seen = () => db().select().from(sessions).where(eq(sessions.id, mine)).get()?.lastSeenAt;
    loadSignedIn(user.id, mine, new Date(now.getTime() + 30_000));
    expect(seen()).toEqual(now);
    loadSignedIn(user.id, mine, new Date(now.getTime() + 61_000));
    expect(seen()).toEqual(new Date(now.getTime() + 61_000));
  });
});
