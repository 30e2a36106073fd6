// Embargo rules: who may set, change or clear a story's embargo, and whether one still holds.
import { can, type Role } from "@/lib/permissions";
import type { StoryStatus } from "@/lib/workflow/story";

/** Stories still on their way to print: an editor who may edit them may embargo them. */
const BEFORE_PRINT: readonly StoryStatus[] = ["draft", "submitted", "returned", "approved"];
/** Stories that are (or may again be) public: only those who may correct them in public. */
const IN_PRINT: readonly StoryStatus[] = ["published", "withdrawn"];

export type EmbargoDecision =
  | { ok: true }
  | { ok: false; reason: "forbidden" | "invalid_transition" };

/**
 * May `viewer` set, move or lift the embargo of a story in this state? Before print it takes
 * `story:edit-any` (an editor; reporters see the embargo but do not decide it); on a published
 * or withdrawn story it takes `story:correct`, because it changes what readers see at once.
 * A spiked story is going nowhere, so it has no embargo to change.
 */
export function decideEmbargo(
  viewer: { role: Role },
  story: { status: StoryStatus },
): EmbargoDecision {
  if (BEFORE_PRINT.includes(story.status)) {
    return can(viewer, "story:edit-any") ? { ok: true } : { ok: false, reason: "forbidden" };
  }
  if (IN_PRINT.includes(story.status)) {
    return can(viewer, "story:correct") ? { ok: true } : { ok: false, reason: "forbidden" };
  }
  return { ok: false, reason: "invalid_transition" };
}

/** Whether an embargo still keeps the story from readers at `now`. */
export function isUnderEmbargo(until: number | Date | null | undefined, now: Date): boolean {
  if (until == null) return false;
  const ms = typeof until === "number" ? until : until.getTime();
  return ms > now.getTime();
}
