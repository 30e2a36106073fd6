// Publishing: issues go live now or at a scheduled moment, come down with a reason, and
// published stories are corrected in public. Every step is one transaction with audit rows.
import "server-only";
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import {
  type Issue,
  issues,
  notifications,
  pages,
  placements,
  stories,
  storyCorrections,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { can, ROLE_PERMISSIONS, ROLES, type Role } from "@/lib/permissions";
import { insertRevision, prepareBody, syncStoryPhotos } from "@/lib/stories";
import type { StoryFields } from "@/lib/story-input";

type Actor = { id: number; role: Role };

function assertMayPublish(viewer: Actor): void {
  if (!can(viewer, "issue:publish")) throw new AppError("forbidden");
}

function loadIssue(tx: Tx, issueId: number): Issue {
  const issue = tx.select().from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) throw new AppError("not_found");
  return issue;
}

function placedStoryIds(tx: Tx, issueId: number): number[] {
  return tx
    .select({ id: placements.storyId })
    .from(placements)
    .innerJoin(pages, eq(placements.pageId, pages.id))
    .where(eq(pages.issueId, issueId))
    .all()
    .map((r) => r.id);
}

/**
 * Put an issue live inside the caller's transaction. Only an issue still in the state the
 * caller saw moves (compare-and-set on status and version), so two processes publishing the
 * same due issue publish it once: the second finds it already published and does nothing.
 * Nothing is published that is not signed off (签发): the condition is part of the write.
 */
function publishInTx(tx: Tx, issue: Issue, actorId: number | null, now: Date): boolean {
  const moved = tx
    .update(issues)
    .set({
      status: "published",
      publishedAt: now,
      heldFor: null,
      heldReason: null,
      version: issue.version + 1,
      updatedAt: now,
    })
    .where(
      and(
        eq(issues.id, issue.id),
        eq(issues.version, issue.version),
        inArray(issues.status, ["planned", "scheduled", "withdrawn"]),
        isNotNull(issues.signedOffAt),
      ),
    )
    .returning({ id: issues.id })
    .get();
  if (!moved) return false;
  const ids = placedStoryIds(tx, issue.id);
  const going = ids.length
    ? tx
        .select()
        .from(stories)
        .where(and(inArray(stories.id, ids), inArray(stories.status, ["approved", "withdrawn"])))
        .all()
    : [];
  for (const story of going) {
    const updated = tx
      .update(stories)
      .set({ status: "published", publishedAt: now, version: story.version + 1, updatedAt: now })
      .where(eq(stories.id, story.id))
      .returning()
      .get();
    insertRevision(tx, updated, "publish", actorId, now);
    recordAudit(tx, {
      actorId,
      action: "story.publish",
      subjectType: "story",
      subjectId: story.id,
      fromState: story.status,
      toState: "published",
      detail: { issueId: issue.id },
      now,
    });
  }
  recordAudit(tx, {
    actorId,
    action: "issue.publish",
    subjectType: "issue",
    subjectId: issue.id,
    fromState: issue.status,
    toState: "published",
    detail: {
      date: issue.date,
      stories: going.length,
      scheduledFor: issue.publishAt?.toISOString() ?? null,
    },
    now,
  });
  return true;
}

export function publishIssueNow(
  viewer: Actor,
  input: { issueId: number; expectedVersion?: number },
  now: Date,
): void {
  assertMayPublish(viewer);
  db().transaction(
    (tx) => {
      const issue = loadIssue(tx, input.issueId);
      if (input.expectedVersion !== undefined && issue.version !== input.expectedVersion) {
        throw new AppError("conflict", "issue_changed");
      }
      if (issue.status === "published") throw new AppError("invalid_input", "issue_published");
      if (!issue.signedOffAt) throw new AppError("not_signed_off", "not_signed_off");
      if (!publishInTx(tx, issue, viewer.id, now)) throw new AppError("conflict", "issue_changed");
    },
    { behavior: "immediate" },
  );
}

export function scheduleIssue(
  viewer: Actor,
  input: { issueId: number; publishAt: Date },
  now: Date,
): void {
  assertMayPublish(viewer);
  if (Number.isNaN(input.publishAt.getTime()) || input.publishAt.getTime() <= now.getTime()) {
    throw new AppError("invalid_input", "schedule_in_past", { publishAt: ["schedule_in_past"] });
  }
  db().transaction(
    (tx) => {
      const issue = loadIssue(tx, input.issueId);
      if (issue.status === "published") throw new AppError("invalid_input", "issue_published");
      tx.update(issues)
        .set({
          status: "scheduled",
          publishAt: input.publishAt,
          heldFor: null,
          heldReason: null,
          version: issue.version + 1,
          updatedAt: now,
        })
        .where(eq(issues.id, issue.id))
        .run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: issue.status === "scheduled" ? "issue.reschedule" : "issue.schedule",
        subjectType: "issue",
        subjectId: issue.id,
        fromState: issue.status,
        toState: "scheduled",
        detail: { publishAt: input.publishAt.toISOString() },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

export function cancelSchedule(viewer: Actor, input: { issueId: number }, now: Date): void {
  assertMayPublish(viewer);
  db().transaction(
    (tx) => {
      const issue = loadIssue(tx, input.issueId);
      if (issue.status !== "scheduled") throw new AppError("invalid_transition");
      tx.update(issues)
        .set({
          status: "planned",
          publishAt: null,
          heldFor: null,
          heldReason: null,
          version: issue.version + 1,
          updatedAt: now,
        })
        .where(eq(issues.id, issue.id))
        .run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "issue.unschedule",
        subjectType: "issue",
        subjectId: issue.id,
        fromState: "scheduled",
        toState: "planned",
        now,
      });
    },
    { behavior: "immediate" },
  );
}

/** Take an issue down: it and every story on it leave every public place. */
export function unpublishIssue(
  viewer: Actor,
  input: { issueId: number; reason: string },
  now: Date,
): void {
  assertMayPublish(viewer);
  const reason = input.reason.trim();
  if (!reason) throw new AppError("invalid_input", "note_required", { reason: ["note_required"] });
  db().transaction(
    (tx) => {
      const issue = loadIssue(tx, input.issueId);
      if (issue.status !== "published") throw new AppError("invalid_transition");
      tx.update(issues)
        .set({ status: "withdrawn", version: issue.version + 1, updatedAt: now })
        .where(eq(issues.id, issue.id))
        .run();
      const ids = placedStoryIds(tx, issue.id);
      const live = ids.length
        ? tx
            .select()
            .from(stories)
            .where(and(inArray(stories.id, ids), eq(stories.status, "published")))
            .all()
        : [];
      for (const story of live) {
        tx.update(stories)
          .set({ status: "withdrawn", version: story.version + 1, updatedAt: now })
          .where(eq(stories.id, story.id))
          .run();
        recordAudit(tx, {
          actorId: viewer.id,
          action: "story.unpublish",
          subjectType: "story",
          subjectId: story.id,
          fromState: "published",
          toState: "withdrawn",
          detail: { reason, issueId: issue.id },
          now,
        });
      }
      recordAudit(tx, {
        actorId: viewer.id,
        action: "issue.unpublish",
        subjectType: "issue",
        subjectId: issue.id,
        fromState: "published",
        toState: "withdrawn",
        detail: { reason, stories: live.length },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

/**
 * Correct a published story: the text changes, a dated public note is appended, and the
 * previous text stays in the revisions.
 */
export function correctStory(
  viewer: Actor,
  input: { storyId: number; baseVersion: number; fields: StoryFields; note: string },
  now: Date,
): { version: number } {
  if (!can(viewer, "story:correct")) throw new AppError("forbidden");
  const note = input.note.trim();
  if (!note) throw new AppError("invalid_input", "note_required", { note: ["note_required"] });
  const prepared = prepareBody(input.fields.body);
  return db().transaction(
    (tx) => {
      const story = tx.select().from(stories).where(eq(stories.id, input.storyId)).get();
      if (!story) throw new AppError("not_found");
      if (story.status !== "published") throw new AppError("invalid_transition");
      if (story.version !== input.baseVersion) throw new AppError("conflict", "save_conflict");
      const updated = tx
        .update(stories)
        .set({
          kicker: input.fields.kicker,
          headline: input.fields.headline,
          subheadline: input.fields.subheadline,
          byline: input.fields.byline,
          ...prepared,
          version: story.version + 1,
          updatedAt: now,
        })
        .where(and(eq(stories.id, story.id), eq(stories.version, story.version)))
        .returning()
        .get();
      if (!updated) throw new AppError("conflict", "save_conflict");
      tx.insert(storyCorrections)
        .values({ storyId: story.id, note, authorId: viewer.id, createdAt: now })
        .run();
      syncStoryPhotos(tx, story.id, updated.body);
      insertRevision(tx, updated, "correct", viewer.id, now);
      recordAudit(tx, {
        actorId: viewer.id,
        action: "story.correct",
        subjectType: "story",
        subjectId: story.id,
        fromState: "published",
        toState: "published",
        detail: { note },
        now,
      });
      return { version: updated.version };
    },
    { behavior: "immediate" },
  );
}

/** Roles that sign issues off: the duty editors the clock tells when it holds an issue back. */
const SIGNING_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes("issue:sign-off"));

/**
 * A due issue that is not signed off stays unpublished. The clock says so once per due time:
 * it records the hold on the issue (the layout desk shows it), writes an audit row and tells
 * every duty editor in their inbox. The hold lasts until someone reschedules or publishes now.
 */
function holdInTx(tx: Tx, issue: Issue & { publishAt: Date }, now: Date): void {
  tx.update(issues)
    .set({ heldFor: issue.publishAt, heldReason: "not_signed_off" })
    .where(eq(issues.id, issue.id))
    .run();
  const editors = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, SIGNING_ROLES), eq(users.isActive, true)))
    .all();
  for (const editor of editors) {
    tx.insert(notifications)
      .values({ userId: editor.id, kind: "issue_held", note: issue.date, createdAt: now })
      .run();
  }
  recordAudit(tx, {
    actorId: null,
    action: "issue.hold",
    subjectType: "issue",
    subjectId: issue.id,
    fromState: issue.status,
    toState: issue.status,
    detail: {
      reason: "not_signed_off",
      date: issue.date,
      scheduledFor: issue.publishAt.toISOString(),
    },
    now,
  });
}

const isHeld = (issue: Issue) =>
  issue.heldFor !== null && issue.heldFor.getTime() === issue.publishAt?.getTime();

/**
 * Publish every scheduled issue whose moment has come and that is signed off; hold the others.
 * Safe to run from several processes at once and again after a crash: each issue moves once.
 * Returns the issues it published.
 */
export function publishDueIssues(now: Date): number[] {
  const due = db()
    .select({ id: issues.id })
    .from(issues)
    .where(and(eq(issues.status, "scheduled"), lte(issues.publishAt, now)))
    .all();
  const published: number[] = [];
  for (const { id } of due) {
    const done = db().transaction(
      (tx) => {
        const issue = tx.select().from(issues).where(eq(issues.id, id)).get();
        if (issue?.status !== "scheduled" || !issue.publishAt || issue.publishAt > now)
          return false;
        if (isHeld(issue)) return false;
        if (!issue.signedOffAt) {
          holdInTx(tx, { ...issue, publishAt: issue.publishAt }, now);
          return false;
        }
        return publishInTx(tx, issue, null, now);
      },
      { behavior: "immediate" },
    );
    if (done) published.push(id);
  }
  return published;
}
