// Input of the story notes: shared by the notes panel (to shape what it sends) and the server.
import { z } from "zod";
import { StoryId } from "@/lib/story-input";

export const MAX_COMMENT_CHARS = 2000;
export const MAX_ANCHOR_CHARS = 500;

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const AddCommentInput = z.object({
  storyId: StoryId,
  body: z.string().trim().min(1, "errors.required").max(MAX_COMMENT_CHARS, "errors.too_long"),
  parentId: Id.nullish().transform((v) => v ?? null),
  anchorText: z
    .string()
    .trim()
    .max(MAX_ANCHOR_CHARS, "errors.comment_anchor_too_long")
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type AddCommentInput = z.input<typeof AddCommentInput>;

export const ResolveCommentInput = z.object({
  commentId: Id,
  resolved: z.boolean(),
});
export type ResolveCommentInput = z.infer<typeof ResolveCommentInput>;
