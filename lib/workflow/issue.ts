// How an issue moves: planned → scheduled → published → withdrawn, as data; decideIssue is pure.
import { can, type Role } from "@/lib/permissions";
import { type Refusal, refuse } from "@/lib/workflow/refusals";

export const ISSUE_STATUSES = ["planned", "scheduled", "published", "withdrawn"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ISSUE_ACTIONS = ["schedule", "unschedule", "publish", "unpublish"] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

type IssueTransition = {
  from: readonly IssueStatus[];
  to: IssueStatus;
  needs: "issue:publish";
  /** The publishing clock may take this step on its own, once the moment has come. */
  system?: boolean;
  needsNote?: boolean;
};

export const ISSUE_TRANSITIONS = {
  schedule: {
    from: ["planned", "scheduled", "withdrawn"],
    to: "scheduled",
    needs: "issue:publish",
  },
  unschedule: { from: ["scheduled"], to: "planned", needs: "issue:publish" },
  publish: {
    from: ["planned", "scheduled", "withdrawn"],
    to: "published",
    needs: "issue:publish",
    system: true,
  },
  unpublish: { from: ["published"], to: "withdrawn", needs: "issue:publish", needsNote: true },
} as const satisfies Record<IssueAction, IssueTransition>;

/** The states in which an issue's layout is closed. */
export const CLOSED_ISSUE_STATUSES: readonly IssueStatus[] = ["published"];

export type IssueContext = { viewer: { id: number; role: Role } | null; now: Date };
export type IssueState = {
  status: IssueStatus;
  publishAt: Date | null;
  /** 签发 of the whole issue (lib/sign-off); nothing is published that is not signed off. */
  signedOffAt: Date | null;
};

export type IssueDecision = {
  ok: true;
  kind: "issue";
  action: IssueAction;
  from: IssueStatus;
  to: IssueStatus;
  /** Columns the step sets besides its state. */
  fields: {
    publishAt?: Date | null;
    publishedAt?: Date;
    /** A schedule, an unschedule or a publish ends the clock's hold of the issue. */
    heldFor?: null;
    heldReason?: null;
  };
  note: string | null;
};

const NOT_HELD = { heldFor: null, heldReason: null } as const;

export function decideIssue(
  ctx: IssueContext,
  issue: IssueState,
  action: IssueAction,
  input: { note?: string | null; publishAt?: Date } = {},
): IssueDecision | Refusal {
  const transition: IssueTransition = ISSUE_TRANSITIONS[action];
  if (ctx.viewer === null) {
    if (!transition.system) return refuse("forbidden");
  } else if (!can(ctx.viewer, transition.needs)) {
    return refuse("forbidden");
  }
  if (!transition.from.includes(issue.status)) return refuse("invalid_transition");
  const note = input.note?.trim() || null;
  if (transition.needsNote && !note) return refuse("note_required");
  const base = {
    ok: true as const,
    kind: "issue" as const,
    action,
    from: issue.status,
    to: transition.to,
    note,
  };
  if (action === "schedule") {
    const at = input.publishAt;
    if (!at || Number.isNaN(at.getTime()) || at.getTime() <= ctx.now.getTime()) {
      return refuse("schedule_in_past");
    }
    return { ...base, fields: { publishAt: at, ...NOT_HELD } };
  }
  if (action === "unschedule") return { ...base, fields: { publishAt: null, ...NOT_HELD } };
  if (action === "publish") {
    // The clock publishes a scheduled issue only once its moment has come.
    if (
      ctx.viewer === null &&
      (issue.status !== "scheduled" || !issue.publishAt || issue.publishAt > ctx.now)
    ) {
      return refuse("not_due");
    }
    if (!issue.signedOffAt) return refuse("not_signed_off");
    return { ...base, fields: { publishedAt: ctx.now, ...NOT_HELD } };
  }
  return { ...base, fields: {} };
}

export function isIssueClosed(issue: Pick<IssueState, "status">): boolean {
  return CLOSED_ISSUE_STATUSES.includes(issue.status);
}
