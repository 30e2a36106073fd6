// Input of the issues desk: shared by its forms and its server actions.
import { z } from "zod";
import { PLACEMENT_SLOTS } from "@/lib/domain/layout";

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Slot = z.enum(PLACEMENT_SLOTS);

export const CreateIssueInput = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date_invalid"),
  number: z
    .union([z.literal(""), z.coerce.number().int().positive().max(1_000_000)])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
});
export type CreateIssueInput = z.infer<typeof CreateIssueInput>;

export const IssueNumberInput = z.object({
  issueId: Id,
  number: z.coerce.number().int().positive().max(1_000_000),
});

export const PageFields = z.object({
  name: z.string().trim().min(1, "errors.required").max(40, "errors.too_long"),
  banner: z
    .string()
    .trim()
    .max(200, "errors.too_long")
    .nullable()
    .transform((v) => (v ? v : null)),
  editorId: z
    .union([z.literal(""), z.null(), Id])
    .transform((v) => (v === "" || v === null ? null : v)),
  /** The page's desk; "" or null for none, left out to keep it as it is. */
  deskId: z
    .union([z.literal(""), z.null(), Id])
    .optional()
    .transform((v) => (v === "" || v === null ? null : v)),
});
export const AddPageInput = PageFields.extend({ issueId: Id });
export const UpdatePageInput = PageFields.extend({ pageId: Id });
export const ReorderPagesInput = z.object({ issueId: Id, pageIds: z.array(Id).min(1).max(200) });
export const RemovePageInput = z.object({ pageId: Id });
export const PlaceStoryInput = z.object({ pageId: Id, storyId: Id, slot: Slot });
export const ArrangePageInput = z.object({
  pageId: Id,
  items: z.array(z.object({ storyId: Id, slot: Slot })).max(200),
});
export const RemovePlacementInput = z.object({ pageId: Id, storyId: Id });
export const PublishNowInput = z.object({
  issueId: Id,
  expectedVersion: z.number().int().positive().optional(),
});
export const ScheduleInput = z.object({
  issueId: Id,
  /** Wall-clock time in the paper's timezone, as a datetime-local input gives it. */
  publishAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.datetime_invalid"),
});
export const IssueIdInput = z.object({ issueId: Id });
export const UnpublishInput = z.object({
  issueId: Id,
  reason: z.string().trim().min(1, "errors.note_required").max(2000, "errors.too_long"),
});
