"use server";
// The media library's actions. Each is a public endpoint: lib/media checks the permission.
// Uploads go through POST /api/media instead: a photo is larger than an action's body limit.
import { revalidatePath } from "next/cache";
import { type ActionResult, failure, invalid, ok } from "@/lib/errors";
import * as photos from "@/lib/media";
import { UpdatePhotoInfoInput } from "@/lib/media-input";
import { requireActionViewer } from "@/lib/session";

export async function updatePhotoInfo(input: unknown): Promise<ActionResult<photos.MediaItem>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = UpdatePhotoInfoInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const item = photos.updatePhotoInfo(viewer, parsed.data, new Date());
    revalidatePath("/desk/media");
    return ok(item);
  } catch (error) {
    return failure(error);
  }
}
