// Page and issue sign-off (签发): signing a page freezes its layout and its stories' text with a
// snapshot; reopening it (a replate, 改版) needs a reason and shows what changed since; the issue
// is signed once every page is. lib/workflow/page decides; writePageStatus is the one writer.
import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import {
  type Issue,
  issues,
  type Page,
  type PageSnapshot,
  pageSignOffs,
  pages,
  placements,
  proofMarks,
  proofRounds,
  stories,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { type DiffPart, diffWords } from "@/lib/diff";
import { AppError } from "@/lib/errors";
import { can, type Role } from "@/lib/permissions";
import { getSettings } from "@/lib/settings";
import {
  availablePageActions,
  decideIssueSignOff,
  decidePage,
  type PageAction,
  type PageContext,
  type PageStatus,
} from "@/lib/workflow/page";

type Actor = { id: number; role: Role };

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

/** Everything decidePage needs to know about a page besides its state. */
export function pageContext(tx: Tx, viewer: Actor, page: Page, note?: string | null): PageContext {
  const placed = tx
    .select({ storyId: placements.storyId })
    .from(placements)
    .where(eq(placements.pageId, page.id))
    .all()
    .map((p) => p.storyId);
  const done =
    tx.select({ n: count() }).from(proofRounds).where(eq(proofRounds.pageId, page.id)).get()?.n ??
    0;
  const openMarks = placed.length
    ? (tx
        .select({ n: count() })
        .from(proofMarks)
        .where(and(inArray(proofMarks.storyId, placed), eq(proofMarks.state, "open")))
        .get()?.n ?? 0)
    : 0;
  return {
    viewer,
    rounds: { required: getSettings().proofRounds, done },
    openMarks,
    storyCount: placed.length,
    note,
  };
}

const REFUSAL_CODES = {
  forbidden: "forbidden",
  invalid_transition: "invalid_transition",
  page_signed_off: "conflict",
  note_required: "invalid_input",
  rounds_incomplete: "invalid_transition",
  rounds_complete: "invalid_transition",
  marks_open: "invalid_transition",
  page_empty: "invalid_transition",
} as const;

/** Decide `action` on the page, throwing the typed refusal as an AppError when it is refused. */
export function assertPageAction(
  tx: Tx,
  viewer: Actor,
  page: Page,
  issue: Issue,
  action: PageAction,
  note?: string | null,
): PageStatus {
  if (issue.status === "published") throw new AppError("invalid_input", "issue_published");
  const decision = decidePage(pageContext(tx, viewer, page, note), page, action);
  if (decision.ok) return decision.to;
  const { refusal } = decision;
  const field = refusal === "note_required" ? { reason: ["note_required"] } : undefined;
  throw new AppError(
    REFUSAL_CODES[refusal],
    refusal === "forbidden" ? "forbidden" : refusal,
    field,
  );
}

/**
 * The one writer of a page's status: compare-and-set on (status, version), so two desks acting
 * on one page move it once. The caller writes the audit row in the same transaction.
 */
function writePageStatus(tx: Tx, page: Page, to: PageStatus, now: Date): Page {
  const moved = tx
    .update(pages)
    .set({ status: to, version: page.version + 1, updatedAt: now })
    .where(
      and(eq(pages.id, page.id), eq(pages.status, page.status), eq(pages.version, page.version)),
    )
    .returning()
    .get();
  if (!moved) throw new AppError("conflict", "page_changed");
  return moved;
}

/** The issue's sign-off moves with the same compare-and-set on its version. */
function writeIssueSignOff(
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

function takeSnapshot(tx: Tx, page: Page): PageSnapshot {
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
      const to = assertPageAction(tx, viewer, page, issue, "sign_off");
      writePageStatus(tx, page, to, now);
      const snapshot = takeSnapshot(tx, page);
      tx.insert(pageSignOffs)
        .values({ pageId: page.id, signedOffBy: viewer.id, signedOffAt: now, snapshot })
        .run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "page.sign_off",
        subjectType: "page",
        subjectId: page.id,
        fromState: page.status,
        toState: to,
        detail: {
          issueId: issue.id,
          number: page.number,
          stories: snapshot.stories.map((s) => ({ id: s.id, version: s.version })),
        },
        now,
      });
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
      const to = assertPageAction(tx, viewer, page, issue, "reopen", reason);
      writePageStatus(tx, page, to, now);
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
      recordAudit(tx, {
        actorId: viewer.id,
        action: "page.reopen",
        subjectType: "page",
        subjectId: page.id,
        fromState: page.status,
        toState: to,
        detail: { issueId: issue.id, number: page.number, reason },
        now,
      });
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
      const statuses = tx
        .select({ status: pages.status })
        .from(pages)
        .where(eq(pages.issueId, issue.id))
        .all()
        .map((p) => p.status);
      const decision = decideIssueSignOff(
        viewer,
        { status: issue.status, isSignedOff: issue.signedOffAt !== null },
        statuses,
      );
      if (!decision.ok) {
        if (decision.refusal === "forbidden") throw new AppError("forbidden");
        if (decision.refusal === "pages_not_signed_off") {
          throw new AppError("invalid_transition", "pages_not_signed_off");
        }
        throw new AppError("invalid_transition");
      }
      writeIssueSignOff(tx, issue, { by: viewer.id, at: now }, now);
      recordAudit(tx, {
        actorId: viewer.id,
        action: "issue.sign_off",
        subjectType: "issue",
        subjectId: issue.id,
        detail: { date: issue.date, pages: statuses.length },
        now,
      });
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
  const done = tx
    .select({
      round: proofRounds.round,
      proofreaderName: users.displayName,
      completedAt: proofRounds.completedAt,
    })
    .from(proofRounds)
    .innerJoin(users, eq(proofRounds.proofreaderId, users.id))
    .where(eq(proofRounds.pageId, page.id))
    .orderBy(asc(proofRounds.round))
    .all();
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
