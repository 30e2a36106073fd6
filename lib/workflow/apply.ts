// The one writer of workflow state: applies an engine decision inside the caller's transaction,
// compare-and-set on (status, version), with the revision, the audit row and the next holder told.
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  type Issue,
  issues,
  type Page,
  pages,
  type Story,
  stories,
  storyReviewPasses,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { addStepComment } from "@/lib/comments";
import { AppError } from "@/lib/errors";
import { type NotificationKind, notifyUsers } from "@/lib/notifications";
import type { Actor } from "@/lib/permissions";
import { insertRevision } from "@/lib/story-revisions";
import { levelHolders } from "@/lib/workflow/holders";
import type { IssueDecision } from "@/lib/workflow/issue";
import type { PageDecision } from "@/lib/workflow/page";
import { REFUSALS, type Refusal } from "@/lib/workflow/refusals";
import type { StoryDecision } from "@/lib/workflow/story";

export type Subject =
  | { kind: "story"; row: Story }
  | { kind: "issue"; row: Issue }
  | { kind: "page"; row: Page };
/** Who acted; null when the system did (the publishing clock). */
type ChangedBy = Pick<Actor, "id"> | null;

/** A refusal as the AppError every caller throws, with its message key. */
export function refusalError(refusal: Refusal): AppError {
  const { code, messageKey } = REFUSALS[refusal.refusal];
  if (refusal.refusal === "note_required") {
    return new AppError(code, messageKey, { note: ["note_required"] });
  }
  return new AppError(code, messageKey);
}

/** The decision, or the refusal thrown as an AppError. */
export function allowed<D extends { ok: true }>(decision: D | Refusal): D {
  if (!decision.ok) throw refusalError(decision);
  return decision;
}

/** Tell the story's next holder: the passers of the level it now waits at, or its author. */
function notifyNextHolder(
  tx: Tx,
  before: Story,
  after: Story,
  d: StoryDecision,
  actor: ChangedBy,
  now: Date,
) {
  if (d.to === "submitted" && after.reviewPasser) {
    notifyUsers(tx, levelHolders(tx, after.deskId, after.reviewPasser), {
      // Filed, or passed on from the level before.
      kind: d.action === "submit" ? "submitted" : "waiting",
      storyId: after.id,
      actorId: actor?.id ?? null,
      now,
    });
    return;
  }
  const toAuthor: Partial<Record<string, NotificationKind>> = {
    returned: "return",
    approved: "approve",
    spiked: "spike",
  };
  const kind = toAuthor[d.to];
  if (kind && d.action !== "admit") {
    notifyUsers(tx, [before.authorId], {
      kind,
      storyId: after.id,
      actorId: actor?.id ?? null,
      note: d.note,
      now,
    });
  }
}

function applyStory(
  tx: Tx,
  row: Story,
  d: StoryDecision,
  actor: ChangedBy,
  now: Date,
  detail: Record<string, unknown>,
): Story {
  const updated = tx
    .update(stories)
    .set({
      status: d.to,
      version: row.version + 1,
      updatedAt: now,
      reviewLevel: d.reviewLevel,
      reviewLevels: d.reviewLevels ? [...d.reviewLevels] : null,
      reviewPasser: d.reviewPasser,
      ...(d.startsRound ? { reviewRound: row.reviewRound + 1, submittedAt: now } : {}),
      ...(d.to === "published" && d.from !== "published" ? { publishedAt: now } : {}),
    })
    .where(
      and(eq(stories.id, row.id), eq(stories.status, row.status), eq(stories.version, row.version)),
    )
    .returning()
    .get();
  if (!updated) throw new AppError("conflict", "status_changed");
  if (d.passedLevel !== null && actor) {
    tx.insert(storyReviewPasses)
      .values({
        storyId: row.id,
        round: row.reviewRound,
        level: d.passedLevel,
        userId: actor.id,
        version: row.version,
        createdAt: now,
      })
      .run();
  }
  insertRevision(tx, updated, d.action, actor?.id ?? null, now);
  if (d.note && actor && (d.action === "return" || d.action === "spike")) {
    addStepComment(tx, { storyId: row.id, authorId: actor.id, body: d.note, now });
  }
  recordAudit(tx, {
    actorId: actor?.id ?? null,
    action: `story.${d.action}`,
    subjectType: "story",
    subjectId: row.id,
    fromState: d.from,
    toState: d.to,
    detail: {
      ...(d.note ? { note: d.note } : {}),
      ...(d.passedLevel !== null
        ? { level: d.passedLevel, levels: d.reviewLevels?.length ?? null, version: row.version }
        : {}),
      ...detail,
    },
    now,
  });
  notifyNextHolder(tx, row, updated, d, actor, now);
  return updated;
}

function applyIssue(
  tx: Tx,
  row: Issue,
  d: IssueDecision,
  actor: ChangedBy,
  now: Date,
  detail: Record<string, unknown>,
): Issue {
  const updated = tx
    .update(issues)
    .set({ status: d.to, ...d.fields, version: row.version + 1, updatedAt: now })
    .where(
      and(eq(issues.id, row.id), eq(issues.status, row.status), eq(issues.version, row.version)),
    )
    .returning()
    .get();
  if (!updated) throw new AppError("conflict", "issue_changed");
  const action = d.action === "schedule" && d.from === "scheduled" ? "reschedule" : d.action;
  recordAudit(tx, {
    actorId: actor?.id ?? null,
    action: `issue.${action}`,
    subjectType: "issue",
    subjectId: row.id,
    fromState: d.from,
    toState: d.to,
    detail: {
      ...(d.note ? { reason: d.note } : {}),
      ...(d.fields.publishAt ? { publishAt: d.fields.publishAt.toISOString() } : {}),
      ...detail,
    },
    now,
  });
  return updated;
}

function applyPage(
  tx: Tx,
  row: Page,
  d: PageDecision,
  actor: ChangedBy,
  now: Date,
  detail: Record<string, unknown>,
): Page {
  const updated = tx
    .update(pages)
    .set({ status: d.to, version: row.version + 1, updatedAt: now })
    .where(and(eq(pages.id, row.id), eq(pages.status, row.status), eq(pages.version, row.version)))
    .returning()
    .get();
  if (!updated) throw new AppError("conflict", "page_changed");
  recordAudit(tx, {
    actorId: actor?.id ?? null,
    action: `page.${d.action}`,
    subjectType: "page",
    subjectId: row.id,
    fromState: d.from,
    toState: d.to,
    detail: { ...(d.note ? { reason: d.note } : {}), ...detail },
    now,
  });
  return updated;
}

/**
 * Write one decided step: the state moves only if the row is still at the status and version the
 * decision was made on (else `conflict`), and the revision, the audit row and the notification
 * of the next holder are written in the same transaction. Nothing else writes a status column.
 */
export function applyTransition(
  tx: Tx,
  subject: { kind: "story"; row: Story },
  decision: StoryDecision,
  actor: ChangedBy,
  now: Date,
  detail?: Record<string, unknown>,
): Story;
export function applyTransition(
  tx: Tx,
  subject: { kind: "issue"; row: Issue },
  decision: IssueDecision,
  actor: ChangedBy,
  now: Date,
  detail?: Record<string, unknown>,
): Issue;
export function applyTransition(
  tx: Tx,
  subject: { kind: "page"; row: Page },
  decision: PageDecision,
  actor: ChangedBy,
  now: Date,
  detail?: Record<string, unknown>,
): Page;
export function applyTransition(
  tx: Tx,
  subject: Subject,
  decision: StoryDecision | IssueDecision | PageDecision,
  actor: ChangedBy,
  now: Date,
  detail: Record<string, unknown> = {},
): Story | Issue | Page {
  if (subject.kind === "page" && decision.kind === "page") {
    return applyPage(tx, subject.row, decision, actor, now, detail);
  }
  if (subject.kind === "story" && decision.kind === "story") {
    return applyStory(tx, subject.row, decision, actor, now, detail);
  }
  if (subject.kind === "issue" && decision.kind === "issue") {
    return applyIssue(tx, subject.row, decision, actor, now, detail);
  }
  throw new Error("a decision applies only to its own kind of subject");
}
