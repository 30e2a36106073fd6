// Users: the newsroom's accounts, as the people desk (/desk/people) manages them. Only admins
// change them; every change is audited.
import "server-only";
import { randomInt } from "node:crypto";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { type User, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { normalizeEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { assertMayManageUsers } from "@/lib/mfa";
import { assertNewPassword } from "@/lib/password-policy";
import { hashPassword } from "@/lib/passwords";
import type { Actor } from "@/lib/permissions";
import { revokeAllSessions } from "@/lib/sessions";
import type {
  ChangeRoleInput,
  CreateUserInput,
  ResetPasswordInput,
  SetActiveInput,
} from "@/lib/user-input";

/** An admin managing people: the desk passes its viewer, second-factor standing included. */
type Manager = Actor & { mfaVerified?: boolean; mfaEnrolled?: boolean };
export type UserRow = Pick<
  User,
  "id" | "email" | "displayName" | "role" | "isActive" | "createdAt"
>;

function toUserRow(user: User): UserRow {
  const { id, email, displayName, role, isActive, createdAt } = user;
  return { id, email, displayName, role, isActive, createdAt };
}

/** Admins only, on a session that passed the second factor where MFA applies (lib/mfa). */
function assertMayManage(viewer: Manager): void {
  assertMayManageUsers(viewer);
}

function getUserForUpdate(tx: Tx, userId: number): User {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError("not_found");
  return user;
}

/** Refuse a change that would leave the paper without an active admin. */
function assertAnotherActiveAdmin(tx: Tx, exceptUserId: number): void {
  const row = tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.isActive, true), ne(users.id, exceptUserId)))
    .get();
  if (!row || row.n === 0) throw new AppError("invalid_input", "last_admin");
}

export function listUsers(viewer: Manager): UserRow[] {
  assertMayManage(viewer);
  return db()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      isActive: users.isActive,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.displayName), asc(users.id))
    .all();
}

export async function createUser(
  viewer: Manager,
  input: CreateUserInput,
  now: Date,
): Promise<UserRow> {
  assertMayManage(viewer);
  const email = normalizeEmail(input.email);
  assertNewPassword(input.password, { email, displayName: input.displayName }, "password");
  const passwordHash = await hashPassword(input.password);
  return db().transaction(
    (tx) => {
      const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
      if (taken) {
        throw new AppError("invalid_input", "email_taken", { email: ["email_taken"] });
      }
      const created = tx
        .insert(users)
        .values({
          email,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          // The admin chose it: the new colleague chooses their own at first sign-in.
          mustChangePassword: true,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "user.create",
        subjectType: "user",
        subjectId: created.id,
        toState: created.role,
        detail: { email, displayName: input.displayName },
        now,
      });
      return toUserRow(created);
    },
    { behavior: "immediate" },
  );
}

export function changeRole(viewer: Manager, input: ChangeRoleInput, now: Date): UserRow {
  assertMayManage(viewer);
  if (input.userId === viewer.id) throw new AppError("invalid_input", "cannot_change_self");
  return db().transaction(
    (tx) => {
      const user = getUserForUpdate(tx, input.userId);
      if (user.role === input.role) return toUserRow(user);
      if (user.role === "admin") assertAnotherActiveAdmin(tx, user.id);
      const updated = tx
        .update(users)
        .set({ role: input.role, updatedAt: now })
        .where(eq(users.id, user.id))
        .returning()
        .get();
      revokeAllSessions(tx, user.id, now);
      recordAudit(tx, {
        actorId: viewer.id,
        action: "user.role",
        subjectType: "user",
        subjectId: user.id,
        fromState: user.role,
        toState: input.role,
        now,
      });
      return toUserRow(updated);
    },
    { behavior: "immediate" },
  );
}

export function setActive(viewer: Manager, input: SetActiveInput, now: Date): UserRow {
  assertMayManage(viewer);
  if (input.userId === viewer.id) throw new AppError("invalid_input", "cannot_change_self");
  return db().transaction(
    (tx) => {
      const user = getUserForUpdate(tx, input.userId);
      if (user.isActive === input.active) return toUserRow(user);
      if (!input.active && user.role === "admin") assertAnotherActiveAdmin(tx, user.id);
      const updated = tx
        .update(users)
        .set({ isActive: input.active, updatedAt: now })
        .where(eq(users.id, user.id))
        .returning()
        .get();
      if (!input.active) revokeAllSessions(tx, user.id, now);
      recordAudit(tx, {
        actorId: viewer.id,
        action: input.active ? "user.reactivate" : "user.deactivate",
        subjectType: "user",
        subjectId: user.id,
        fromState: user.isActive ? "active" : "inactive",
        toState: input.active ? "active" : "inactive",
        now,
      });
      return toUserRow(updated);
    },
    { behavior: "immediate" },
  );
}

export async function resetPassword(
  viewer: Manager,
  input: ResetPasswordInput,
  now: Date,
): Promise<UserRow> {
  assertMayManage(viewer);
  const target = db()
    .select({ email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, input.userId))
    .get();
  if (!target) throw new AppError("not_found");
  assertNewPassword(input.password, target, "password");
  const passwordHash = await hashPassword(input.password);
  return db().transaction(
    (tx) => toUserRow(setTemporaryPassword(tx, input.userId, passwordHash, viewer.id, now)),
    { behavior: "immediate" },
  );
}

/**
 * Give a user a password someone else chose: it must be changed at the next sign-in, and every
 * session of theirs ends. `actorId` null: the command line (scripts/user.ts).
 */
function setTemporaryPassword(
  tx: Tx,
  userId: number,
  passwordHash: string,
  actorId: number | null,
  now: Date,
): User {
  const user = getUserForUpdate(tx, userId);
  const updated = tx
    .update(users)
    .set({ passwordHash, mustChangePassword: true, updatedAt: now })
    .where(eq(users.id, user.id))
    .returning()
    .get();
  revokeAllSessions(tx, user.id, now);
  recordAudit(tx, {
    actorId,
    action: "user.password_reset",
    subjectType: "user",
    subjectId: user.id,
    detail: actorId === null ? { via: "command_line" } : null,
    now,
  });
  return updated;
}

/** A temporary password: 20 characters from an alphabet without look-alikes (about 100 bits). */
export function temporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 5, 10, 15].map((at) => chars.slice(at, at + 5).join("")).join("-");
}

/**
 * The operator's reset (`npm run user -- reset-password <email>`): a random temporary password,
 * returned once to be handed over; the flag and the ended sessions as for an admin's reset.
 */
export async function resetPasswordFromCommandLine(
  email: string,
  now: Date,
): Promise<{ email: string; password: string }> {
  const user = db()
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
  if (!user) throw new AppError("not_found");
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  db().transaction((tx) => setTemporaryPassword(tx, user.id, passwordHash, null, now), {
    behavior: "immediate",
  });
  return { email: user.email, password };
}
