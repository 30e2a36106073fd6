// Input of the photo pipeline: shared by the upload route, the desk's forms and lib/media.
import { z } from "zod";
import { MAX_ALT_LENGTH, MAX_CAPTION_LENGTH, MAX_CREDIT_LENGTH } from "@/lib/media-limits";

/** An optional text: trimmed, and empty means "none". */
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.too_long")
    .nullish()
    .transform((value) => (value ? value : null));

export const PhotoInfo = z.object({
  caption: OptionalText(MAX_CAPTION_LENGTH),
  credit: OptionalText(MAX_CREDIT_LENGTH),
  alt: OptionalText(MAX_ALT_LENGTH),
});
export type PhotoInfo = z.infer<typeof PhotoInfo>;

export const UpdatePhotoInfoInput = PhotoInfo.extend({
  id: z.coerce.number().int().positive(),
});
export type UpdatePhotoInfoInput = z.input<typeof UpdatePhotoInfoInput>;

export const ListMediaInput = z.object({
  q: z.string().trim().max(100, "errors.too_long").optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ListMediaInput = z.infer<typeof ListMediaInput>;
