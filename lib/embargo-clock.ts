// The clock's side of embargoes: which embargoes lifted since it last looked, and the durable
// mark of how far it has handled them. Public pages are cached until the `paper` tag expires,
// so a page rendered while a story was embargoed would keep hiding it; the scheduler expires
// the cache when one lifts (lib/scheduler), also for embargoes that lifted while it was down.
import { and, eq, gt, lte, max, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { clockMarks, stories } from "@/db/schema";

const MARK = "embargo-lifted";

export type LiftedEmbargoes = {
  /** The latest embargo time among those that lifted: the mark to store once handled. */
  upTo: Date;
  /** Whether any of them is a published story, so readers' pages change. */
  affectsReaders: boolean;
};

/** How far lifted embargoes have been handled (epoch when never). */
export function embargoMark(): Date {
  const row = db()
    .select({ at: clockMarks.at })
    .from(clockMarks)
    .where(eq(clockMarks.name, MARK))
    .get();
  return row?.at ?? new Date(0);
}

/**
 * Embargoes that lifted after the mark and by `now`, if any. One range read on
 * stories_embargo_idx, so it costs the few rows in the range, not the archive.
 */
export function findLiftedEmbargoes(now: Date): LiftedEmbargoes | null {
  const row = db()
    .select({
      upTo: max(stories.embargoUntil),
      published: sql<number | null>`max(${stories.status} = 'published')`,
    })
    .from(stories)
    .where(and(gt(stories.embargoUntil, embargoMark()), lte(stories.embargoUntil, now)))
    .get();
  if (!row?.upTo) return null;
  return { upTo: row.upTo, affectsReaders: row.published === 1 };
}

/** Remember that embargoes up to `upTo` are handled; the mark never moves back. */
export function markEmbargoesHandled(upTo: Date): void {
  db()
    .insert(clockMarks)
    .values({ name: MARK, at: upTo })
    .onConflictDoUpdate({
      target: clockMarks.name,
      set: { at: sql`max(${clockMarks.at}, excluded.at)` },
    })
    .run();
}
