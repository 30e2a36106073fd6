// The review queue: submitted stories waiting at a level this viewer may pass, longest-waiting first.
import "server-only";
import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { desks, type Story, stories, storyReviewPasses, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can, type Role } from "@/lib/permissions";
import { listDeskRoles, reviewConfig } from "@/lib/workflow/context";
import type { DeskRole, LevelPasser } from "@/lib/workflow/levels";

export const REVIEW_PAGE_SIZE = 50;

export type ReviewItem = Pick<
  Story,
  "id" | "headline" | "kind" | "charCount" | "reviewLevel" | "reviewLevels"
> & {
  authorName: string;
  deskName: string | null;
  submittedAt: number;
};

export type ReviewQueue = { items: ReviewItem[]; total: number };
export type ReviewViewer = { id: number; role: Role };

/**
 * Which submitted stories wait for this viewer: the levels of their desks their desk role passes
 * (desk editors 初审, desk heads 初审 and 复审), stories without a desk for the paper's editors,
 * and every level for the duty/chief editor. `deskId` narrows to one desk.
 */
export function queueFilter(
  viewer: ReviewViewer,
  memberships: readonly DeskRole[],
  {
    deskId,
    allowSamePasser = false,
    waitingForMe = false,
  }: { deskId?: number; allowSamePasser?: boolean; waitingForMe?: boolean } = {},
): SQL | undefined {
  // One person passes one level of a story: what they passed already waits for someone else.
  const notMine = allowSamePasser
    ? undefined
    : sql`NOT EXISTS (SELECT 1 FROM ${storyReviewPasses} WHERE ${storyReviewPasses.storyId} = ${stories.id} AND ${storyReviewPasses.round} = ${stories.reviewRound} AND ${storyReviewPasses.userId} = ${viewer.id})`;
  const submitted = and(eq(stories.status, "submitted"), notMine);
  const oneDesk = deskId === undefined ? undefined : eq(stories.deskId, deskId);
  if (viewer.role === "chief_editor" || viewer.role === "admin") {
    // They may pass any level; what waits for them in particular is the last one (终审).
    const finalOnly = waitingForMe ? eq(stories.reviewPasser, "chief_editor") : undefined;
    return and(submitted, oneDesk, finalOnly);
  }
  const asHead = memberships.filter((m) => m.role === "desk_head");
  const passers = (headToo: boolean): LevelPasser[] =>
    headToo ? ["desk_editor", "desk_head"] : ["desk_editor"];
  const branches: (SQL | undefined)[] = [];
  const editorDesks = memberships.filter((m) => m.role === "editor").map((m) => m.deskId);
  if (editorDesks.length > 0) {
    branches.push(
      and(inArray(stories.deskId, editorDesks), inArray(stories.reviewPasser, passers(false))),
    );
  }
  if (asHead.length > 0) {
    branches.push(
      and(
        inArray(
          stories.deskId,
          asHead.map((m) => m.deskId),
        ),
        inArray(stories.reviewPasser, passers(true)),
      ),
    );
  }
  branches.push(
    and(
      isNull(stories.deskId),
      inArray(stories.reviewPasser, passers(viewer.role === "desk_head")),
    ),
  );
  return and(submitted, oneDesk, or(...branches));
}

function queueQuery(tx: Tx, where: SQL | undefined, limit: number, offset: number) {
  return tx
    .select({
      id: stories.id,
      headline: stories.headline,
      kind: stories.kind,
      charCount: stories.charCount,
      reviewLevel: stories.reviewLevel,
      reviewLevels: stories.reviewLevels,
      submittedAt: stories.submittedAt,
      createdAt: stories.createdAt,
      authorName: users.displayName,
      deskName: desks.name,
    })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.authorId))
    .leftJoin(desks, eq(desks.id, stories.deskId))
    .where(where)
    .orderBy(asc(stories.submittedAt), asc(stories.id))
    .limit(Math.min(Math.max(limit, 1), 200))
    .offset(Math.max(offset, 0));
}

/** The SQL of one page of a viewer's queue, for checking its plan (tests, benchmarks). */
export function reviewQueueSql(
  viewer: ReviewViewer,
  limit = REVIEW_PAGE_SIZE,
  offset = 0,
): { sql: string; params: unknown[] } {
  const where = queueFilter(viewer, listDeskRoles(db(), viewer.id), reviewConfig(db()));
  return queueQuery(db(), where, limit, offset).toSQL();
}

/** The SQL of the count of a viewer's queue, for checking its plan (tests). */
export function reviewCountSql(viewer: ReviewViewer): { sql: string; params: unknown[] } {
  const where = queueFilter(viewer, listDeskRoles(db(), viewer.id), reviewConfig(db()));
  return countQuery(db(), where).toSQL();
}

function countQuery(tx: Tx, where: SQL | undefined) {
  return tx.select({ n: count() }).from(stories).where(where);
}

/**
 * One page of the viewer's queue. stories_desk_queue_idx (status, desk_id, submitted_at) finds a
 * desk's submitted stories in order, so a page costs the desk's waiting rows, not the newsroom's.
 */
export function listReviewQueue(
  viewer: ReviewViewer,
  {
    limit = REVIEW_PAGE_SIZE,
    offset = 0,
    deskId,
    waitingForMe = false,
  }: { limit?: number; offset?: number; deskId?: number; waitingForMe?: boolean } = {},
): ReviewQueue {
  if (!can(viewer, "story:review")) throw new AppError("forbidden");
  const where = queueFilter(viewer, listDeskRoles(db(), viewer.id), {
    deskId,
    waitingForMe,
    allowSamePasser: reviewConfig(db()).allowSamePasser,
  });
  const rows = queueQuery(db(), where, limit, offset).all();
  // The count reads stories_review_count_idx alone (it covers the passer and the round).
  const total = countQuery(db(), where).get()?.n ?? 0;
  return {
    items: rows.map(({ createdAt, submittedAt, ...row }) => ({
      ...row,
      // Stories submitted before submitted_at was kept count from their creation.
      submittedAt: (submittedAt ?? createdAt).getTime(),
    })),
    total,
  };
}
