"use server";
// Notes on a story. Each action is a public endpoint: lib/comments checks who may do what.
import { revalidatePath } from "next/cache";
import { AddCommentInput, ResolveCommentInput } from "@/lib/comment-input";
import * as comments from "@/lib/comments";
import { type ActionResult, failure, invalid, ok } from "@/lib/errors";
import { requireActionViewer } from "@/lib/session";

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
