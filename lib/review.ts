// The review queue: submitted stories waiting for an editor, the longest-waiting first.
import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { type Story, stories, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can, type PermissionSubject } from "@/lib/permissions";

export const REVIEW_PAGE_SIZE = 50;

export type ReviewItem = Pick<Story, "id" | "headline" | "kind" | "charCount"> & {
  authorName: string;
  submittedAt: number;
};

export type ReviewQueue = { items: ReviewItem[]; total: number };

function queueQuery(limit: number, offset: number) {
  return db()
    .select({
      id: stories.id,
      headline: stories.headline,
      kind: stories.kind,
      charCount: stories.charCount,
      submittedAt: stories.submittedAt,
      createdAt: stories.createdAt,
      authorName: users.displayName,
    })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.authorId))
    .where(eq(stories.status, "submitted"))
    .orderBy(asc(stories.submittedAt), asc(stories.id))
    .limit(Math.min(Math.max(limit, 1), 200))
    .offset(Math.max(offset, 0));
}

/** The SQL of one page of the queue, for checking its plan (tests, benchmarks). */
export function reviewQueueSql(
  limit = REVIEW_PAGE_SIZE,
  offset = 0,
): { sql: string; params: unknown[] } {
  return queueQuery(limit, offset).toSQL();
}

/**
 * One page of the queue. stories_status_idx (status, submitted_at) both finds the submitted
 * stories and gives their order, so the page costs its own rows, not the newsroom's.
 */
export function listReviewQueue(
  viewer: PermissionSubject,
  { limit = REVIEW_PAGE_SIZE, offset = 0 }: { limit?: number; offset?: number } = {},
): ReviewQueue {
  if (!can(viewer, "story:review")) throw new AppError("forbidden");
  const rows = queueQuery(limit, offset).all();
  const total =
    db().select({ n: count() }).from(stories).where(eq(stories.status, "submitted")).get()?.n ?? 0;
  return {
    items: rows.map(({ createdAt, submittedAt, ...row }) => ({
      ...row,
      // Stories submitted before submitted_at was kept count from their creation.
      submittedAt: (submittedAt ?? createdAt).getTime(),
    })),
    total,
  };
}
