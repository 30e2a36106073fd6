// Who holds a story next: the people a step hands it to, found from state, level and desk.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { deskMembers, users } from "@/db/schema";
import type { Role } from "@/lib/permissions";
import type { DeskRoleName, LevelPasser } from "@/lib/workflow/levels";

/** Global roles that review at all (admins step in only when nobody else can). */
const REVIEWING_ROLES: readonly Role[] = ["editor", "desk_head", "chief_editor"];

function activeWithRoles(tx: Tx, roles: readonly Role[]): number[] {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, [...roles]), eq(users.isActive, true)))
    .all()
    .map((u) => u.id);
}

/** The people who may pass a level of a story on `deskId` (the chief editors for the last one). */
export function levelHolders(tx: Tx, deskId: number | null, passer: LevelPasser): number[] {
  if (passer === "chief_editor") {
    const chiefs = activeWithRoles(tx, ["chief_editor"]);
    return chiefs.length > 0 ? chiefs : activeWithRoles(tx, ["admin"]);
  }
  const deskRoles: DeskRoleName[] =
    passer === "desk_head" ? ["desk_head"] : ["editor", "desk_head"];
  if (deskId === null) {
    const found = activeWithRoles(
      tx,
      passer === "desk_head" ? ["desk_head"] : ["editor", "desk_head"],
    );
    return found.length > 0 ? found : activeWithRoles(tx, ["chief_editor", "admin"]);
  }
  const members = tx
    .select({ id: users.id })
    .from(deskMembers)
    .innerJoin(users, eq(users.id, deskMembers.userId))
    .where(
      and(
        eq(deskMembers.deskId, deskId),
        inArray(deskMembers.role, deskRoles),
        inArray(users.role, [...REVIEWING_ROLES]),
        eq(users.isActive, true),
      ),
    )
    .all()
    .map((u) => u.id);
  return members.length > 0 ? members : activeWithRoles(tx, ["chief_editor"]);
}
