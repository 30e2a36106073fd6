"use server";
// The media library's actions. Each is a public endpoint: lib/media checks the permission.
// Uploads go through POST /api/media instead: a photo is larger than an action's body limit.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import * as photos from "@/lib/media";
import { UpdatePhotoInfoInput } from "@/lib/media-input";

export async function updatePhotoInfo(input: unknown) {
  return action(UpdatePhotoInfoInput, input, (viewer, data, now) => {
    const item = photos.updatePhotoInfo(viewer, data, now);
    revalidatePath("/desk/media");
    return item;
  });
}
