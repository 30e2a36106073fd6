// The one condition every public read adds: a story is out of embargo (never had one, or its
// time has come) at the moment of reading. Readers' queries in lib/paper, lib/search and
// lib/media use it, so no public surface can show an embargoed story.
import { isNull, lte, or, type SQL } from "drizzle-orm";
import { stories } from "@/db/schema";

/** Drizzle condition: `stories` is out of embargo at `now`. */
export function outOfEmbargo(now: Date): SQL {
  return or(isNull(stories.embargoUntil), lte(stories.embargoUntil, now)) as SQL;
}

/**
 * The same condition for hand-written SQL where the stories table is aliased `s`; it takes one
 * parameter, `now` in milliseconds.
 */
export const OUT_OF_EMBARGO_SQL = "(s.embargo_until IS NULL OR s.embargo_until <= ?)";
