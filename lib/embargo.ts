// Embargoes on the desk: setting, moving and lifting a story's embargo, and the desk's badges.
import "server-only";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { stories } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { decideEmbargo } from "@/lib/embargo-rules";
import { AppError } from "@/lib/errors";
import { can, type NamedActor } from "@/lib/permissions";
import { canViewStory } from "@/lib/story-access";

export type SetEmbargoInput = {
  storyId: number;
  /** The new embargo, or null to lift it. */
  until: Date | null;
  /** The embargo the editor saw (ms, or null for none): a change made meanwhile is refused. */
  expectedUntil: number | null;
};

export type EmbargoResult = {
  embargoUntil: number | null;
  /** The story is in print, so what readers see changed and the public cache must expire. */
  affectsReaders: boolean;
};

/**
 * Set, move or lift a story's embargo: one IMMEDIATE transaction that checks who may
 * (lib/embargo-rules), refuses a time not in the future, writes only if the embargo is still
 * the one the editor saw (compare-and-set on the value), and writes the audit row.
 */
export function setEmbargo(viewer: NamedActor, input: SetEmbargoInput, now: Date): EmbargoResult {
  const until = input.until;
  if (until && (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime())) {
    throw new AppError("invalid_input", "embargo_in_past", { until: ["embargo_in_past"] });
  }
  return db().transaction(
    (tx) => {
      const story = tx
        .select({ id: stories.id, status: stories.status, embargoUntil: stories.embargoUntil })
        .from(stories)
        .where(eq(stories.id, input.storyId))
        .get();
      // Reporters may not embargo at all, so a story they cannot see answers the same way.
      if (!story) throw new AppError("not_found");
      const decision = decideEmbargo(viewer, story);
      if (!decision.ok) throw new AppError(decision.reason);
      const current = story.embargoUntil?.getTime() ?? null;
      if (current !== input.expectedUntil) throw new AppError("conflict", "embargo_changed");
      const next = until?.getTime() ?? null;
      const affectsReaders = story.status === "published";
      if (next === current) return { embargoUntil: current, affectsReaders: false };
      const written = tx
        .update(stories)
        .set({ embargoUntil: until })
        .where(
          and(
            eq(stories.id, story.id),
            story.embargoUntil
              ? eq(stories.embargoUntil, story.embargoUntil)
              : isNull(stories.embargoUntil),
          ),
        )
        .returning({ id: stories.id })
        .get();
      if (!written) throw new AppError("conflict", "embargo_changed");
      recordAudit(tx, {
        actorId: viewer.id,
        action: next === null ? "story.embargo_lift" : "story.embargo",
        subjectType: "story",
        subjectId: story.id,
        detail: {
          from: current === null ? null : new Date(current).toISOString(),
          to: next === null ? null : new Date(next).toISOString(),
          status: story.status,
        },
        now,
      });
      return { embargoUntil: next, affectsReaders };
    },
    { behavior: "immediate" },
  );
}

/** The embargoes still holding at `now` among these stories, for the desk's badges. */
export function listActiveEmbargoes(
  viewer: NamedActor,
  storyIds: number[],
  now: Date,
): Map<number, number> {
  if (!can(viewer, "desk:enter")) throw new AppError("forbidden");
  const found = new Map<number, number>();
  const ids = [...new Set(storyIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db()
      .select({ id: stories.id, until: stories.embargoUntil })
      .from(stories)
      .where(and(inArray(stories.id, ids.slice(i, i + 500)), gt(stories.embargoUntil, now)))
      .all();
    for (const row of rows) if (row.until) found.set(row.id, row.until.getTime());
  }
  return found;
}

/**
 * A story's embargo as the desk's editor shows it, with whether this viewer may change it.
 * Whoever cannot see the story (lib/stories canViewStory) is told it is not there.
 */
export function getStoryEmbargo(
  viewer: NamedActor,
  storyId: number,
): { until: number | null; canChange: boolean } {
  const row = db()
    .select({ authorId: stories.authorId, status: stories.status, until: stories.embargoUntil })
    .from(stories)
    .where(eq(stories.id, storyId))
    .get();
  if (!row || !canViewStory(viewer, row)) throw new AppError("not_found");
  return { until: row.until?.getTime() ?? null, canChange: decideEmbargo(viewer, row).ok };
}
