// Reads for the desk's home: what the viewer has on their plate.
import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { stories } from "@/db/schema";
import { can, type Role } from "@/lib/permissions";
import { listReviewQueue, type ReviewItem } from "@/lib/review";
import type { StoryStatus } from "@/lib/workflow/story";

/** Stories by status: a reporter's own, or the whole newsroom's for editors. */
export function countStoriesByStatus(viewer: {
  id: number;
  role: Role;
}): Partial<Record<StoryStatus, number>> {
  const query = db().select({ status: stories.status, n: count() }).from(stories).$dynamic();
  const rows = (
    can(viewer, "story:edit-any") ? query : query.where(eq(stories.authorId, viewer.id))
  )
    .groupBy(stories.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export type WaitingForYou = {
  review: ReviewItem[];
  reviewTotal: number;
  returned: { id: number; headline: string; updatedAt: number }[];
};

/** What waits for the viewer now: stories at a level they pass, and their own returned ones. */
export function listWaitingForViewer(
  viewer: { id: number; role: Role },
  limit = 10,
): WaitingForYou {
  const queue = can(viewer, "story:review")
    ? listReviewQueue(viewer, { limit, waitingForMe: true })
    : { items: [], total: 0 };
  const returned = db()
    .select({ id: stories.id, headline: stories.headline, updatedAt: stories.updatedAt })
    .from(stories)
    .where(and(eq(stories.authorId, viewer.id), eq(stories.status, "returned")))
    .orderBy(desc(stories.updatedAt))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, updatedAt: r.updatedAt.getTime() }));
  return { review: queue.items, reviewTotal: queue.total, returned };
}
