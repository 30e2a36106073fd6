import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, sessions, users } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { AppError } from "@/lib/errors";
import { createSession } from "@/lib/sessions";
import { changeRole, createUser, listUsers, resetPassword, setActive } from "@/lib/users";

withTempDatabase();
const now = new Date("2026-01-05T08:00:00Z");

async function expectRefused(promise: unknown, code: string, messageKey = code): Promise<void> {
  const run = async () => (typeof promise === "function" ? promise() : promise);
  await expect(run()).rejects.toMatchObject({ code, messageKey });
}

function auditActions(): string[] {
  return db()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .all()
    .map((a) => a.action);
}

describe("people: only admins change accounts", () => {
  for (const role of ["reporter", "editor"] as const) {
    it(`a ${role} is refused every change and nothing is written`, async () => {
      const actor = await insertUser(role);
      const target = await insertUser("reporter");
      const input = {
        email: "x@test.local",
        displayName: "X",
        role: "admin" as const,
        password: "long-enough-1",
      };
      await expectRefused(() => createUser(actor, input, now), "forbidden");
      await expectRefused(
        () => changeRole(actor, { userId: target.id, role: "admin" }, now),
        "forbidden",
      );
      await expectRefused(
        () => changeRole(actor, { userId: actor.id, role: "admin" }, now),
        "forbidden",
      );
      await expectRefused(
        () => setActive(actor, { userId: target.id, active: false }, now),
        "forbidden",
      );
      await expectRefused(
        () => resetPassword(actor, { userId: target.id, password: "long-enough-2" }, now),
        "forbidden",
      );
      expect(() => listUsers(actor)).toThrow(AppError);
      expect(db().select().from(users).all()).toHaveLength(2);
      expect(
        db().select({ role: users.role }).from(users).where(eq(users.id, actor.id)).get()?.role,
      ).toBe(role);
      expect(auditActions()).toEqual([]);
    });
  }

  it("an admin creates a user with a normalised e-mail, audited, never returning the hash", async () => {
    const admin = await insertUser("admin");
    const created = await createUser(
      admin,
      {
        email: "  New.Person@Test.Local ",
        displayName: "新人",
        role: "reporter",
        password: "long-enough-1",
      },
      now,
    );
    expect(created).toEqual({
      id: expect.any(Number),
      email: "new.person@test.local",
      displayName: "新人",
      role: "reporter",
      isActive: true,
      createdAt: now,
    });
    expect(Object.keys(created)).not.toContain("passwordHash");
    expect(auditActions()).toEqual(["user.create"]);
    await expectRefused(
      () =>
        createUser(
          admin,
          {
            email: "new.person@test.local",
            displayName: "重复",
            role: "editor",
            password: "long-enough-1",
          },
          now,
        ),
      "invalid_input",
      "email_taken",
    );
    expect(auditActions()).toEqual(["user.create"]);
  });

  it("a role change, deactivation or reset ends the user's sessions", async () => {
    const admin = await insertUser("admin");
    const reporter = await insertUser("reporter");
    const live = () =>
      db()
        .select()
        .from(sessions)
        .where(eq(sessions.userId, reporter.id))
        .all()
        .filter((s) => s.revokedAt === null).length;

    createSession(db(), reporter.id, now);
    changeRole(admin, { userId: reporter.id, role: "editor" }, now);
    expect(live()).toBe(0);

    createSession(db(), reporter.id, now);
    setActive(admin, { userId: reporter.id, active: false }, now);
    expect(live()).toBe(0);
    setActive(admin, { userId: reporter.id, active: true }, now);

    createSession(db(), reporter.id, now);
    await resetPassword(admin, { userId: reporter.id, password: "a-new-password" }, now);
    expect(live()).toBe(0);

    expect(auditActions()).toEqual([
      "user.role",
      "user.deactivate",
      "user.reactivate",
      "user.password_reset",
    ]);
    const roleEvent = db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "user.role"))
      .get();
    expect(roleEvent).toMatchObject({
      actorId: admin.id,
      subjectId: String(reporter.id),
      fromState: "reporter",
      toState: "editor",
    });
  });

  it("an admin cannot demote or deactivate themself, and the last admin stays", async () => {
    const admin = await insertUser("admin");
    expect(() => changeRole(admin, { userId: admin.id, role: "editor" }, now)).toThrow(
      expect.objectContaining({ messageKey: "cannot_change_self" }),
    );
    expect(() => setActive(admin, { userId: admin.id, active: false }, now)).toThrow(
      expect.objectContaining({ messageKey: "cannot_change_self" }),
    );
    const second = await insertUser("admin");
    setActive(admin, { userId: second.id, active: false }, now);
    // `second` is now inactive; making it an editor is fine, but `admin` is the last one.
    const third = await insertUser("admin", { isActive: false });
    expect(() => changeRole(third, { userId: admin.id, role: "editor" }, now)).toThrow(
      expect.objectContaining({ messageKey: "last_admin" }),
    );
    expect(
      db().select({ role: users.role }).from(users).where(eq(users.id, admin.id)).get()?.role,
    ).toBe("admin");
  });

  it("a missing user is not_found", async () => {
    const admin = await insertUser("admin");
    expect(() => setActive(admin, { userId: 999, active: false }, now)).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });
});
