// Proofreading (三校): proofreaders mark the stories of a laid-out page with anchored
// suggestions, the editor accepts or rejects each, and each round is completed for the page.
import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { db } from "@/db/client";
import {
  issues,
  type ProofMark,
  pages,
  placements,
  proofMarks,
  proofRounds,
  stories,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { can, type NamedActor } from "@/lib/permissions";
import { anchorAt, locate, replaceText, textBlocks } from "@/lib/proof-anchor";
import { getFullSettings } from "@/lib/settings";
import {
  assertPageAction,
  completedRounds,
  loadPage,
  pageContext,
  pageProgress,
} from "@/lib/sign-off-rows";
import { writeProofCorrection } from "@/lib/stories";
import { decidePage, type PageStatus } from "@/lib/workflow/page";

function assertMayRead(viewer: Pick<NamedActor, "role">): void {
  if (!can(viewer, "page:proofread") && !can(viewer, "story:edit-any")) {
    throw new AppError("forbidden");
  }
}

export type ProofQueueItem = {
  pageId: number;
  issueId: number;
  issueDate: string;
  number: number;
  name: string;
  status: PageStatus;
  storyCount: number;
  roundsDone: number;
  roundsRequired: number;
  openMarks: number;
};

/** Pages to proofread: laid-out pages of issues not yet published and not signed off. */
export function listPagesToProofread(viewer: Pick<NamedActor, "role">): ProofQueueItem[] {
  assertMayRead(viewer);
  const rows = db()
    .select({
      pageId: pages.id,
      issueId: issues.id,
      issueDate: issues.date,
      number: pages.number,
      name: pages.name,
      status: pages.status,
    })
    .from(pages)
    .innerJoin(issues, eq(pages.issueId, issues.id))
    .where(and(ne(issues.status, "published"), ne(pages.status, "signed_off")))
    .orderBy(asc(issues.date), asc(pages.number))
    .limit(200)
    .all();
  const required = getFullSettings().proofRounds;
  return rows.map((row) => ({
    ...row,
    ...pageProgress(db(), row.pageId),
    roundsRequired: required,
  }));
}

export type ProofMarkView = Pick<
  ProofMark,
  | "id"
  | "kind"
  | "prefix"
  | "blockIndex"
  | "anchorFrom"
  | "anchorTo"
  | "quote"
  | "suggestion"
  | "state"
  | "round"
> & {
  proofreaderName: string;
  decidedByName: string | null;
  createdAt: number;
  decidedAt: number | null;
  /** The marked text is no longer where it was and cannot be found again. */
  isStale: boolean;
};

export type ProofStory = {
  id: number;
  headline: string;
  version: number;
  slot: string;
  blocks: string[];
  marks: ProofMarkView[];
};

export type ProofPage = {
  pageId: number;
  issueId: number;
  issueDate: string;
  number: number;
  name: string;
  status: PageStatus;
  version: number;
  issuePublished: boolean;
  currentRound: number;
  roundsRequired: number;
  rounds: { round: number; proofreaderName: string; completedAt: number }[];
  stories: ProofStory[];
  canMark: boolean;
  canDecide: boolean;
  canCompleteRound: boolean;
};

/** The round a new mark belongs to: the first not yet completed (the last, once all are). */
function currentRound(done: number, required: number): number {
  return Math.max(1, Math.min(done + 1, required));
}

/** A page as the proofreading desk shows it: every story's text blocks and its marks. */
export function getProofPage(viewer: NamedActor, pageId: number): ProofPage {
  assertMayRead(viewer);
  const tx = db();
  const { page, issue } = loadPage(tx, pageId);
  const ctx = pageContext(tx, viewer, page);
  const placed = tx
    .select({
      id: stories.id,
      headline: stories.headline,
      version: stories.version,
      body: stories.body,
      slot: placements.slot,
    })
    .from(placements)
    .innerJoin(stories, eq(placements.storyId, stories.id))
    .where(eq(placements.pageId, page.id))
    .orderBy(asc(placements.position))
    .all();
  const ids = placed.map((s) => s.id);
  const marks = ids.length
    ? tx
        .select()
        .from(proofMarks)
        .where(inArray(proofMarks.storyId, ids))
        .orderBy(asc(proofMarks.id))
        .all()
    : [];
  const names = new Map(
    tx
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(
        inArray(users.id, [
          0,
          ...new Set(marks.flatMap((m) => [m.proofreaderId, m.decidedBy ?? m.proofreaderId])),
        ]),
      )
      .all()
      .map((u) => [u.id, u.name]),
  );
  const rounds = completedRounds(tx, page.id);
  const published = issue.status === "published";
  const allowed = (action: "mark" | "decide_mark" | "complete_round") =>
    !published && decidePage(ctx, page, action).ok;
  return {
    pageId: page.id,
    issueId: issue.id,
    issueDate: issue.date,
    number: page.number,
    name: page.name,
    status: page.status,
    version: page.version,
    issuePublished: published,
    currentRound: currentRound(ctx.rounds.done, ctx.rounds.required),
    roundsRequired: ctx.rounds.required,
    rounds: rounds.map((r) => ({ ...r, completedAt: r.completedAt.getTime() })),
    stories: placed.map((story) => ({
      id: story.id,
      headline: story.headline,
      version: story.version,
      slot: story.slot,
      blocks: textBlocks(story.body),
      marks: marks
        .filter((m) => m.storyId === story.id)
        .map((m) => ({
          id: m.id,
          kind: m.kind,
          prefix: m.prefix,
          blockIndex: m.blockIndex,
          anchorFrom: m.anchorFrom,
          anchorTo: m.anchorTo,
          quote: m.quote,
          suggestion: m.suggestion,
          state: m.state,
          round: m.round,
          proofreaderName: names.get(m.proofreaderId) ?? "",
          decidedByName: m.decidedBy ? (names.get(m.decidedBy) ?? null) : null,
          createdAt: m.createdAt.getTime(),
          decidedAt: m.decidedAt?.getTime() ?? null,
          isStale: m.state === "open" && locate(story.body, anchorOf(m)) === null,
        })),
    })),
    canMark: allowed("mark"),
    canDecide: allowed("decide_mark"),
    canCompleteRound: allowed("complete_round"),
  };
}

const anchorOf = (m: ProofMark) => ({
  blockIndex: m.blockIndex,
  from: m.anchorFrom,
  to: m.anchorTo,
  quote: m.quote,
  prefix: m.prefix,
});

export type CreateMarkInput = {
  pageId: number;
  storyId: number;
  storyVersion: number;
  kind: ProofMark["kind"];
  blockIndex: number;
  from: number;
  to: number;
  suggestion: string;
};

/** A proofreader marks a passage of a story on the page: replace it, delete it, or insert at it. */
export function createMark(viewer: NamedActor, input: CreateMarkInput, now: Date): { id: number } {
  return db().transaction(
    (tx) => {
      const { page, issue } = loadPage(tx, input.pageId);
      assertPageAction(tx, viewer, page, issue, "mark");
      const story = tx
        .select({ id: stories.id, version: stories.version, body: stories.body })
        .from(placements)
        .innerJoin(stories, eq(placements.storyId, stories.id))
        .where(and(eq(placements.pageId, page.id), eq(placements.storyId, input.storyId)))
        .get();
      if (!story) throw new AppError("not_found");
      if (story.version !== input.storyVersion) throw new AppError("conflict", "story_changed");
      const anchor = anchorAt(textBlocks(story.body), input.blockIndex, input.from, input.to);
      if (!anchor) throw new AppError("invalid_input", "mark_anchor_invalid");
      const suggestion = input.suggestion.trim();
      if (input.kind === "insert" && anchor.from !== anchor.to) {
        throw new AppError("invalid_input", "mark_insert_range");
      }
      if (input.kind !== "insert" && anchor.quote.length === 0) {
        throw new AppError("invalid_input", "mark_anchor_invalid");
      }
      if (input.kind !== "delete" && !suggestion) {
        throw new AppError("invalid_input", "mark_suggestion_required", {
          suggestion: ["mark_suggestion_required"],
        });
      }
      const ctx = pageContext(tx, viewer, page);
      const mark = tx
        .insert(proofMarks)
        .values({
          storyId: story.id,
          pageId: page.id,
          round: currentRound(ctx.rounds.done, ctx.rounds.required),
          proofreaderId: viewer.id,
          kind: input.kind,
          blockIndex: anchor.blockIndex,
          anchorFrom: anchor.from,
          anchorTo: anchor.to,
          quote: anchor.quote,
          prefix: anchor.prefix,
          suggestion: input.kind === "delete" ? "" : suggestion,
          storyVersion: story.version,
          createdAt: now,
        })
        .returning({ id: proofMarks.id })
        .get();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "proof_mark.create",
        subjectType: "story",
        subjectId: story.id,
        toState: "open",
        detail: { markId: mark.id, pageId: page.id, kind: input.kind, quote: anchor.quote },
        now,
      });
      return mark;
    },
    { behavior: "immediate" },
  );
}

/** The editor accepts a mark (the story's text changes, with a revision) or rejects it. */
export function decideMark(
  viewer: NamedActor,
  input: { markId: number; decision: "accept" | "reject" },
  now: Date,
): void {
  db().transaction(
    (tx) => {
      const mark = tx.select().from(proofMarks).where(eq(proofMarks.id, input.markId)).get();
      if (!mark) throw new AppError("not_found");
      const placement = tx
        .select({ pageId: placements.pageId })
        .from(placements)
        .where(eq(placements.storyId, mark.storyId))
        .get();
      const pageId = placement?.pageId ?? mark.pageId;
      if (!pageId) throw new AppError("not_found");
      const { page, issue } = loadPage(tx, pageId);
      assertPageAction(tx, viewer, page, issue, "decide_mark");
      if (mark.state !== "open") throw new AppError("conflict", "mark_decided");
      if (input.decision === "accept") {
        const story = tx.select().from(stories).where(eq(stories.id, mark.storyId)).get();
        if (!story) throw new AppError("not_found");
        const at = locate(story.body, anchorOf(mark));
        if (!at) throw new AppError("conflict", "mark_stale");
        const body = replaceText(story.body, at, mark.kind === "delete" ? "" : mark.suggestion);
        writeProofCorrection(
          tx,
          viewer,
          { storyId: story.id, baseVersion: story.version, body, markId: mark.id },
          now,
        );
      }
      const state = input.decision === "accept" ? "accepted" : "rejected";
      const decided = tx
        .update(proofMarks)
        .set({ state, decidedBy: viewer.id, decidedAt: now })
        .where(and(eq(proofMarks.id, mark.id), eq(proofMarks.state, "open")))
        .returning({ id: proofMarks.id })
        .get();
      if (!decided) throw new AppError("conflict", "mark_decided");
      recordAudit(tx, {
        actorId: viewer.id,
        action: `proof_mark.${input.decision}`,
        subjectType: "story",
        subjectId: mark.storyId,
        fromState: "open",
        toState: state,
        detail: { markId: mark.id, pageId: page.id },
        now,
      });
    },
    { behavior: "immediate" },
  );
}

/** The proofreader completes the page's current round (一校, 二校, 三校): who and when. */
export function completeRound(
  viewer: NamedActor,
  input: { pageId: number; round: number },
  now: Date,
): void {
  db().transaction(
    (tx) => {
      const { page, issue } = loadPage(tx, input.pageId);
      assertPageAction(tx, viewer, page, issue, "complete_round");
      const last = tx
        .select({ round: proofRounds.round })
        .from(proofRounds)
        .where(eq(proofRounds.pageId, page.id))
        .orderBy(desc(proofRounds.round))
        .limit(1)
        .get();
      const round = (last?.round ?? 0) + 1;
      // The button named the round it completes; a round someone else just completed is not redone.
      if (input.round !== round) throw new AppError("conflict", "round_changed");
      tx.insert(proofRounds)
        .values({ pageId: page.id, round, proofreaderId: viewer.id, completedAt: now })
        .run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "page.proof_round",
        subjectType: "page",
        subjectId: page.id,
        toState: String(round),
        detail: { issueId: issue.id, number: page.number, round },
        now,
      });
    },
    { behavior: "immediate" },
  );
}
