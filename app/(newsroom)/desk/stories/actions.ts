"use server";
// Story actions of the desk. Each is a public endpoint: lib/stories checks who may do what.
import { redirect } from "next/navigation";
import { docxToStory, MAX_DOCX_BYTES } from "@/lib/docx";
import { type ActionResult, failure, invalid, ok } from "@/lib/errors";
import { storePhoto } from "@/lib/media";
import { expirePaperCache } from "@/lib/paper-cache";
import * as publishing from "@/lib/publishing";
import { requireActionViewer } from "@/lib/session";
import * as stories from "@/lib/stories";
import {
  CorrectStoryInput,
  CreateStoryInput,
  RestoreInput,
  TransitionInput,
} from "@/lib/story-input";
import { takeUploadSlot } from "@/lib/upload-limit";
import type { StoryStatus } from "@/lib/workflow/story";

export type CreateState = ActionResult<{ id: number }> | null;

/** The "new story" form: creates a draft and opens it in the editor. */
export async function createStory(_: CreateState, form: FormData): Promise<CreateState> {
  let id: number;
  try {
    const viewer = await requireActionViewer();
    const parsed = CreateStoryInput.safeParse({
      headline: form.get("headline") ?? "",
      kind: form.get("kind") ?? "news",
      deskId: form.get("deskId") || undefined,
    });
    if (!parsed.success) return invalid(parsed.error);
    id = stories.createStory(viewer, parsed.data, new Date()).id;
  } catch (error) {
    return failure(error);
  }
  redirect(`/desk/stories/${id}`);
}

export async function transitionStory(
  input: unknown,
): Promise<ActionResult<{ status: StoryStatus; version: number }>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = TransitionInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const story = stories.transitionStory(viewer, parsed.data, new Date());
    return ok({ status: story.status, version: story.version });
  } catch (error) {
    return failure(error);
  }
}

export async function restoreRevision(input: unknown): Promise<ActionResult<{ version: number }>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = RestoreInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const result = stories.restoreRevision(viewer, parsed.data, new Date());
    if (!result.ok) return { ok: false, code: "conflict", messageKey: "save_conflict" };
    return ok({ version: result.version });
  } catch (error) {
    return failure(error);
  }
}

/** "Start from a Word file": converts the .docx and opens the new draft in the editor. */
export async function createStoryFromWord(_: CreateState, form: FormData): Promise<CreateState> {
  let id: number;
  try {
    const viewer = await requireActionViewer();
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return { ok: false, code: "invalid_input", messageKey: "docx_invalid" };
    }
    if (file.size > MAX_DOCX_BYTES)
      return { ok: false, code: "invalid_input", messageKey: "too_long" };
    const now = new Date();
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
    id = stories.createStory(viewer, { headline, kind: "news" }, now, body).id;
  } catch (error) {
    return failure(error);
  }
  redirect(`/desk/stories/${id}`);
}

/** Correct a published story: new text plus a dated public note; readers' pages expire. */
export async function correctStory(input: unknown): Promise<ActionResult<{ version: number }>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = CorrectStoryInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const { storyId, baseVersion, note, ...fields } = parsed.data;
    const result = publishing.correctStory(
      viewer,
      { storyId, baseVersion, fields, note },
      new Date(),
    );
    expirePaperCache();
    return ok(result);
  } catch (error) {
    return failure(error);
  }
}
