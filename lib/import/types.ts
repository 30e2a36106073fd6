// The shapes the page-text importer produces: the parse itself and its per-line reading.
import type { Byline, StoryKind } from "@/lib/domain/story";

export type ParsedArticle = {
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  kind: StoryKind;
  byline: Byline;
  paragraphs: string[];
};

export type ParsedPage = {
  page: { banner: string | null };
  articles: ParsedArticle[];
};

export const LINE_ROLES = [
  "banner",
  "label",
  "kicker",
  "headline",
  "subheadline",
  "subhead",
  "byline",
  "body",
  "chrome",
  "duplicate",
  "blank",
] as const;
export type LineRole = (typeof LINE_ROLES)[number];

/** How the parser read one line of the source, for the desk's side-by-side review. */
export type AnnotatedLine = {
  text: string;
  role: LineRole;
  article?: number;
  /** The line was joined onto the line before it (a paragraph or deck broken at a line end). */
  continues?: true;
};
