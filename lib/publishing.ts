// Publishing: issues go live now or at a scheduled moment, come down with a reason, and
// published stories are corrected in public. Every step is one transaction with audit rows.
import "server-only";
import { and, eq, inArray, lte } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { type Issue, issues, stories, storyCorrections, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications";
import { type Actor, can, ROLE_PERMISSIONS, ROLES } from "@/lib/permissions";
import { moveIssueStories, publishIssueInTx } from "@/lib/publish-rows";
import { prepareBody } from "@/lib/story-body";
import type { StoryFields } from "@/lib/story-input";
import { syncStoryPhotos } from "@/lib/story-photos";
import { insertRevision } from "@/lib/story-revisions";
import { allowed, applyTransition } from "@/lib/workflow/apply";
import { storyContext, storyState } from "@/lib/workflow/context";
import { decideIssue } from "@/lib/workflow/issue";
import { decideStory } from "@/lib/workflow/story";

function loadIssue(tx: Tx, issueId: number): Issue {
  const issue = tx.select().from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) throw new AppError("not_found");
  return issue;
}

export function publishIssueNow(
  viewer: Actor,
  input: { issueId: number; expectedVersion?: number },
  now: Date,
): void {
  if (!can(viewer, "issue:publish")) throw new AppError("forbidden");
  db().transaction(
    (tx) => {
      const issue = loadIssue(tx, input.issueId);
      if (input.expectedVersion !== undefined && issue.version !== input.expectedVersion) {
        throw new AppError("conflict", "issue_changed");
      }
      if (issue.status === "published") throw new AppError("invalid_input", "issue_published");
      publishIssueInTx(tx, issue, viewer, now);
    },
    { behavior: "immediate" },
  );
}

export function scheduleIssue(
  viewer: Actor,
  input: { issueId: number; publishAt: Date },
  now: Date,
): void {
  if (!can(viewer, "issue:publish")) throw new AppError("forbidden");
  db().transaction(
    (tx) => {
      const issue = loadIssue(tx, input.issueId);
      if (issue.status === "published") throw new AppError("invalid_input", "issue_published");
      const decision = decideIssue({ viewer, now }, issue, "schedule", {
        publishAt: input.publishAt,
      });
      if (!decision.ok && decision.refusal === "schedule_in_past") {
        throw new AppError("invalid_input", "schedule_in_past", {
          publishAt: ["schedule_in_past"],
        });
      }
      applyTransition(tx, { kind: "issue", row: issue }, allowed(decision), viewer, now);
    },
    { behavior: "immediate" },
  );
}

export function cancelSchedule(viewer: Actor, input: { issueId: number }, now: Date): void {
  db().transaction(
    (tx) => {
      const issue = loadIssue(tx, input.issueId);
      const decision = allowed(decideIssue({ viewer, now }, issue, "unschedule"));
      applyTransition(tx, { kind: "issue", row: issue }, decision, viewer, now);
    },
    { behavior: "immediate" },
  );
}

/** Take an issue down: it and every story on it leave every public place, each with a revision. */
export function unpublishIssue(
  viewer: Actor,
  input: { issueId: number; reason: string },
  now: Date,
): void {
  if (!can(viewer, "issue:publish")) throw new AppError("forbidden");
  const reason = input.reason.trim();
  if (!reason) throw new AppError("invalid_input", "note_required", { reason: ["note_required"] });
  db().transaction(
    (tx) => {
      const issue = loadIssue(tx, input.issueId);
      const decision = allowed(decideIssue({ viewer, now }, issue, "unpublish", { note: reason }));
      const count = moveIssueStories(tx, issue, viewer, { published: "unpublish" }, reason, now);
      applyTransition(tx, { kind: "issue", row: issue }, decision, viewer, now, { stories: count });
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
  const note = input.note.trim();
  if (!note) throw new AppError("invalid_input", "note_required", { note: ["note_required"] });
  const prepared = prepareBody(input.fields.body);
  return db().transaction(
    (tx) => {
      const story = tx.select().from(stories).where(eq(stories.id, input.storyId)).get();
      if (!story) throw new AppError("not_found");
      // The text changes, the state does not: the engine still decides whether it may.
      allowed(
        decideStory(storyContext(tx, viewer, "desk"), storyState(tx, story), "correct", note),
      );
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
 * A due issue that is not signed off stays unpublished (decideIssue refuses `not_signed_off`).
 * The clock says so once per due time: it records the hold on the issue (the layout desk shows
 * it), writes an audit row and tells every duty editor in their inbox. The hold lasts until
 * someone reschedules or publishes now.
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
  notifyUsers(
    tx,
    editors.map((editor) => editor.id),
    { kind: "issue_held", note: issue.date, now },
  );
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

/** Held at this very due time already: said once, and not published by the clock. */
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
        if (!issue || isHeld(issue)) return false;
        if (issue.status === "scheduled" && issue.publishAt && !issue.signedOffAt) {
          holdInTx(tx, { ...issue, publishAt: issue.publishAt }, now);
          return false;
        }
        return publishIssueInTx(tx, issue, null, now);
      },
      { behavior: "immediate" },
    );
    if (done) published.push(id);
  }
  return published;
}
