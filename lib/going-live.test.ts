import { hash } from "@node-rs/argon2";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { listAccountsWithDemoPassword } from "@/lib/demo-password";
import { env, parseMode } from "@/lib/env";
import { hasStrongSession, isMfaRequired, sessionAccess } from "@/lib/mfa-policy";
import { DEMO_PASSWORD } from "@/lib/password-policy";
import { listUsers } from "@/lib/users";

withTempDatabase();
const saved = process.env.MASTHEAD_MODE;
afterEach(() => {
  if (saved === undefined) delete process.env.MASTHEAD_MODE;
  else process.env.MASTHEAD_MODE = saved;
});

describe("the mode", () => {
  it("is the try-out unless MASTHEAD_MODE says production, and refuses other names", () => {
    expect(parseMode(undefined)).toBe("tryout");
    expect(parseMode("")).toBe("tryout");
    expect(parseMode(" production ")).toBe("production");
    expect(parseMode("tryout")).toBe("tryout");
    expect(() => parseMode("prod")).toThrow(/MASTHEAD_MODE/);
    process.env.MASTHEAD_MODE = "production";
    expect(env.mode).toBe("production");
  });

  it("never seeds the demo paper in production", async () => {
    process.env.MASTHEAD_MODE = "production";
    await expect(seedDatabase()).rejects.toThrow(/production/);
    expect(db().select().from(users).all()).toHaveLength(0);
  });
});

describe("who needs MFA", () => {
  it.each([
    ["reporter", "tryout", false],
    ["editor", "tryout", false],
    ["admin", "tryout", false],
    ["reporter", "production", false],
    ["editor", "production", true],
    ["admin", "production", true],
  ] as const)("%s in %s: required %s", (role, mode, required) => {
    expect(isMfaRequired(role, mode)).toBe(required);
  });

  it.each([
    ["admin", "production", false, false, "enrol"],
    ["admin", "production", true, true, "desk"],
    ["admin", "production", true, false, "none"],
    ["reporter", "production", false, false, "desk"],
    ["admin", "tryout", false, false, "desk"],
    ["editor", "tryout", true, false, "none"],
    ["editor", "tryout", true, true, "desk"],
  ] as const)(
    "%s in %s, enrolled %s, session verified %s: %s",
    (role, mode, enrolled, sessionVerified, access) => {
      expect(sessionAccess(role, mode, { enrolled, sessionVerified })).toBe(access);
    },
  );

  it("the people desk needs a verified session in production, in lib", async () => {
    const admin = await insertUser("admin");
    expect(hasStrongSession({ role: "admin" }, "production")).toBe(false);
    expect(hasStrongSession({ role: "admin", mfaVerified: true }, "production")).toBe(true);
    expect(hasStrongSession({ role: "admin" }, "tryout")).toBe(true);
    expect(hasStrongSession({ role: "admin", mfaEnrolled: true }, "tryout")).toBe(false);
    expect(listUsers(admin)).toHaveLength(1);
    process.env.MASTHEAD_MODE = "production";
    expect(() => listUsers({ ...admin, mfaVerified: false })).toThrow(
      expect.objectContaining({ code: "forbidden", messageKey: "mfa_session_required" }),
    );
    expect(listUsers({ ...admin, mfaVerified: true })).toHaveLength(1);
  });
});

describe("the demo password check", () => {
  it("names the active accounts that still have the demo password", async () => {
    const demoHash = await hash(DEMO_PASSWORD);
    const now = new Date();
    db()
      .insert(users)
      .values([
        {
          email: "b@x.local",
          displayName: "B",
          role: "editor",
          passwordHash: demoHash,
          createdAt: now,
          updatedAt: now,
        },
        {
          email: "a@x.local",
          displayName: "A",
          role: "admin",
          passwordHash: demoHash,
          createdAt: now,
          updatedAt: now,
        },
        {
          email: "gone@x.local",
          displayName: "G",
          role: "reporter",
          passwordHash: demoHash,
          isActive: false,
          createdAt: now,
          updatedAt: now,
        },
      ])
      .run();
    await insertUser("reporter", { email: "fine@x.local" });
    expect(await listAccountsWithDemoPassword()).toEqual(["a@x.local", "b@x.local"]);
  });

  it("finds none on a paper without demo passwords", async () => {
    await insertUser("admin");
    expect(await listAccountsWithDemoPassword()).toEqual([]);
  });
});
