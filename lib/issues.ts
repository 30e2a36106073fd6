// Issues (期) and their pages (版) and placements: planning and laying out the paper.
import "server-only";
import { and, asc, desc, eq, inArray, lt, max, notInArray, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { desks, type Issue, issues, pages, placements, stories, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { isIssueDate } from "@/lib/dates";
import type { PlacementSlot } from "@/lib/domain/layout";
import { AppError } from "@/lib/errors";
import { assertLayoutOpen, insertIssue, recordLayoutChange } from "@/lib/issue-rows";
import { assertPageLayoutOpen } from "@/lib/page-freeze";
import { getPagePreview, type PageView } from "@/lib/paper";
import { type Actor, can } from "@/lib/permissions";
import type { PageStatus } from "@/lib/workflow/page";

const TEMPORARY_PAGE_NUMBER = 1_000_000;

function assertMayPlan(viewer: Actor): void {
  if (!can(viewer, "issue:plan")) throw new AppError("forbidden");
}

function loadIssue(tx: Tx, issueId: number): Issue {
  const issue = tx.select().from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) throw new AppError("not_found");
  return issue;
}

function loadPageWithIssue(tx: Tx, pageId: number) {
  const row = tx
    .select({ page: pages, issue: issues })
    .from(pages)
    .innerJoin(issues, eq(pages.issueId, issues.id))
    .where(eq(pages.id, pageId))
    .get();
  if (!row) throw new AppError("not_found");
  return row;
}

/** The issue, if its layout may still change (before it is published). */
function loadOpenIssue(tx: Tx, issueId: number): Issue {
  const issue = loadIssue(tx, issueId);
  assertLayoutOpen(issue);
  return issue;
}

/** The page, if its layout may change: its issue is not published and it is not signed off. */
function loadOpenPage(tx: Tx, pageId: number) {
  const loaded = loadPageWithIssue(tx, pageId);
  assertLayoutOpen(loaded.issue);
  assertPageLayoutOpen(loaded.page);
  return loaded;
}

/** A signed-off issue gains no page; reopening one of its pages first takes its sign-off back. */
function assertIssueNotSignedOff(issue: Issue): void {
  if (issue.signedOffAt) throw new AppError("conflict", "issue_signed_off");
}

export type IssueSummary = Pick<Issue, "id" | "date" | "number" | "status"> & {
  publishAt: number | null;
  publishedAt: number | null;
  pageCount: number;
  storyCount: number;
};

export function listIssues(viewer: Actor, limit = 60): IssueSummary[] {
  assertMayPlan(viewer);
  const rows = db()
    .select({
      id: issues.id,
      date: issues.date,
      number: issues.number,
      status: issues.status,
      publishAt: issues.publishAt,
      publishedAt: issues.publishedAt,
      // Written out in full: inside a subquery drizzle would render the column as a bare "id".
      pageCount: sql<number>`(SELECT count(*) FROM pages p WHERE p.issue_id = "issues"."id")`,
      storyCount: sql<number>`(SELECT count(*) FROM placements pl JOIN pages p ON pl.page_id = p.id WHERE p.issue_id = "issues"."id")`,
    })
    .from(issues)
    .orderBy(desc(issues.date))
    .limit(limit)
    .all();
  return rows.map((r) => ({
    ...r,
    publishAt: r.publishAt?.getTime() ?? null,
    publishedAt: r.publishedAt?.getTime() ?? null,
  }));
}

/** The number an issue of this date would get: the previous issue's number + 1. */
export function suggestIssueNumber(date: string): number {
  const previous = db()
    .select({ number: issues.number })
    .from(issues)
    .where(lt(issues.date, date))
    .orderBy(desc(issues.date))
    .limit(1)
    .get();
  return (previous?.number ?? 0) + 1;
}

export function createIssue(
  viewer: Actor,
  input: { date: string; number?: number | null },
  now: Date,
): { id: number } {
  assertMayPlan(viewer);
  if (!isIssueDate(input.date))
    throw new AppError("invalid_input", "date_invalid", { date: ["date_invalid"] });
  return db().transaction(
    (tx) => {
      if (tx.select({ id: issues.id }).from(issues).where(eq(issues.date, input.date)).get()) {
        throw new AppError("invalid_input", "issue_exists", { date: ["issue_exists"] });
      }
      const number = input.number ?? suggestIssueNumber(input.date);
      return { id: insertIssue(tx, { date: input.date, number }, viewer.id, now).id };
    },
    { behavior: "immediate" },
  );
}

export function updateIssueNumber(
  viewer: Actor,
  input: { issueId: number; number: number },
  now: Date,
): void {
  assertMayPlan(viewer);
  db().transaction(
    (tx) => {
      const issue = loadOpenIssue(tx, input.issueId);
      tx.update(issues)
        .set({ number: input.number, version: issue.version + 1, updatedAt: now })
        .where(eq(issues.id, issue.id))
        .run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "issue.number",
        subjectType: "issue",
        subjectId: issue.id,
        fromState: String(issue.number),
        toState: String(input.number),
        now,
      });
    },
    { behavior: "immediate" },
  );
}

/** A page's fields; `deskId` left out keeps the page's desk (none for a new page). */
export type PageInput = {
  name: string;
  banner: string | null;
  editorId: number | null;
  deskId?: number | null;
};

function assertEditorExists(tx: Tx, editorId: number | null): void {
  if (editorId === null) return;
  const user = tx.select({ role: users.role }).from(users).where(eq(users.id, editorId)).get();
  if (!user || !can(user, "issue:plan"))
    throw new AppError("invalid_input", "editor_invalid", { editorId: ["editor_invalid"] });
}

function assertDeskExists(tx: Tx, deskId: number | null | undefined): void {
  if (deskId === null || deskId === undefined) return;
  if (!tx.select({ id: desks.id }).from(desks).where(eq(desks.id, deskId)).get())
    throw new AppError("invalid_input", "desk_invalid", { deskId: ["desk_invalid"] });
}

export function addPage(
  viewer: Actor,
  input: { issueId: number } & PageInput,
  now: Date,
): { id: number } {
  assertMayPlan(viewer);
  return db().transaction(
    (tx) => {
      const issue = loadOpenIssue(tx, input.issueId);
      assertIssueNotSignedOff(issue);
      assertEditorExists(tx, input.editorId);
      assertDeskExists(tx, input.deskId);
      const last = tx
        .select({ n: max(pages.number) })
        .from(pages)
        .where(eq(pages.issueId, issue.id))
        .get();
      const page = tx
        .insert(pages)
        .values({
          issueId: issue.id,
          number: (last?.n ?? 0) + 1,
          name: input.name,
          banner: input.banner,
          editorId: input.editorId,
          deskId: input.deskId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      recordLayoutChange(tx, issue, {
        actorId: viewer.id,
        action: "page.add",
        subjectType: "page",
        subjectId: page.id,
        detail: { issueId: issue.id, number: page.number, name: page.name, deskId: page.deskId },
        now,
      });
      return { id: page.id };
    },
    { behavior: "immediate" },
  );
}

/** Rename a page, or change its banner, editor or desk; a signed-off page is frozen. */
export function updatePage(viewer: Actor, input: { pageId: number } & PageInput, now: Date): void {
  assertMayPlan(viewer);
  db().transaction(
    (tx) => {
      const { page, issue } = loadOpenPage(tx, input.pageId);
      assertEditorExists(tx, input.editorId);
      assertDeskExists(tx, input.deskId);
      const deskId = input.deskId === undefined ? page.deskId : input.deskId;
      tx.update(pages)
        .set({
          name: input.name,
          banner: input.banner,
          editorId: input.editorId,
          deskId,
          updatedAt: now,
        })
        .where(eq(pages.id, page.id))
        .run();
      recordLayoutChange(tx, issue, {
        actorId: viewer.id,
        action: "page.update",
        subjectType: "page",
        subjectId: page.id,
        fromState: page.deskId === deskId ? null : String(page.deskId ?? ""),
        toState: page.deskId === deskId ? null : String(deskId ?? ""),
        detail: { name: input.name, banner: input.banner, editorId: input.editorId, deskId },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

/** Renumber an issue's pages in the given order (every page once). */
export function reorderPages(
  viewer: Actor,
  input: { issueId: number; pageIds: number[] },
  now: Date,
): void {
  assertMayPlan(viewer);
  db().transaction(
    (tx) => {
      const issue = loadOpenIssue(tx, input.issueId);
      const current = tx
        .select({ id: pages.id, status: pages.status })
        .from(pages)
        .where(eq(pages.issueId, issue.id))
        .all();
      // A page's number is part of what was signed off.
      for (const page of current) assertPageLayoutOpen(page);
      const ids = new Set(current.map((p) => p.id));
      if (
        input.pageIds.length !== ids.size ||
        !input.pageIds.every((id) => ids.has(id)) ||
        new Set(input.pageIds).size !== ids.size
      ) {
        throw new AppError("conflict", "layout_changed");
      }
      // Two passes, through numbers no page uses, so (issue, number) stays unique at every step.
      input.pageIds.forEach((id, i) => {
        tx.update(pages)
          .set({ number: TEMPORARY_PAGE_NUMBER + i })
          .where(eq(pages.id, id))
          .run();
      });
      input.pageIds.forEach((id, i) => {
        tx.update(pages)
          .set({ number: i + 1, updatedAt: now })
          .where(eq(pages.id, id))
          .run();
      });
      recordLayoutChange(tx, issue, {
        actorId: viewer.id,
        action: "page.reorder",
        subjectType: "issue",
        subjectId: issue.id,
        detail: { pageIds: input.pageIds },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

export function removePage(viewer: Actor, input: { pageId: number }, now: Date): void {
  assertMayPlan(viewer);
  db().transaction(
    (tx) => {
      const { page, issue } = loadOpenPage(tx, input.pageId);
      tx.delete(pages).where(eq(pages.id, page.id)).run();
      const rest = tx
        .select({ id: pages.id })
        .from(pages)
        .where(eq(pages.issueId, issue.id))
        .orderBy(asc(pages.number))
        .all();
      rest.forEach((p, i) => {
        tx.update(pages)
          .set({ number: i + 1 })
          .where(eq(pages.id, p.id))
          .run();
      });
      recordLayoutChange(tx, issue, {
        actorId: viewer.id,
        action: "page.remove",
        subjectType: "page",
        subjectId: page.id,
        detail: { issueId: issue.id, number: page.number, name: page.name },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

export function placeStory(
  viewer: Actor,
  input: { pageId: number; storyId: number; slot: PlacementSlot },
  now: Date,
): void {
  assertMayPlan(viewer);
  db().transaction(
    (tx) => {
      const { page, issue } = loadOpenPage(tx, input.pageId);
      const story = tx
        .select({ id: stories.id, status: stories.status })
        .from(stories)
        .where(eq(stories.id, input.storyId))
        .get();
      if (!story) throw new AppError("not_found");
      if (story.status !== "approved") throw new AppError("invalid_input", "story_not_approved");
      if (
        tx
          .select({ id: placements.id })
          .from(placements)
          .where(eq(placements.storyId, story.id))
          .get()
      ) {
        throw new AppError("conflict", "story_already_placed");
      }
      const last = tx
        .select({ n: max(placements.position) })
        .from(placements)
        .where(eq(placements.pageId, page.id))
        .get();
      tx.insert(placements)
        .values({
          pageId: page.id,
          storyId: story.id,
          position: (last?.n ?? -1) + 1,
          slot: input.slot,
        })
        .run();
      recordLayoutChange(tx, issue, {
        actorId: viewer.id,
        action: "placement.add",
        subjectType: "story",
        subjectId: story.id,
        detail: { issueId: issue.id, page: page.number, slot: input.slot },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

/** Order a page's stories and set their slots (every placed story once). */
export function arrangePage(
  viewer: Actor,
  input: { pageId: number; items: { storyId: number; slot: PlacementSlot }[] },
  now: Date,
): void {
  assertMayPlan(viewer);
  db().transaction(
    (tx) => {
      const { page, issue } = loadOpenPage(tx, input.pageId);
      const current = tx
        .select({ storyId: placements.storyId })
        .from(placements)
        .where(eq(placements.pageId, page.id))
        .all();
      const placed = new Set(current.map((p) => p.storyId));
      const given = input.items.map((i) => i.storyId);
      if (
        given.length !== placed.size ||
        new Set(given).size !== placed.size ||
        !given.every((id) => placed.has(id))
      ) {
        throw new AppError("conflict", "layout_changed");
      }
      input.items.forEach((item, position) => {
        tx.update(placements)
          .set({ position, slot: item.slot })
          .where(and(eq(placements.pageId, page.id), eq(placements.storyId, item.storyId)))
          .run();
      });
      recordLayoutChange(tx, issue, {
        actorId: viewer.id,
        action: "placement.arrange",
        subjectType: "page",
        subjectId: page.id,
        detail: { items: input.items },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

export function removePlacement(
  viewer: Actor,
  input: { pageId: number; storyId: number },
  now: Date,
): void {
  assertMayPlan(viewer);
  db().transaction(
    (tx) => {
      const { page, issue } = loadOpenPage(tx, input.pageId);
      const removed = tx
        .delete(placements)
        .where(and(eq(placements.pageId, page.id), eq(placements.storyId, input.storyId)))
        .returning({ id: placements.id })
        .get();
      if (!removed) throw new AppError("not_found");
      recordLayoutChange(tx, issue, {
        actorId: viewer.id,
        action: "placement.remove",
        subjectType: "story",
        subjectId: input.storyId,
        detail: { issueId: issue.id, page: page.number },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

export type LayoutStory = {
  storyId: number;
  headline: string;
  kind: string;
  slot: PlacementSlot;
  status: string;
  charCount: number;
};
export type LayoutPage = {
  id: number;
  number: number;
  name: string;
  banner: string | null;
  editorId: number | null;
  deskId: number | null;
  status: PageStatus;
  version: number;
  stories: LayoutStory[];
};
export type IssueLayout = {
  issue: IssueSummary & {
    version: number;
    signedOffAt: number | null;
    heldFor: number | null;
    heldReason: string | null;
  };
  pages: LayoutPage[];
  /** Approved stories on no page yet, ready to place. */
  unplaced: {
    id: number;
    headline: string;
    kind: string;
    charCount: number;
    authorName: string;
    deskName: string | null;
  }[];
  editors: { id: number; displayName: string }[];
};

export function getIssueLayout(
  viewer: Actor,
  issueId: number,
  { deskId }: { deskId?: number } = {},
): IssueLayout {
  assertMayPlan(viewer);
  const issue = db().select().from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) throw new AppError("not_found");
  const pageRows = db()
    .select()
    .from(pages)
    .where(eq(pages.issueId, issue.id))
    .orderBy(asc(pages.number))
    .all();
  const placed = pageRows.length
    ? db()
        .select({
          pageId: placements.pageId,
          storyId: placements.storyId,
          slot: placements.slot,
          headline: stories.headline,
          kind: stories.kind,
          status: stories.status,
          charCount: stories.charCount,
        })
        .from(placements)
        .innerJoin(stories, eq(placements.storyId, stories.id))
        .where(
          inArray(
            placements.pageId,
            pageRows.map((p) => p.id),
          ),
        )
        .orderBy(asc(placements.position))
        .all()
    : [];
  const unplaced = db()
    .select({
      id: stories.id,
      headline: stories.headline,
      kind: stories.kind,
      charCount: stories.charCount,
      authorName: users.displayName,
      deskName: desks.name,
    })
    .from(stories)
    .innerJoin(users, eq(stories.authorId, users.id))
    .leftJoin(desks, eq(desks.id, stories.deskId))
    .where(
      and(
        eq(stories.status, "approved"),
        deskId === undefined ? undefined : eq(stories.deskId, deskId),
        notInArray(stories.id, db().select({ id: placements.storyId }).from(placements)),
      ),
    )
    .orderBy(desc(stories.updatedAt))
    .limit(200)
    .all();
  const editors = db()
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        inArray(users.role, ["editor", "desk_head", "chief_editor", "admin"]),
        eq(users.isActive, true),
      ),
    )
    .orderBy(asc(users.displayName))
    .all();
  const counts = { pageCount: pageRows.length, storyCount: placed.length };
  return {
    issue: {
      id: issue.id,
      date: issue.date,
      number: issue.number,
      status: issue.status,
      version: issue.version,
      signedOffAt: issue.signedOffAt?.getTime() ?? null,
      heldFor: issue.heldFor?.getTime() ?? null,
      heldReason: issue.heldReason,
      publishAt: issue.publishAt?.getTime() ?? null,
      publishedAt: issue.publishedAt?.getTime() ?? null,
      ...counts,
    },
    pages: pageRows.map((p) => ({
      id: p.id,
      number: p.number,
      name: p.name,
      banner: p.banner,
      editorId: p.editorId,
      deskId: p.deskId,
      status: p.status,
      version: p.version,
      stories: placed.filter((s) => s.pageId === p.id).map(({ pageId: _, ...s }) => s),
    })),
    unplaced,
    editors,
  };
}

export function previewPage(viewer: Actor, issueId: number, pageNumber: number): PageView | null {
  assertMayPlan(viewer);
  return getPagePreview(issueId, pageNumber);
}
