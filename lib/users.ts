// People: the newsroom's accounts. Only admins change them; every change is audited.
import "server-only";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { type User, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "@/lib/login";
import { assertMayManagePeople } from "@/lib/mfa";
import { hashPassword } from "@/lib/passwords";
import type {
  ChangeRoleInput,
  CreateUserInput,
  ResetPasswordInput,
  SetActiveInput,
} from "@/lib/people-input";
import type { Role } from "@/lib/permissions";
import { revokeAllSessions } from "@/lib/sessions";

type Actor = { id: number; role: Role; mfaVerified?: boolean; mfaEnrolled?: boolean };
export type PersonRow = Pick<
  User,
  "id" | "email" | "displayName" | "role" | "isActive" | "createdAt"
>;

function toPerson(user: User): PersonRow {
  const { id, email, displayName, role, isActive, createdAt } = user;
  return { id, email, displayName, role, isActive, createdAt };
}

/** Admins only, on a session that passed the second factor where MFA applies (lib/mfa). */
function assertMayManage(viewer: Actor): void {
  assertMayManagePeople(viewer);
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

export function listUsers(viewer: Actor): PersonRow[] {
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
  viewer: Actor,
  input: CreateUserInput,
  now: Date,
): Promise<PersonRow> {
  assertMayManage(viewer);
  const email = normalizeEmail(input.email);
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
      return toPerson(created);
    },
    { behavior: "immediate" },
  );
}

export function changeRole(viewer: Actor, input: ChangeRoleInput, now: Date): PersonRow {
  assertMayManage(viewer);
  if (input.userId === viewer.id) throw new AppError("invalid_input", "cannot_change_self");
  return db().transaction(
    (tx) => {
      const user = getUserForUpdate(tx, input.userId);
      if (user.role === input.role) return toPerson(user);
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
      return toPerson(updated);
    },
    { behavior: "immediate" },
  );
}

export function setActive(viewer: Actor, input: SetActiveInput, now: Date): PersonRow {
  assertMayManage(viewer);
  if (input.userId === viewer.id) throw new AppError("invalid_input", "cannot_change_self");
  return db().transaction(
    (tx) => {
      const user = getUserForUpdate(tx, input.userId);
      if (user.isActive === input.active) return toPerson(user);
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
      return toPerson(updated);
    },
    { behavior: "immediate" },
  );
}

export async function resetPassword(
  viewer: Actor,
  input: ResetPasswordInput,
  now: Date,
): Promise<PersonRow> {
  assertMayManage(viewer);
  const passwordHash = await hashPassword(input.password);
  return db().transaction(
    (tx) => {
      const user = getUserForUpdate(tx, input.userId);
      const updated = tx
        .update(users)
        .set({ passwordHash, updatedAt: now })
        .where(eq(users.id, user.id))
        .returning()
        .get();
      revokeAllSessions(tx, user.id, now);
      recordAudit(tx, {
        actorId: viewer.id,
        action: "user.password_reset",
        subjectType: "user",
        subjectId: user.id,
        now,
      });
      return toPerson(updated);
    },
    { behavior: "immediate" },
  );
}
