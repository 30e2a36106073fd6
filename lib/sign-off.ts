// Page and issue sign-off (签发) on the desk: signing a page freezes its layout and its stories'
// text with a snapshot; reopening it (a replate, 改版) needs a reason and shows what changed
// since; the issue is signed once every page is. lib/workflow/page decides, lib/workflow/apply
// writes the page's status, lib/sign-off-rows holds the rows written inside a transaction.
import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { issues, type Page, pageSignOffs, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { type DiffPart, diffWords } from "@/lib/diff";
import type { PageSnapshot } from "@/lib/domain/layout";
import { AppError } from "@/lib/errors";
import { type Actor, can } from "@/lib/permissions";
import {
  assertPageAction,
  completedRounds,
  loadPage,
  pageContext,
  signOffIssueInTx,
  signOffPageInTx,
  takeSnapshot,
  writeIssueSignOff,
} from "@/lib/sign-off-rows";
import { applyTransition } from "@/lib/workflow/apply";
import { availablePageActions, type PageAction, type PageStatus } from "@/lib/workflow/page";

export function signOffPage(
  viewer: Actor,
  input: { pageId: number; expectedVersion?: number },
  now: Date,
): void {
  db().transaction(
    (tx) => {
      const { page, issue } = loadPage(tx, input.pageId);
      if (input.expectedVersion !== undefined && page.version !== input.expectedVersion) {
        throw new AppError("conflict", "page_changed");
      }
      signOffPageInTx(tx, viewer, page, issue, now);
    },
    { behavior: "immediate" },
  );
}

/** Reopen a signed-off page for a replate: a reason, an audit row, and the issue's sign-off back. */
export function reopenPage(
  viewer: Actor,
  input: { pageId: number; reason: string },
  now: Date,
): void {
  const reason = input.reason.trim();
  db().transaction(
    (tx) => {
      const { page, issue } = loadPage(tx, input.pageId);
      const decision = assertPageAction(tx, viewer, page, issue, "reopen", reason);
      applyTransition(tx, { kind: "page", row: page }, decision, viewer, now, {
        issueId: issue.id,
        number: page.number,
      });
      const last = latestSignOff(tx, page.id);
      if (last) {
        tx.update(pageSignOffs)
          .set({ reopenedBy: viewer.id, reopenedAt: now, reopenReason: reason })
          .where(eq(pageSignOffs.id, last.id))
          .run();
      }
      if (issue.signedOffAt) {
        writeIssueSignOff(tx, issue, null, now);
        recordAudit(tx, {
          actorId: viewer.id,
          action: "issue.sign_off_withdrawn",
          subjectType: "issue",
          subjectId: issue.id,
          detail: { pageId: page.id, reason },
          now,
        });
      }
    },
    { behavior: "immediate" },
  );
}

export function signOffIssue(
  viewer: Actor,
  input: { issueId: number; expectedVersion?: number },
  now: Date,
): void {
  db().transaction(
    (tx) => {
      const issue = tx.select().from(issues).where(eq(issues.id, input.issueId)).get();
      if (!issue) throw new AppError("not_found");
      if (input.expectedVersion !== undefined && issue.version !== input.expectedVersion) {
        throw new AppError("conflict", "issue_changed");
      }
      signOffIssueInTx(tx, viewer, issue, now);
    },
    { behavior: "immediate" },
  );
}

function latestSignOff(tx: Tx, pageId: number) {
  return tx
    .select()
    .from(pageSignOffs)
    .where(eq(pageSignOffs.pageId, pageId))
    .orderBy(desc(pageSignOffs.id))
    .limit(1)
    .get();
}

export type LayoutChange =
  | { kind: "added"; storyId: number; headline: string; slot: string }
  | { kind: "removed"; storyId: number; headline: string; slot: string }
  | { kind: "moved"; storyId: number; headline: string; from: number; to: number }
  | { kind: "slot"; storyId: number; headline: string; from: string; to: string };

export type PageDiff = {
  page: { field: "name" | "banner" | "number"; before: string; after: string }[];
  layout: LayoutChange[];
  stories: {
    storyId: number;
    headline: string;
    fromVersion: number;
    toVersion: number;
    parts: DiffPart[];
  }[];
};

const storyText = (
  s: Pick<PageSnapshot["stories"][number], "kicker" | "headline" | "subheadline" | "bodyText">,
) => [s.kicker, s.headline, s.subheadline, s.bodyText].filter(Boolean).join("\n");

/** What changed on the page since the snapshot: page fields, layout, and each story's text. */
export function diffSinceSignOff(tx: Tx, page: Page, snapshot: PageSnapshot): PageDiff {
  const now = takeSnapshot(tx, page);
  const pageChanges: PageDiff["page"] = [];
  for (const field of ["number", "name", "banner"] as const) {
    const before = String(snapshot.page[field] ?? "");
    const after = String(now.page[field] ?? "");
    if (before !== after) pageChanges.push({ field, before, after });
  }
  const beforeStories = new Map(snapshot.stories.map((s) => [s.id, s]));
  const afterStories = new Map(now.stories.map((s) => [s.id, s]));
  const headlineOf = (id: number) =>
    afterStories.get(id)?.headline ?? beforeStories.get(id)?.headline ?? "";
  const layout: LayoutChange[] = [];
  const beforeIds = snapshot.placements.map((p) => p.storyId);
  const afterIds = now.placements.map((p) => p.storyId);
  for (const p of now.placements) {
    if (!beforeIds.includes(p.storyId)) {
      layout.push({
        kind: "added",
        storyId: p.storyId,
        headline: headlineOf(p.storyId),
        slot: p.slot,
      });
    }
  }
  for (const p of snapshot.placements) {
    if (!afterIds.includes(p.storyId)) {
      layout.push({
        kind: "removed",
        storyId: p.storyId,
        headline: headlineOf(p.storyId),
        slot: p.slot,
      });
    }
  }
  // Order compared among the stories on the page both times: 1-based places.
  const kept = (ids: number[]) =>
    ids.filter((id) => beforeIds.includes(id) && afterIds.includes(id));
  const keptBefore = kept(beforeIds);
  const keptAfter = kept(afterIds);
  keptAfter.forEach((id, to) => {
    const from = keptBefore.indexOf(id);
    if (from !== to)
      layout.push({
        kind: "moved",
        storyId: id,
        headline: headlineOf(id),
        from: from + 1,
        to: to + 1,
      });
  });
  for (const p of now.placements) {
    const before = snapshot.placements.find((b) => b.storyId === p.storyId);
    if (before && before.slot !== p.slot) {
      layout.push({
        kind: "slot",
        storyId: p.storyId,
        headline: headlineOf(p.storyId),
        from: before.slot,
        to: p.slot,
      });
    }
  }
  const storyDiffs: PageDiff["stories"] = [];
  for (const after of now.stories) {
    const before = beforeStories.get(after.id);
    if (!before) continue;
    const a = storyText(before);
    const b = storyText(after);
    if (a === b) continue;
    storyDiffs.push({
      storyId: after.id,
      headline: after.headline,
      fromVersion: before.version,
      toVersion: after.version,
      parts: diffWords(a, b),
    });
  }
  return { page: pageChanges, layout, stories: storyDiffs };
}

export type PageSignOffState = {
  pageId: number;
  status: PageStatus;
  version: number;
  rounds: {
    required: number;
    done: { round: number; proofreaderName: string; completedAt: number }[];
  };
  openMarks: number;
  storyCount: number;
  actions: PageAction[];
  lastSignOff: {
    signedOffByName: string | null;
    signedOffAt: number;
    reopenedByName: string | null;
    reopenedAt: number | null;
    reopenReason: string | null;
  } | null;
  /** What changed since the last sign-off, while the page is reopened. */
  diff: PageDiff | null;
};

/** The sign-off panel of the layout desk for one page. */
export function getPageSignOffState(viewer: Actor, pageId: number): PageSignOffState {
  if (!can(viewer, "issue:plan") && !can(viewer, "page:proofread")) throw new AppError("forbidden");
  const tx = db();
  const { page } = loadPage(tx, pageId);
  const ctx = pageContext(tx, viewer, page);
  const done = completedRounds(tx, page.id);
  const last = latestSignOff(tx, page.id);
  const names = (ids: (number | null)[]) => {
    const wanted = ids.filter((id): id is number => id !== null);
    if (wanted.length === 0) return new Map<number, string>();
    return new Map(
      tx
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, wanted))
        .all()
        .map((u) => [u.id, u.name]),
    );
  };
  const people = last ? names([last.signedOffBy, last.reopenedBy]) : new Map<number, string>();
  return {
    pageId: page.id,
    status: page.status,
    version: page.version,
    rounds: {
      required: ctx.rounds.required,
      done: done.map((d) => ({ ...d, completedAt: d.completedAt.getTime() })),
    },
    openMarks: ctx.openMarks,
    storyCount: ctx.storyCount,
    actions: availablePageActions(ctx, page),
    lastSignOff: last
      ? {
          signedOffByName: last.signedOffBy ? (people.get(last.signedOffBy) ?? null) : null,
          signedOffAt: last.signedOffAt.getTime(),
          reopenedByName: last.reopenedBy ? (people.get(last.reopenedBy) ?? null) : null,
          reopenedAt: last.reopenedAt?.getTime() ?? null,
          reopenReason: last.reopenReason,
        }
      : null,
    diff: page.status === "reopened" && last ? diffSinceSignOff(tx, page, last.snapshot) : null,
  };
}
