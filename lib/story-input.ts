// Input of the story editor: shared by the browser (to shape what it sends) and the server.
import { z } from "zod";
import { STORY_KINDS } from "@/lib/domain/story";
import { STORY_ACTIONS } from "@/lib/workflow/story";

export const MAX_TITLE_LENGTH = 200;
export const MAX_NAMES = 12;
/** Characters of body text a story may hold (a long feature is ~20,000). */
export const MAX_BODY_CHARS = 200_000;
/** Bytes of body JSON accepted at all, before it is even parsed into a document. */
export const MAX_BODY_JSON_BYTES = 2_000_000;

const optionalLine = z
  .string()
  .trim()
  .max(MAX_TITLE_LENGTH, "errors.too_long")
  .nullable()
  .transform((v) => (v ? v : null));
const name = z.string().trim().min(1).max(40, "errors.too_long");
const names = z.array(name).max(MAX_NAMES, "errors.too_long");

export const BylineInput = z.object({
  dateline: z
    .string()
    .trim()
    .max(60, "errors.too_long")
    .nullable()
    .transform((v) => (v ? v : null)),
  agency: z
    .string()
    .trim()
    .max(40, "errors.too_long")
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  reporters: names,
  correspondents: names,
  photographers: names,
  credit: z
    .string()
    .trim()
    .max(MAX_TITLE_LENGTH, "errors.too_long")
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});
export type BylineInput = z.infer<typeof BylineInput>;

export const StoryFields = z.object({
  kind: z.enum(STORY_KINDS),
  kicker: optionalLine,
  headline: z.string().trim().max(MAX_TITLE_LENGTH, "errors.too_long"),
  subheadline: optionalLine,
  byline: BylineInput,
  /** Tiptap JSON; checked against the editor's schema by lib/stories. */
  body: z.unknown(),
});
export type StoryFields = z.infer<typeof StoryFields>;

export const SaveStoryInput = StoryFields.extend({
  baseVersion: z.number().int().positive(),
  /** The writer chose their text over a newer version after a conflict. */
  overwrite: z.boolean().optional(),
});
export type SaveStoryInput = z.infer<typeof SaveStoryInput>;

export const CreateStoryInput = z.object({
  headline: z.string().trim().max(MAX_TITLE_LENGTH, "errors.too_long").default(""),
  kind: z.enum(STORY_KINDS).default("news"),
  /** One of the author's desks; the first of them when left out. */
  deskId: z.coerce.number().int().positive().optional(),
});
export type CreateStoryInput = z.infer<typeof CreateStoryInput>;

export const StoryId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const TransitionInput = z.object({
  storyId: StoryId,
  action: z.enum(STORY_ACTIONS),
  note: z.string().trim().max(2000, "errors.too_long").optional(),
  /** The status the user saw: if the story moved meanwhile, the step is refused as a conflict. */
  expectedStatus: z.string().max(20).optional(),
});
export type TransitionInput = z.infer<typeof TransitionInput>;

export const RestoreInput = z.object({
  storyId: StoryId,
  revisionId: z.coerce.number().int().positive(),
  baseVersion: z.number().int().positive(),
});
export type RestoreInput = z.infer<typeof RestoreInput>;

export const CorrectStoryInput = StoryFields.extend({
  storyId: StoryId,
  baseVersion: z.number().int().positive(),
  note: z.string().trim().min(1, "errors.note_required").max(2000, "errors.too_long"),
});
export type CorrectStoryInput = z.infer<typeof CorrectStoryInput>;
