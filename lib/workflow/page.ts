// The page workflow (版面): proofreading rounds (三校), sign-off (签发), reopening for a replate
// (改版), and the issue's sign-off once every page is signed. Pure: no db, no next/*.
import { can, type Permission, type Role } from "@/lib/permissions";
import { type Refusal, refuse } from "@/lib/workflow/refusals";

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

export type PageDecision = {
  ok: true;
  kind: "page";
  action: PageAction;
  from: PageStatus;
  to: PageStatus;
  note: string | null;
};

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
): PageDecision | Refusal {
  const transition: PageTransition = PAGE_TRANSITIONS[action];
  if (!can(ctx.viewer, transition.needs)) return refuse("forbidden");
  if (!transition.from.includes(page.status)) {
    return refuse(page.status === "signed_off" ? "page_signed_off" : "invalid_transition");
  }
  const note = ctx.note?.trim() || null;
  if (transition.needsNote && !note) return refuse("note_required");
  if (action === "complete_round" && ctx.rounds.done >= ctx.rounds.required) {
    return refuse("rounds_complete");
  }
  if (action === "sign_off") {
    if (ctx.storyCount === 0) return refuse("page_empty");
    if (ctx.rounds.done < ctx.rounds.required) return refuse("rounds_incomplete");
    if (ctx.openMarks > 0) return refuse("marks_open");
  }
  return {
    ok: true,
    kind: "page",
    action,
    from: page.status,
    to: transition.to ?? page.status,
    note,
  };
}

/** The page actions the desk should offer (the reopen reason is asked for later). */
export function availablePageActions(ctx: PageContext, page: { status: PageStatus }): PageAction[] {
  return PAGE_ACTIONS.filter((action) => decidePage({ ...ctx, note: "-" }, page, action).ok);
}

/** The issue is signed off once, after every one of its pages is, and before it is published. */
export function decideIssueSignOff(
  viewer: { id: number; role: Role },
  issue: { status: string; isSignedOff: boolean },
  pageStatuses: readonly PageStatus[],
): { ok: true } | Refusal {
  if (!can(viewer, "issue:sign-off")) return refuse("forbidden");
  if (issue.isSignedOff || issue.status === "published") return refuse("invalid_transition");
  if (pageStatuses.length === 0 || pageStatuses.some((s) => s !== "signed_off")) {
    return refuse("pages_not_signed_off");
  }
  return { ok: true };
}
