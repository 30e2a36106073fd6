// The rows of a sign-off (签发) inside the caller's transaction: the page's context for the
// engine, the snapshot it freezes, and the issue's own sign-off. No server-only: the seed signs
// the demo issue off with it. lib/sign-off holds the desk's entry points.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  type Issue,
  issues,
  type Page,
  pageSignOffs,
  pages,
  placements,
  proofMarks,
  proofRounds,
  stories,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { PageSnapshot } from "@/lib/domain/layout";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { getFullSettings } from "@/lib/settings";
import { allowed, applyTransition } from "@/lib/workflow/apply";
import {
  decideIssueSignOff,
  decidePage,
  type PageAction,
  type PageContext,
  type PageDecision,
} from "@/lib/workflow/page";

export function loadPage(tx: Tx, pageId: number): { page: Page; issue: Issue } {
  const row = tx
    .select({ page: pages, issue: issues })
    .from(pages)
    .innerJoin(issues, eq(pages.issueId, issues.id))
    .where(eq(pages.id, pageId))
    .get();
  if (!row) throw new AppError("not_found");
  return row;
}

/** How far a page is: its stories, the proof rounds completed and the marks still open. */
export function pageProgress(
  tx: Tx,
  pageId: number,
): { storyCount: number; roundsDone: number; openMarks: number } {
  const placed = tx
    .select({ storyId: placements.storyId })
    .from(placements)
    .where(eq(placements.pageId, pageId))
    .all()
    .map((p) => p.storyId);
  const roundsDone =
    tx.select({ n: count() }).from(proofRounds).where(eq(proofRounds.pageId, pageId)).get()?.n ?? 0;
  const openMarks = placed.length
    ? (tx
        .select({ n: count() })
        .from(proofMarks)
        .where(and(inArray(proofMarks.storyId, placed), eq(proofMarks.state, "open")))
        .get()?.n ?? 0)
    : 0;
  return { storyCount: placed.length, roundsDone, openMarks };
}

/** The proof rounds completed on a page, in order, with who completed each. */
export function completedRounds(tx: Tx, pageId: number) {
  return tx
    .select({
      round: proofRounds.round,
      proofreaderName: users.displayName,
      completedAt: proofRounds.completedAt,
    })
    .from(proofRounds)
    .innerJoin(users, eq(proofRounds.proofreaderId, users.id))
    .where(eq(proofRounds.pageId, pageId))
    .orderBy(asc(proofRounds.round))
    .all();
}

/** Everything decidePage needs to know about a page besides its state. */
export function pageContext(tx: Tx, viewer: Actor, page: Page, note?: string | null): PageContext {
  const { storyCount, roundsDone, openMarks } = pageProgress(tx, page.id);
  return {
    viewer,
    rounds: { required: getFullSettings().proofRounds, done: roundsDone },
    openMarks,
    storyCount,
    note,
  };
}

/** Decide `action` on the page; a refusal is thrown as its typed AppError. */
export function assertPageAction(
  tx: Tx,
  viewer: Actor,
  page: Page,
  issue: Issue,
  action: PageAction,
  note?: string | null,
): PageDecision {
  if (issue.status === "published") throw new AppError("invalid_input", "issue_published");
  const decision = decidePage(pageContext(tx, viewer, page, note), page, action);
  if (!decision.ok && decision.refusal === "note_required") {
    throw new AppError("invalid_input", "note_required", { reason: ["note_required"] });
  }
  return allowed(decision);
}

/** The issue's sign-off moves with the same compare-and-set on its version. */
export function writeIssueSignOff(
  tx: Tx,
  issue: Issue,
  signedOff: { by: number; at: Date } | null,
  now: Date,
): void {
  const moved = tx
    .update(issues)
    .set({
      signedOffAt: signedOff?.at ?? null,
      signedOffBy: signedOff?.by ?? null,
      version: issue.version + 1,
      updatedAt: now,
    })
    .where(and(eq(issues.id, issue.id), eq(issues.version, issue.version)))
    .returning({ id: issues.id })
    .get();
  if (!moved) throw new AppError("conflict", "issue_changed");
}

export function takeSnapshot(tx: Tx, page: Page): PageSnapshot {
  const placed = tx
    .select({
      storyId: placements.storyId,
      position: placements.position,
      slot: placements.slot,
      version: stories.version,
      kicker: stories.kicker,
      headline: stories.headline,
      subheadline: stories.subheadline,
      bodyText: stories.bodyText,
    })
    .from(placements)
    .innerJoin(stories, eq(placements.storyId, stories.id))
    .where(eq(placements.pageId, page.id))
    .orderBy(asc(placements.position))
    .all();
  return {
    page: { number: page.number, name: page.name, banner: page.banner },
    placements: placed.map((p) => ({ storyId: p.storyId, position: p.position, slot: p.slot })),
    stories: placed.map((p) => ({
      id: p.storyId,
      version: p.version,
      kicker: p.kicker,
      headline: p.headline,
      subheadline: p.subheadline,
      bodyText: p.bodyText,
    })),
  };
}

/** Sign a page off inside the caller's transaction (the decision is the engine's). */
export function signOffPageInTx(tx: Tx, viewer: Actor, page: Page, issue: Issue, now: Date): void {
  const decision = assertPageAction(tx, viewer, page, issue, "sign_off");
  const snapshot = takeSnapshot(tx, page);
  applyTransition(tx, { kind: "page", row: page }, decision, viewer, now, {
    issueId: issue.id,
    number: page.number,
    stories: snapshot.stories.map((s) => ({ id: s.id, version: s.version })),
  });
  tx.insert(pageSignOffs)
    .values({ pageId: page.id, signedOffBy: viewer.id, signedOffAt: now, snapshot })
    .run();
}

/** Sign the issue off inside the caller's transaction, once every page is signed off. */
export function signOffIssueInTx(tx: Tx, viewer: Actor, issue: Issue, now: Date): void {
  const statuses = tx
    .select({ status: pages.status })
    .from(pages)
    .where(eq(pages.issueId, issue.id))
    .all()
    .map((p) => p.status);
  allowed(
    decideIssueSignOff(
      viewer,
      { status: issue.status, isSignedOff: issue.signedOffAt !== null },
      statuses,
    ),
  );
  writeIssueSignOff(tx, issue, { by: viewer.id, at: now }, now);
  recordAudit(tx, {
    actorId: viewer.id,
    action: "issue.sign_off",
    subjectType: "issue",
    subjectId: issue.id,
    detail: { date: issue.date, pages: statuses.length },
    now,
  });
}
