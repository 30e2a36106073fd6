"use server";
// Story actions of the desk. Each is a public endpoint: lib/stories checks who may do what.
import { redirect } from "next/navigation";
import { action, NO_INPUT } from "@/lib/action";
import { docxToStory, MAX_DOCX_BYTES } from "@/lib/docx";
import { type ActionResult, AppError } from "@/lib/errors";
import { storePhoto } from "@/lib/media";
import { expirePaperCache } from "@/lib/paper-cache";
import * as publishing from "@/lib/publishing";
import * as stories from "@/lib/stories";
import {
  CorrectStoryInput,
  CreateStoryInput,
  RestoreInput,
  TransitionInput,
} from "@/lib/story-input";
import { takeUploadSlot } from "@/lib/upload-limit";

export type CreateState = ActionResult<{ id: number }> | null;

/** The "new story" form: creates a draft and opens it in the editor. */
export async function createStory(_: CreateState, form: FormData): Promise<CreateState> {
  const input = {
    headline: form.get("headline") ?? "",
    kind: form.get("kind") ?? "news",
    deskId: form.get("deskId") || undefined,
  };
  const result = await action(CreateStoryInput, input, (viewer, data, now) => ({
    id: stories.createStory(viewer, data, now).id,
  }));
  if (!result.ok) return result;
  redirect(`/desk/stories/${result.data.id}`);
}

export async function transitionStory(input: unknown) {
  return action(TransitionInput, input, (viewer, data, now) => {
    const story = stories.transitionStory(viewer, data, now);
    return { status: story.status, version: story.version };
  });
}

export async function restoreRevision(input: unknown) {
  return action(RestoreInput, input, (viewer, data, now) => {
    const result = stories.restoreRevision(viewer, data, now);
    if (!result.ok) throw new AppError("conflict", "save_conflict");
    return { version: result.version };
  });
}

/** "Start from a Word file": converts the .docx and opens the new draft in the editor. */
export async function createStoryFromWord(_: CreateState, form: FormData): Promise<CreateState> {
  const result = await action(NO_INPUT, undefined, async (viewer, _none, now) => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("invalid_input", "docx_invalid");
    }
    if (file.size > MAX_DOCX_BYTES) throw new AppError("invalid_input", "too_long");
    // The Word file is one upload; the pictures inside it are not counted again.
    takeUploadSlot(viewer.id, now);
    const { headline, body } = await docxToStory(
      new Uint8Array(await file.arrayBuffer()),
      async (bytes) => {
        const photo = await storePhoto(
          viewer,
          { bytes, filename: "word-image", insideCountedUpload: true },
          now,
        );
        return { id: photo.id, width: photo.width, height: photo.height };
      },
    );
    return { id: stories.createStory(viewer, { headline, kind: "news" }, now, body).id };
  });
  if (!result.ok) return result;
  redirect(`/desk/stories/${result.data.id}`);
}

/** Correct a published story: new text plus a dated public note; readers' pages expire. */
export async function correctStory(input: unknown) {
  return action(CorrectStoryInput, input, (viewer, data, now) => {
    const { storyId, baseVersion, note, ...fields } = data;
    const result = publishing.correctStory(viewer, { storyId, baseVersion, fields, note }, now);
    expirePaperCache();
    return result;
  });
}
