// The shapes the page-text importer produces: the parse itself and its per-line reading.
import type { Byline, StoryKind } from "@/lib/domain/story";
import type { DoubtId, RuleId } from "./rules";

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
  /** The line it continues, when that is not the line above (interleaved columns). */
  after?: number;
  /** The named rule that decided the line's role (every line but a blank one has one). */
  rule?: RuleId;
};

/** How sure the parser is of one story, and why it is less than sure. */
export type StoryConfidence = {
  /** 0.1–1; below `REVIEW_THRESHOLD` the desk flags the story for review. */
  confidence: number;
  doubts: DoubtId[];
};
