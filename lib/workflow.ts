// The story workflow: the only place that knows how a story moves between states.
import { can, type Permission, type Role } from "@/lib/permissions";

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
  "return",
  "approve",
  "spike",
  "publish",
  "unpublish",
  "correct",
] as const;
export type StoryAction = (typeof STORY_ACTIONS)[number];

type Transition = {
  from: readonly StoryStatus[];
  to: StoryStatus;
  needs: Permission;
  /** A reporter may take this step only on a story they own. */
  ownOnly?: boolean;
  /** The step must carry a note (return) or a reason (spike, unpublish, correct). */
  needsNote?: boolean;
};

export const TRANSITIONS = {
  submit: { from: ["draft", "returned"], to: "submitted", needs: "story:submit", ownOnly: true },
  return: {
    from: ["submitted", "approved"],
    to: "returned",
    needs: "story:review",
    needsNote: true,
  },
  approve: { from: ["submitted"], to: "approved", needs: "story:review" },
  spike: {
    from: ["draft", "submitted", "returned", "approved"],
    to: "spiked",
    needs: "story:spike",
    needsNote: true,
  },
  // Publishing and unpublishing happen to a story because its issue goes live or is taken down.
  publish: { from: ["approved"], to: "published", needs: "issue:publish" },
  unpublish: { from: ["published"], to: "withdrawn", needs: "issue:publish", needsNote: true },
  correct: { from: ["published"], to: "published", needs: "story:correct", needsNote: true },
} as const satisfies Record<StoryAction, Transition>;

/** States in which a story's text may still change through the ordinary editor. */
const EDITABLE_BY_OWNER: readonly StoryStatus[] = ["draft", "returned"];
const EDITABLE_BY_EDITOR: readonly StoryStatus[] = ["draft", "submitted", "returned", "approved"];

export type WorkflowViewer = { id: number; role: Role };
export type WorkflowStory = { status: StoryStatus; authorId: number };

export type Decision =
  | { ok: true; to: StoryStatus }
  | { ok: false; reason: "forbidden" | "invalid_transition" | "note_required" };

/** Decide whether `viewer` may take `action` on `story`, and where it leads. */
export function decide(
  viewer: WorkflowViewer,
  story: WorkflowStory,
  action: StoryAction,
  note?: string | null,
): Decision {
  const transition: Transition = TRANSITIONS[action];
  if (!can(viewer, transition.needs)) return { ok: false, reason: "forbidden" };
  if (transition.ownOnly && !can(viewer, "story:edit-any") && story.authorId !== viewer.id) {
    return { ok: false, reason: "forbidden" };
  }
  if (!transition.from.includes(story.status)) return { ok: false, reason: "invalid_transition" };
  if (transition.needsNote && !note?.trim()) return { ok: false, reason: "note_required" };
  return { ok: true, to: transition.to };
}

/** The actions the desk should offer this viewer on this story (notes are asked for later). */
export function availableActions(viewer: WorkflowViewer, story: WorkflowStory): StoryAction[] {
  return STORY_ACTIONS.filter((action) => {
    if (action === "publish" || action === "unpublish") return false; // issue-level steps
    return decide(viewer, story, action, "-").ok;
  });
}

/** May this viewer change the text of this story through the editor? */
export function canEditStory(viewer: WorkflowViewer, story: WorkflowStory): boolean {
  if (can(viewer, "story:edit-any")) return EDITABLE_BY_EDITOR.includes(story.status);
  return (
    can(viewer, "story:edit-own") &&
    story.authorId === viewer.id &&
    EDITABLE_BY_OWNER.includes(story.status)
  );
}

export function isStoryStatus(value: string): value is StoryStatus {
  return (STORY_STATUSES as readonly string[]).includes(value);
}
