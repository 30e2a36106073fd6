// The page workflow (版面): proofreading rounds (三校), sign-off (签发), reopening for a replate
// (改版), and the issue's sign-off once every page is signed. Pure: no db, no next/*.
import { can, type Permission, type Role } from "@/lib/permissions";

export const PAGE_STATUSES = ["open", "signed_off", "reopened"] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export const PAGE_ACTIONS = [
  "mark",
  "decide_mark",
  "complete_round",
  "sign_off",
  "reopen",
  "change_layout",
] as const;
export type PageAction = (typeof PAGE_ACTIONS)[number];

type PageTransition = {
  from: readonly PageStatus[];
  /** The state the page moves to; absent when the action leaves the page's state alone. */
  to?: PageStatus;
  needs: Permission;
  needsNote?: boolean;
};

/** A page in work may be marked, decided, proofread, laid out and signed; a signed page only reopened. */
const IN_WORK = ["open", "reopened"] as const satisfies readonly PageStatus[];

export const PAGE_TRANSITIONS = {
  mark: { from: IN_WORK, needs: "page:proofread" },
  decide_mark: { from: IN_WORK, needs: "story:edit-any" },
  complete_round: { from: IN_WORK, needs: "page:proofread" },
  sign_off: { from: IN_WORK, to: "signed_off", needs: "page:sign-off" },
  // The desk that lays the page out reopens it for a replate; signing it again is the chief's.
  reopen: { from: ["signed_off"], to: "reopened", needs: "issue:plan", needsNote: true },
  change_layout: { from: IN_WORK, needs: "issue:plan" },
} as const satisfies Record<PageAction, PageTransition>;

export const PAGE_REFUSALS = [
  "forbidden",
  "invalid_transition",
  "page_signed_off",
  "note_required",
  "rounds_incomplete",
  "rounds_complete",
  "marks_open",
  "page_empty",
] as const;
export type PageRefusal = (typeof PAGE_REFUSALS)[number];

export type PageDecision = { ok: true; to: PageStatus } | { ok: false; refusal: PageRefusal };

export type PageContext = {
  viewer: { id: number; role: Role };
  /** Rounds the paper requires (settings.proof_rounds) and rounds completed on this page. */
  rounds: { required: number; done: number };
  openMarks: number;
  storyCount: number;
  note?: string | null;
};

/** Decide whether the viewer may take `action` on a page in `status`, and where it leads. */
export function decidePage(
  ctx: PageContext,
  page: { status: PageStatus },
  action: PageAction,
): PageDecision {
  const transition: PageTransition = PAGE_TRANSITIONS[action];
  if (!can(ctx.viewer, transition.needs)) return { ok: false, refusal: "forbidden" };
  if (!transition.from.includes(page.status)) {
    return {
      ok: false,
      refusal: page.status === "signed_off" ? "page_signed_off" : "invalid_transition",
    };
  }
  if (transition.needsNote && !ctx.note?.trim()) return { ok: false, refusal: "note_required" };
  if (action === "complete_round" && ctx.rounds.done >= ctx.rounds.required) {
    return { ok: false, refusal: "rounds_complete" };
  }
  if (action === "sign_off") {
    if (ctx.storyCount === 0) return { ok: false, refusal: "page_empty" };
    if (ctx.rounds.done < ctx.rounds.required) return { ok: false, refusal: "rounds_incomplete" };
    if (ctx.openMarks > 0) return { ok: false, refusal: "marks_open" };
  }
  return { ok: true, to: transition.to ?? page.status };
}

/** The page actions the desk should offer (the reopen reason is asked for later). */
export function availablePageActions(ctx: PageContext, page: { status: PageStatus }): PageAction[] {
  return PAGE_ACTIONS.filter((action) => decidePage({ ...ctx, note: "-" }, page, action).ok);
}

export const ISSUE_SIGN_OFF_REFUSALS = [
  "forbidden",
  "invalid_transition",
  "pages_not_signed_off",
] as const;
export type IssueSignOffRefusal = (typeof ISSUE_SIGN_OFF_REFUSALS)[number];

/** The issue is signed off once, after every one of its pages is, and before it is published. */
export function decideIssueSignOff(
  viewer: { id: number; role: Role },
  issue: { status: string; isSignedOff: boolean },
  pageStatuses: readonly PageStatus[],
): { ok: true } | { ok: false; refusal: IssueSignOffRefusal } {
  if (!can(viewer, "issue:sign-off")) return { ok: false, refusal: "forbidden" };
  if (issue.isSignedOff || issue.status === "published") {
    return { ok: false, refusal: "invalid_transition" };
  }
  if (pageStatuses.length === 0 || pageStatuses.some((s) => s !== "signed_off")) {
    return { ok: false, refusal: "pages_not_signed_off" };
  }
  return { ok: true };
}

/** 一校, 二校, 三校: a paper asks for none to three rounds (settings.proof_rounds). */
export const MAX_PROOF_ROUNDS = 3;
export const DEFAULT_PROOF_ROUNDS = 3;
