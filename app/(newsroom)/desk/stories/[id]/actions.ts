"use server";
// Notes on a story, its embargo and its desk. Each action is a public endpoint: lib/comments and
// lib/embargo check who may do what.
import { revalidatePath } from "next/cache";
import { AddCommentInput, ResolveCommentInput } from "@/lib/comment-input";
import * as comments from "@/lib/comments";
import { zonedTimeToInstant } from "@/lib/dates";
import { setEmbargo } from "@/lib/embargo";
import { EmbargoInput } from "@/lib/embargo-input";
import { type ActionResult, AppError, failure, invalid, ok } from "@/lib/errors";
import { expirePaperCache } from "@/lib/paper-cache";
import { requireActionViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";
import * as storyDesk from "@/lib/story-desk";
import { MoveStoryDeskInput } from "@/lib/story-desk-input";

export async function addComment(input: unknown): Promise<ActionResult<{ id: number }>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = AddCommentInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const note = comments.addComment(viewer, parsed.data, new Date());
    revalidatePath(`/desk/stories/${parsed.data.storyId}`);
    return ok({ id: note.id });
  } catch (error) {
    return failure(error);
  }
}

export async function resolveComment(
  input: unknown,
): Promise<ActionResult<{ resolvedAt: number | null }>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = ResolveCommentInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const result = comments.resolveComment(viewer, parsed.data, new Date());
    return ok({ resolvedAt: result.resolvedAt });
  } catch (error) {
    return failure(error);
  }
}

/** Set, move or lift a story's embargo; a published story's change reaches readers at once. */
export async function setStoryEmbargo(
  input: unknown,
): Promise<ActionResult<{ embargoUntil: number | null }>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = EmbargoInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const { storyId, until, expectedUntil } = parsed.data;
    const instant = until ? zonedTimeToInstant(until, getSettings().timezone) : null;
    if (until && !instant) {
      throw new AppError("invalid_input", "datetime_invalid", { until: ["datetime_invalid"] });
    }
    const result = setEmbargo(viewer, { storyId, until: instant, expectedUntil }, new Date());
    if (result.affectsReaders) expirePaperCache();
    revalidatePath(`/desk/stories/${storyId}`);
    return ok({ embargoUntil: result.embargoUntil });
  } catch (error) {
    return failure(error);
  }
}

/** Move a story to another desk (lib/story-desk decides who may, and until when). */
export async function moveStoryDesk(input: unknown): Promise<ActionResult<{ version: number }>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = MoveStoryDeskInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const result = storyDesk.moveStoryDesk(viewer, parsed.data, new Date());
    revalidatePath(`/desk/stories/${parsed.data.storyId}`);
    return ok(result);
  } catch (error) {
    return failure(error);
  }
}
