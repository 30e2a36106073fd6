// The inbox: the one writer of notifications (story steps, notes, desk moves, held issues, new
// devices) and the viewer's reads of them, newest first. No server-only: the importer's shell
// command reaches the writers through lib/workflow/apply.
import { and, count, desc, eq, isNull, lte } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { notifications, stories, users } from "@/db/schema";

export const INBOX_PAGE_SIZE = 50;

export type InboxItem = {
  id: number;
  kind: string;
  storyId: number | null;
  headline: string | null;
  actorName: string | null;
  note: string | null;
  createdAt: number;
  isRead: boolean;
};

type Reader = { id: number };

/** One page of the viewer's notifications; `hasMore` says whether an older page exists. */
export function listNotifications(
  viewer: Reader,
  { limit = INBOX_PAGE_SIZE, offset = 0 }: { limit?: number; offset?: number } = {},
): { items: InboxItem[]; hasMore: boolean } {
  const size = Math.min(Math.max(limit, 1), 200);
  const rows = db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      storyId: notifications.storyId,
      headline: stories.headline,
      actorName: users.displayName,
      note: notifications.note,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(stories, eq(stories.id, notifications.storyId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, viewer.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(size + 1)
    .offset(Math.max(offset, 0))
    .all();
  return {
    items: rows.slice(0, size).map(({ readAt, createdAt, ...row }) => ({
      ...row,
      createdAt: createdAt.getTime(),
      isRead: readAt !== null,
    })),
    hasMore: rows.length > size,
  };
}

/** The number on the desk header's inbox badge. */
export function countUnreadNotifications(viewer: Reader): number {
  return (
    db()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/**
 * Mark the viewer's notifications up to `upToId` read (those the opened inbox showed; newer
 * ones arriving meanwhile stay unread). A read receipt changes nothing in the newsroom, so it
 * writes no audit row (docs/decisions.md). Returns how many were marked.
 */
export function markNotificationsRead(viewer: Reader, upToId: number, now: Date): number {
  return db()
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, viewer.id),
        isNull(notifications.readAt),
        lte(notifications.id, upToId),
      ),
    )
    .run().changes;
}

/** Tell a user their account was signed in to from a browser it had not seen (lib/login.ts). */
export function notifyNewDevice(
  tx: Tx,
  input: { userId: number; description: string; now: Date },
): void {
  tx.insert(notifications)
    .values({
      userId: input.userId,
      kind: "new_device",
      note: input.description,
      createdAt: input.now,
    })
    .run();
}

export type NotificationKind =
  | "submitted"
  | "waiting"
  | "return"
  | "approve"
  | "spike"
  | "comment"
  | "reply"
  | "desk_moved"
  | "issue_held";

/**
 * Tell each of `userIds` once (duplicates fold) what happened, inside the caller's transaction.
 * The one who acted is never told of their own step; `actorId` is null when the system acted.
 */
export function notifyUsers(
  tx: Tx,
  userIds: Iterable<number>,
  event: {
    kind: NotificationKind;
    storyId?: number | null;
    actorId?: number | null;
    note?: string | null;
    now: Date;
  },
): void {
  const actorId = event.actorId ?? null;
  const rows = [...new Set(userIds)]
    .filter((userId) => userId !== actorId)
    .map((userId) => ({
      userId,
      kind: event.kind,
      storyId: event.storyId ?? null,
      actorId,
      note: event.note ?? null,
      createdAt: event.now,
    }));
  if (rows.length > 0) tx.insert(notifications).values(rows).run();
}
