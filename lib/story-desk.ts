// A story's desk after creation: an editor of the target desk (or a chief/admin) moves it there.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { deskMembers, desks, placements, stories } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications";
import { type Actor, can } from "@/lib/permissions";
import type { MoveStoryDeskInput } from "@/lib/story-desk-input";
import { levelHolders } from "@/lib/workflow/holders";

/** Once on a page (or past it) a story belongs to its page's desk; it moves no more. */
const SETTLED = ["published", "withdrawn"] as const;

/** Chief editors and admins move any story; an editor only to a desk they edit in. */
export function mayMoveToDesk(viewer: Actor, deskRole: string | undefined): boolean {
  if (!can(viewer, "story:edit-any")) return false;
  if (viewer.role === "chief_editor" || viewer.role === "admin") return true;
  return deskRole === "editor" || deskRole === "desk_head";
}

/**
 * Move a story to another desk before it is placed or published. Its review passes stay: the
 * story goes on at the level it waits at, now among the new desk's passers, who are told.
 */
export function moveStoryDesk(
  viewer: Actor,
  input: MoveStoryDeskInput,
  now: Date,
): { version: number } {
  if (!can(viewer, "story:edit-any")) throw new AppError("forbidden");
  return db().transaction(
    (tx) => {
      const story = tx.select().from(stories).where(eq(stories.id, input.storyId)).get();
      if (!story) throw new AppError("not_found");
      const desk = tx
        .select({ id: desks.id, name: desks.name })
        .from(desks)
        .where(eq(desks.id, input.deskId))
        .get();
      if (!desk) throw new AppError("invalid_input", "desk_invalid", { deskId: ["desk_invalid"] });
      const membership = tx
        .select({ role: deskMembers.role })
        .from(deskMembers)
        .where(and(eq(deskMembers.deskId, desk.id), eq(deskMembers.userId, viewer.id)))
        .get();
      if (!mayMoveToDesk(viewer, membership?.role))
        throw new AppError("forbidden", "not_desk_editor");
      if (story.version !== input.expectedVersion) throw new AppError("conflict", "save_conflict");
      const placed = tx
        .select({ id: placements.id })
        .from(placements)
        .where(eq(placements.storyId, story.id))
        .get();
      if (placed || (SETTLED as readonly string[]).includes(story.status))
        throw new AppError("conflict", "story_desk_locked");
      if (story.deskId === desk.id) throw new AppError("invalid_input", "story_desk_same");
      const updated = tx
        .update(stories)
        .set({ deskId: desk.id, version: story.version + 1, updatedAt: now })
        .where(and(eq(stories.id, story.id), eq(stories.version, story.version)))
        .returning({ version: stories.version })
        .get();
      if (!updated) throw new AppError("conflict", "save_conflict");
      recordAudit(tx, {
        actorId: viewer.id,
        action: "story.desk",
        subjectType: "story",
        subjectId: story.id,
        fromState: story.deskId === null ? null : String(story.deskId),
        toState: String(desk.id),
        detail: { desk: desk.name, status: story.status, reviewLevel: story.reviewLevel },
        now,
      });
      // Waiting at a desk level: the new desk's passers of that level now hold it.
      if (
        story.status === "submitted" &&
        story.reviewPasser &&
        story.reviewPasser !== "chief_editor"
      ) {
        notifyUsers(tx, levelHolders(tx, desk.id, story.reviewPasser), {
          kind: "desk_moved",
          storyId: story.id,
          actorId: viewer.id,
          now,
        });
      }
      return updated;
    },
    { behavior: "immediate" },
  );
}

export type StoryDeskChoice = {
  current: { id: number; name: string } | null;
  /** The desks the viewer may move the story to now; empty when it may not move. */
  targets: { id: number; name: string }[];
};

/** The story's desk, and where the viewer may move it (for the story page's control). */
export function getStoryDeskChoice(viewer: Actor, storyId: number): StoryDeskChoice {
  const story = db()
    .select({ id: stories.id, deskId: stories.deskId, status: stories.status })
    .from(stories)
    .where(eq(stories.id, storyId))
    .get();
  if (!story) throw new AppError("not_found");
  const all = db().select({ id: desks.id, name: desks.name }).from(desks).all();
  const current = all.find((d) => d.id === story.deskId) ?? null;
  const placed = db()
    .select({ id: placements.id })
    .from(placements)
    .where(eq(placements.storyId, story.id))
    .get();
  if (
    placed ||
    (SETTLED as readonly string[]).includes(story.status) ||
    !can(viewer, "story:edit-any")
  )
    return { current, targets: [] };
  const roles = new Map(
    db()
      .select({ deskId: deskMembers.deskId, role: deskMembers.role })
      .from(deskMembers)
      .where(eq(deskMembers.userId, viewer.id))
      .all()
      .map((m) => [m.deskId, m.role]),
  );
  const targets = all.filter(
    (d) => d.id !== story.deskId && mayMoveToDesk(viewer, roles.get(d.id)),
  );
  return { current, targets };
}
