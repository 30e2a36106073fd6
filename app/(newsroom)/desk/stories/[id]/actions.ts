"use server";
// Notes on a story, its embargo and its desk. Each action is a public endpoint: lib/comments and
// lib/embargo check who may do what.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { AddCommentInput, ResolveCommentInput } from "@/lib/comment-input";
import * as comments from "@/lib/comments";
import { zonedTimeToInstant } from "@/lib/dates";
import { setEmbargo } from "@/lib/embargo";
import { EmbargoInput } from "@/lib/embargo-input";
import { AppError } from "@/lib/errors";
import { expirePaperCache } from "@/lib/paper-cache";
import { getSettings } from "@/lib/settings";
import * as storyDesk from "@/lib/story-desk";
import { MoveStoryDeskInput } from "@/lib/story-desk-input";

export async function addComment(input: unknown) {
  return action(AddCommentInput, input, (viewer, data, now) => {
    const note = comments.addComment(viewer, data, now);
    revalidatePath(`/desk/stories/${data.storyId}`);
    return { id: note.id };
  });
}

export async function resolveComment(input: unknown) {
  return action(ResolveCommentInput, input, (viewer, data, now) => {
    const result = comments.resolveComment(viewer, data, now);
    return { resolvedAt: result.resolvedAt };
  });
}

/** Set, move or lift a story's embargo; a published story's change reaches readers at once. */
export async function setStoryEmbargo(input: unknown) {
  return action(EmbargoInput, input, (viewer, { storyId, until, expectedUntil }, now) => {
    const instant = until ? zonedTimeToInstant(until, getSettings().timezone) : null;
    if (until && !instant) {
      throw new AppError("invalid_input", "datetime_invalid", { until: ["datetime_invalid"] });
    }
    const result = setEmbargo(viewer, { storyId, until: instant, expectedUntil }, now);
    if (result.affectsReaders) expirePaperCache();
    revalidatePath(`/desk/stories/${storyId}`);
    return { embargoUntil: result.embargoUntil };
  });
}

/** Move a story to another desk (lib/story-desk decides who may, and until when). */
export async function moveStoryDesk(input: unknown) {
  return action(MoveStoryDeskInput, input, (viewer, data, now) => {
    const result = storyDesk.moveStoryDesk(viewer, data, now);
    revalidatePath(`/desk/stories/${data.storyId}`);
    return result;
  });
}
