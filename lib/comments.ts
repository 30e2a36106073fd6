// Comments on a story (the desk shows them as editors' notes): threads, optionally quoting a
// passage, and their replies; the one writer of story_comments (a return or spike with a note
// writes it through addStepComment). No server-only: the importer's shell command reaches
// addStepComment through lib/workflow/apply.
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { ZodError } from "zod";
import { db, type Tx } from "@/db/client";
import { type Story, stories, storyComments, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AddCommentInput, ResolveCommentInput } from "@/lib/comment-input";
import { AppError, invalid } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications";
import { can, type NamedActor } from "@/lib/permissions";
import { canViewStory } from "@/lib/story-access";

export type StoryComment = {
  id: number;
  parentId: number | null;
  authorId: number;
  authorName: string;
  body: string;
  anchorText: string | null;
  createdAt: number;
  resolvedAt: number | null;
};
export type CommentThread = StoryComment & { replies: StoryComment[] };
export type StoryCommentThreads = {
  threads: CommentThread[];
  /** Start a new note (optionally quoting a passage): editors and admins. */
  canAdd: boolean;
  /** Reply in a thread: editors and admins, and the story's own reporter. */
  canReply: boolean;
  canResolve: boolean;
};

function loadStory(tx: Tx, viewer: NamedActor, storyId: number): Story {
  const story = tx.select().from(stories).where(eq(stories.id, storyId)).get();
  // Another reporter's story answers "not found", as everywhere else on the desk.
  if (!story || !canViewStory(viewer, story)) throw new AppError("not_found");
  return story;
}

function canReplyOn(viewer: NamedActor, story: Pick<Story, "authorId">): boolean {
  return can(viewer, "story:comment") || story.authorId === viewer.id;
}

/** Refuse bad input the way actions do: a message key and the fields it concerns. */
function refuse(error: ZodError): never {
  const refused = invalid(error);
  const fieldErrors = refused.ok ? undefined : refused.fieldErrors;
  const first = fieldErrors ? Object.values(fieldErrors)[0]?.[0] : undefined;
  throw new AppError("invalid_input", first ?? "invalid_input", fieldErrors);
}

/**
 * Add a note, or a reply to one. Editors may start notes on any story; the story's reporter
 * may only reply (docs/decisions.md). A reply joins its thread's first note, so threads are
 * one level deep, and a reply to a resolved thread reopens it.
 */
export function addComment(viewer: NamedActor, input: AddCommentInput, now: Date): StoryComment {
  const parsed = AddCommentInput.safeParse(input);
  if (!parsed.success) refuse(parsed.error);
  const data = parsed.data;
  return db().transaction(
    (tx) => {
      const story = loadStory(tx, viewer, data.storyId);
      if (!canReplyOn(viewer, story)) throw new AppError("forbidden");
      if (data.parentId === null && !can(viewer, "story:comment")) {
        throw new AppError("forbidden", "comment_reply_only");
      }
      let root: { id: number; authorId: number; resolvedAt: Date | null } | null = null;
      if (data.parentId !== null) {
        if (data.anchorText) {
          throw new AppError("invalid_input", "comment_anchor_on_reply", {
            anchorText: ["comment_anchor_on_reply"],
          });
        }
        const parent = tx
          .select({ id: storyComments.id, parentId: storyComments.parentId })
          .from(storyComments)
          .where(and(eq(storyComments.id, data.parentId), eq(storyComments.storyId, story.id)))
          .get();
        if (!parent) {
          throw new AppError("invalid_input", "comment_parent_invalid", {
            parentId: ["comment_parent_invalid"],
          });
        }
        root =
          tx
            .select({
              id: storyComments.id,
              authorId: storyComments.authorId,
              resolvedAt: storyComments.resolvedAt,
            })
            .from(storyComments)
            .where(eq(storyComments.id, parent.parentId ?? parent.id))
            .get() ?? null;
        if (!root) throw new AppError("invalid_input", "comment_parent_invalid");
      }
      const created = tx
        .insert(storyComments)
        .values({
          storyId: story.id,
          parentId: root?.id ?? null,
          authorId: viewer.id,
          body: data.body,
          anchorText: data.anchorText,
          createdAt: now,
        })
        .returning()
        .get();
      const reopened = Boolean(root?.resolvedAt);
      if (root && reopened) {
        tx.update(storyComments)
          .set({ resolvedAt: null })
          .where(eq(storyComments.id, root.id))
          .run();
      }
      // The thread's starter hears of the reply; the story's reporter of the note, unless they
      // are the starter (told once) or wrote it (never told of their own note).
      const event = { storyId: story.id, actorId: viewer.id, now };
      if (root) notifyUsers(tx, [root.authorId], { ...event, kind: "reply" });
      if (root?.authorId !== story.authorId) {
        notifyUsers(tx, [story.authorId], { ...event, kind: "comment" });
      }
      recordAudit(tx, {
        actorId: viewer.id,
        action: "comment.add",
        subjectType: "story",
        subjectId: story.id,
        detail: {
          commentId: created.id,
          ...(root ? { parentId: root.id } : {}),
          ...(data.anchorText ? { anchorText: data.anchorText } : {}),
          ...(reopened ? { reopened: true } : {}),
          note: data.body,
        },
        now,
      });
      return {
        id: created.id,
        parentId: created.parentId,
        authorId: created.authorId,
        authorName: viewer.displayName,
        body: created.body,
        anchorText: created.anchorText,
        createdAt: created.createdAt.getTime(),
        resolvedAt: null,
      };
    },
    { behavior: "immediate" },
  );
}

/** Mark a thread resolved, or open it again: editors and admins. Unchanged state writes nothing. */
export function resolveComment(
  viewer: NamedActor,
  input: ResolveCommentInput,
  now: Date,
): { id: number; resolvedAt: number | null } {
  const parsed = ResolveCommentInput.safeParse(input);
  if (!parsed.success) refuse(parsed.error);
  const data = parsed.data;
  if (!can(viewer, "story:comment")) throw new AppError("forbidden");
  return db().transaction(
    (tx) => {
      const comment = tx
        .select()
        .from(storyComments)
        .where(eq(storyComments.id, data.commentId))
        .get();
      if (!comment) throw new AppError("not_found");
      loadStory(tx, viewer, comment.storyId);
      if (comment.parentId !== null) throw new AppError("invalid_input", "comment_not_thread");
      if (Boolean(comment.resolvedAt) === data.resolved) {
        return { id: comment.id, resolvedAt: comment.resolvedAt?.getTime() ?? null };
      }
      const resolvedAt = data.resolved ? now : null;
      tx.update(storyComments).set({ resolvedAt }).where(eq(storyComments.id, comment.id)).run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: data.resolved ? "comment.resolve" : "comment.reopen",
        subjectType: "story",
        subjectId: comment.storyId,
        fromState: data.resolved ? "open" : "resolved",
        toState: data.resolved ? "resolved" : "open",
        detail: { commentId: comment.id },
        now,
      });
      return { id: comment.id, resolvedAt: resolvedAt?.getTime() ?? null };
    },
    { behavior: "immediate" },
  );
}

/** A story's notes as threads: the newest thread first, each thread's replies in order. */
export function getStoryComments(viewer: NamedActor, storyId: number): StoryCommentThreads {
  const story = loadStory(db(), viewer, storyId);
  const rows = db()
    .select({
      id: storyComments.id,
      parentId: storyComments.parentId,
      authorId: storyComments.authorId,
      authorName: users.displayName,
      body: storyComments.body,
      anchorText: storyComments.anchorText,
      createdAt: storyComments.createdAt,
      resolvedAt: storyComments.resolvedAt,
    })
    .from(storyComments)
    .innerJoin(users, eq(users.id, storyComments.authorId))
    .where(eq(storyComments.storyId, story.id))
    .orderBy(asc(storyComments.createdAt), asc(storyComments.id))
    .all()
    .map((r) => ({
      ...r,
      createdAt: r.createdAt.getTime(),
      resolvedAt: r.resolvedAt?.getTime() ?? null,
    }));
  const threads = new Map<number, CommentThread>();
  for (const row of rows) if (row.parentId === null) threads.set(row.id, { ...row, replies: [] });
  for (const row of rows) if (row.parentId !== null) threads.get(row.parentId)?.replies.push(row);
  return {
    threads: [...threads.values()].reverse(),
    canAdd: can(viewer, "story:comment"),
    canReply: canReplyOn(viewer, story),
    canResolve: can(viewer, "story:comment"),
  };
}

/** The note a return or a spike carries, kept as a note on the story (lib/workflow/apply). */
export function addStepComment(
  tx: Tx,
  note: { storyId: number; authorId: number; body: string; now: Date },
): void {
  tx.insert(storyComments)
    .values({
      storyId: note.storyId,
      authorId: note.authorId,
      body: note.body,
      createdAt: note.now,
    })
    .run();
}

/** The latest note on each story written by someone other than `exceptAuthorId`. */
export function latestCommentsOn(storyIds: number[], exceptAuthorId: number): Map<number, string> {
  const latest = new Map<number, string>();
  if (storyIds.length === 0) return latest;
  const notes = db()
    .select({ storyId: storyComments.storyId, body: storyComments.body, id: storyComments.id })
    .from(storyComments)
    .where(
      and(inArray(storyComments.storyId, storyIds), ne(storyComments.authorId, exceptAuthorId)),
    )
    .orderBy(desc(storyComments.id))
    .all();
  for (const note of notes) if (!latest.has(note.storyId)) latest.set(note.storyId, note.body);
  return latest;
}
