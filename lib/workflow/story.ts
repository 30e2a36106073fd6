// How a story moves: the as-const transition table and decideStory, pure (no db, no next/*).
import { can, type Role } from "@/lib/permissions";
import type { DeskRole, DeskRoleName, LevelPasser, ReviewLevel } from "@/lib/workflow/levels";
import { type Refusal, refuse } from "@/lib/workflow/refusals";

export const STORY_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "published",
  "spiked",
  "withdrawn",
] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const STORY_ACTIONS = [
  "submit",
  "pass",
  "return",
  "spike",
  "admit",
  "publish",
  "republish",
  "unpublish",
  "correct",
] as const;
export type StoryAction = (typeof STORY_ACTIONS)[number];

/** The steps a person takes on the desk; the rest happen because an issue or an import moves. */
export const DESK_STORY_ACTIONS = ["submit", "pass", "return", "spike"] as const;
export type DeskStoryAction = (typeof DESK_STORY_ACTIONS)[number];

/** Who may ask for a step: anyone on the desk, only an issue going live or down, only the importer. */
export type Via = "desk" | "issue" | "import";

/** Who a step's scope check asks: the author, the current level's passer (the last level's once approved), or the desk. */
type Scope = "author" | "current_level" | "desk" | "none";

type StoryTransition = {
  from: readonly StoryStatus[];
  to: StoryStatus;
  needs: "story:submit" | "story:review" | "story:spike" | "story:correct" | "issue:plan" | null;
  scope: Scope;
  via: Via;
  needsNote?: boolean;
};

export const STORY_TRANSITIONS = {
  submit: {
    from: ["draft", "returned"],
    to: "submitted",
    needs: "story:submit",
    scope: "author",
    via: "desk",
  },
  // Passing the last level makes the story ready for layout (approved); earlier levels keep it in review.
  pass: {
    from: ["submitted"],
    to: "submitted",
    needs: "story:review",
    scope: "current_level",
    via: "desk",
  },
  return: {
    from: ["submitted", "approved"],
    to: "returned",
    needs: "story:review",
    scope: "current_level",
    via: "desk",
    needsNote: true,
  },
  spike: {
    from: ["draft", "submitted", "returned", "approved"],
    to: "spiked",
    needs: "story:spike",
    scope: "desk",
    via: "desk",
    needsNote: true,
  },
  // A page imported from print was reviewed before it was printed: it comes in ready for layout.
  admit: { from: ["draft"], to: "approved", needs: "issue:plan", scope: "none", via: "import" },
  publish: { from: ["approved"], to: "published", needs: null, scope: "none", via: "issue" },
  // An issue that was taken down and goes live again brings back the stories it took down.
  republish: { from: ["withdrawn"], to: "published", needs: null, scope: "none", via: "issue" },
  unpublish: {
    from: ["published"],
    to: "withdrawn",
    needs: null,
    scope: "none",
    via: "issue",
    needsNote: true,
  },
  correct: {
    from: ["published"],
    to: "published",
    needs: "story:correct",
    scope: "none",
    via: "desk",
    needsNote: true,
  },
} as const satisfies Record<StoryAction, StoryTransition>;

export type StoryViewer = { id: number; role: Role };

export type StoryContext = {
  /** Null when the system acts (an issue published by the clock). */
  viewer: StoryViewer | null;
  /** The viewer's memberships: which desks, with which role there. */
  desks: readonly DeskRole[];
  /** The paper's levels now: a story entering review takes a copy of them. */
  levels: readonly ReviewLevel[];
  /** May one person pass two levels of the same story? (The paper's setting; no by default.) */
  allowSamePasser: boolean;
  via: Via;
};

export type StoryState = {
  status: StoryStatus;
  authorId: number;
  deskId: number | null;
  /** 1-based level the story waits at while submitted. */
  reviewLevel: number | null;
  /** The levels the story entered review with. */
  reviewLevels: readonly ReviewLevel[] | null;
  /** Who passed the levels of this round of review, in order. */
  passedBy: readonly number[];
};

export type StoryDecision = {
  ok: true;
  kind: "story";
  action: StoryAction;
  from: StoryStatus;
  to: StoryStatus;
  reviewLevel: number | null;
  reviewLevels: readonly ReviewLevel[] | null;
  /** The passer of the level the story now waits at, kept on the row for the queues. */
  reviewPasser: LevelPasser | null;
  /** The level this step passed, recorded in story_review_passes. */
  passedLevel: number | null;
  /** A new round of review starts (submit). */
  startsRound: boolean;
  note: string | null;
};

const DESK_EDITORS: readonly DeskRoleName[] = ["editor", "desk_head"];
const PAPER_WIDE: readonly Role[] = ["chief_editor", "admin"];

/** The viewer's role on the story's desk; a story without a desk is open to the paper's editors. */
function deskRoleOf(ctx: StoryContext, viewer: StoryViewer, deskId: number | null) {
  if (deskId === null) return viewer.role === "desk_head" ? "desk_head" : "editor";
  return ctx.desks.find((d) => d.deskId === deskId)?.role ?? null;
}

/** May the viewer pass (or return at) this level of this story? */
export function checkLevel(
  ctx: StoryContext,
  viewer: StoryViewer,
  deskId: number | null,
  level: ReviewLevel | undefined,
): Refusal | null {
  if (!level) return refuse("invalid_transition");
  if (PAPER_WIDE.includes(viewer.role)) return null;
  if (level.passer === "chief_editor") return refuse("wrong_level");
  const deskRole = deskRoleOf(ctx, viewer, deskId);
  if (!deskRole || !DESK_EDITORS.includes(deskRole)) return refuse("not_in_desk");
  if (level.passer === "desk_head" && deskRole !== "desk_head") return refuse("wrong_level");
  return null;
}

function checkScope(
  ctx: StoryContext,
  viewer: StoryViewer,
  story: StoryState,
  scope: Scope,
): Refusal | null {
  const levels = story.reviewLevels ?? ctx.levels;
  switch (scope) {
    case "author":
      return story.authorId === viewer.id || can(viewer, "story:edit-any")
        ? null
        : refuse("forbidden");
    case "current_level":
      if (story.status === "approved") return checkLevel(ctx, viewer, story.deskId, levels.at(-1));
      return checkLevel(ctx, viewer, story.deskId, levels[(story.reviewLevel ?? 1) - 1]);
    case "desk": {
      if (PAPER_WIDE.includes(viewer.role)) return null;
      const deskRole = deskRoleOf(ctx, viewer, story.deskId);
      return deskRole && DESK_EDITORS.includes(deskRole) ? null : refuse("not_in_desk");
    }
    case "none":
      return null;
  }
}

/** Decide (role, desk, level, state, action) → the next state, or why not. */
export function decideStory(
  ctx: StoryContext,
  story: StoryState,
  action: StoryAction,
  note?: string | null,
): StoryDecision | Refusal {
  const transition: StoryTransition = STORY_TRANSITIONS[action];
  if (transition.via !== ctx.via) {
    return refuse(transition.via === "issue" ? "issue_only" : "forbidden");
  }
  const viewer = ctx.viewer;
  if (viewer === null) {
    // The system only moves stories because an issue it was told to publish moves.
    if (transition.via !== "issue") return refuse("forbidden");
  } else if (transition.needs && !can(viewer, transition.needs)) {
    return refuse("forbidden");
  }
  if (!transition.from.includes(story.status)) return refuse("invalid_transition");
  const trimmed = note?.trim() || null;
  if (transition.needsNote && !trimmed) return refuse("note_required");
  if (viewer) {
    const scoped = checkScope(ctx, viewer, story, transition.scope);
    if (scoped) return scoped;
  }
  const base = {
    ok: true as const,
    kind: "story" as const,
    action,
    from: story.status,
    to: transition.to as StoryStatus,
    reviewLevel: null,
    reviewLevels: story.reviewLevels,
    reviewPasser: null,
    passedLevel: null,
    startsRound: false,
    note: trimmed,
  };
  if (action === "submit") {
    const levels = [...ctx.levels];
    return {
      ...base,
      reviewLevel: 1,
      reviewLevels: levels,
      reviewPasser: levels[0]?.passer ?? null,
      startsRound: true,
    };
  }
  if (action === "pass") {
    const levels = story.reviewLevels ?? ctx.levels;
    const level = story.reviewLevel ?? 1;
    if (viewer && !ctx.allowSamePasser && story.passedBy.includes(viewer.id)) {
      return refuse("same_person");
    }
    if (level >= levels.length) return { ...base, to: "approved", passedLevel: level };
    return {
      ...base,
      reviewLevel: level + 1,
      reviewPasser: levels[level]?.passer ?? null,
      passedLevel: level,
    };
  }
  return base;
}

/** The desk steps to offer this viewer on this story (a note is asked for when one is needed). */
export function availableStoryActions(
  ctx: Omit<StoryContext, "via">,
  story: StoryState,
): DeskStoryAction[] {
  return DESK_STORY_ACTIONS.filter(
    (action) => decideStory({ ...ctx, via: "desk" }, story, action, "-").ok,
  );
}

/** States in which a story's text may still change through the ordinary editor. */
const EDITABLE_BY_OWNER: readonly StoryStatus[] = ["draft", "returned"];
const EDITABLE_BY_EDITOR: readonly StoryStatus[] = ["draft", "submitted", "returned", "approved"];

/** May this viewer change the text of this story through the editor? */
export function canEditStory(
  viewer: StoryViewer,
  story: Pick<StoryState, "status" | "authorId">,
): boolean {
  if (can(viewer, "story:edit-any")) return EDITABLE_BY_EDITOR.includes(story.status);
  return (
    can(viewer, "story:edit-own") &&
    story.authorId === viewer.id &&
    EDITABLE_BY_OWNER.includes(story.status)
  );
}
