// Input of the import desk: shared by its form and its server actions, which trust nothing the
// browser corrected (pure).
import { z } from "zod";
import { STORY_KINDS } from "@/lib/domain/story";
import { isValidIssueDate } from "./target";

export const IMPORT_STATUSES = ["approved", "draft"] as const;
export const MAX_IMPORT_STORIES = 200;

const Text = (max: number) => z.string().trim().max(max, "errors.too_long");
const OptionalText = (max: number) =>
  Text(max)
    .nullable()
    .transform((v) => (v ? v : null));
const Names = z.array(Text(40).min(1, "errors.required")).max(30, "errors.too_long");

export const ImportedByline = z.object({
  dateline: OptionalText(100),
  agency: OptionalText(60).optional(),
  reporters: Names,
  correspondents: Names,
  photographers: Names,
  credit: OptionalText(300).optional(),
});

export const ImportedArticle = z.object({
  kicker: OptionalText(200),
  headline: OptionalText(200),
  subheadline: OptionalText(300),
  kind: z.enum(STORY_KINDS),
  byline: ImportedByline,
  paragraphs: z
    .array(Text(50_000).min(1, "errors.required"))
    .min(1, "errors.import_story_empty")
    .max(1_000, "errors.too_long"),
});

/** Where the stories go: an issue date, a page, the page's name if it is new, their status. */
export const ImportTargetInput = z.object({
  date: z.string().refine(isValidIssueDate, "errors.import_bad_date"),
  pageNumber: z.coerce
    .number("errors.import_bad_page")
    .int("errors.import_bad_page")
    .min(1, "errors.import_bad_page")
    .max(999, "errors.import_bad_page"),
  pageName: Text(40)
    .optional()
    .transform((v) => (v ? v : undefined)),
  status: z.enum(IMPORT_STATUSES),
});
export type ImportTargetInput = z.infer<typeof ImportTargetInput>;

/** A reviewed page: the stories as the editor corrected them, and where they go. */
export const ImportPageInput = ImportTargetInput.extend({
  source: Text(200).optional(),
  page: z.object({
    banner: OptionalText(200),
    articles: z
      .array(ImportedArticle)
      .min(1, "errors.import_no_stories")
      .max(MAX_IMPORT_STORIES, "errors.too_long"),
  }),
});
export type ImportPageInput = z.infer<typeof ImportPageInput>;
