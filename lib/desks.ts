// Desks (部门/版组): admins define them and put people in them with a role there.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { deskMembers, desks, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { CreateDeskInput, DeskMemberInput, RemoveDeskMemberInput } from "@/lib/desk-input";
import { AppError } from "@/lib/errors";
import { type Actor, can } from "@/lib/permissions";
import type { DeskRoleName } from "@/lib/workflow/levels";

export type DeskView = {
  id: number;
  name: string;
  members: { userId: number; displayName: string; role: DeskRoleName }[];
};

function assertMayManage(viewer: Actor): void {
  if (!can(viewer, "desks:manage")) throw new AppError("forbidden");
}

/** Every desk with its members, for the settings page and the desk pickers. */
export function listDesks(): DeskView[] {
  const all = db()
    .select({ id: desks.id, name: desks.name })
    .from(desks)
    .orderBy(asc(desks.id))
    .all();
  const members = db()
    .select({
      deskId: deskMembers.deskId,
      userId: deskMembers.userId,
      displayName: users.displayName,
      role: deskMembers.role,
    })
    .from(deskMembers)
    .innerJoin(users, eq(users.id, deskMembers.userId))
    .orderBy(asc(deskMembers.id))
    .all();
  return all.map((desk) => ({
    ...desk,
    members: members.filter((m) => m.deskId === desk.id).map(({ deskId: _deskId, ...m }) => m),
  }));
}

/** The desks a person works in, in the order they joined them (the first is their home desk). */
export function listMyDesks(userId: number): { id: number; name: string }[] {
  return db()
    .select({ id: desks.id, name: desks.name })
    .from(deskMembers)
    .innerJoin(desks, eq(desks.id, deskMembers.deskId))
    .where(eq(deskMembers.userId, userId))
    .orderBy(asc(deskMembers.id))
    .all();
}

export function createDesk(viewer: Actor, input: CreateDeskInput, now: Date): { id: number } {
  assertMayManage(viewer);
  return db().transaction(
    (tx) => {
      if (tx.select({ id: desks.id }).from(desks).where(eq(desks.name, input.name)).get()) {
        throw new AppError("invalid_input", "desk_exists", { name: ["desk_exists"] });
      }
      const desk = tx
        .insert(desks)
        .values({ name: input.name, createdAt: now, updatedAt: now })
        .returning({ id: desks.id })
        .get();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "desk.create",
        subjectType: "desk",
        subjectId: desk.id,
        detail: { name: input.name },
        now,
      });
      return desk;
    },
    { behavior: "immediate" },
  );
}

/** Put a person in a desk with a role there, or change their role in it. */
export function setDeskMember(viewer: Actor, input: DeskMemberInput, now: Date): void {
  assertMayManage(viewer);
  db().transaction(
    (tx) => {
      const desk = tx.select({ id: desks.id }).from(desks).where(eq(desks.id, input.deskId)).get();
      const user = tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get();
      if (!desk || !user) throw new AppError("not_found");
      const existing = tx
        .select({ id: deskMembers.id, role: deskMembers.role })
        .from(deskMembers)
        .where(and(eq(deskMembers.deskId, desk.id), eq(deskMembers.userId, user.id)))
        .get();
      if (existing) {
        tx.update(deskMembers)
          .set({ role: input.role })
          .where(eq(deskMembers.id, existing.id))
          .run();
      } else {
        tx.insert(deskMembers)
          .values({ deskId: desk.id, userId: user.id, role: input.role, createdAt: now })
          .run();
      }
      recordAudit(tx, {
        actorId: viewer.id,
        action: "desk.member",
        subjectType: "desk",
        subjectId: desk.id,
        fromState: existing?.role ?? null,
        toState: input.role,
        detail: { userId: user.id },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

export function removeDeskMember(viewer: Actor, input: RemoveDeskMemberInput, now: Date): void {
  assertMayManage(viewer);
  db().transaction(
    (tx) => {
      const removed = tx
        .delete(deskMembers)
        .where(and(eq(deskMembers.deskId, input.deskId), eq(deskMembers.userId, input.userId)))
        .returning({ role: deskMembers.role })
        .get();
      if (!removed) throw new AppError("not_found");
      recordAudit(tx, {
        actorId: viewer.id,
        action: "desk.remove_member",
        subjectType: "desk",
        subjectId: input.deskId,
        fromState: removed.role,
        detail: { userId: input.userId },
        now,
      });
    },
    { behavior: "immediate" },
  );
}
