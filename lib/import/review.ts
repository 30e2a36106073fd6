// The desk's review of a parsed page: the line roles and story boundaries an editor corrects,
// and the stories derived again from the corrected lines (pure).
import type { Byline, StoryKind } from "@/lib/domain/story";
import {
  type BylinePart,
  emptyByline,
  mergeByline,
  parseBylineLine,
  parseEnglishDateline,
  parseLeadByline,
  parseTrailingByline,
} from "./bylines";
import { splitGluedChrome, stripJumpMarks } from "./chrome";
import { isMostlyHan } from "./fold";
import { editorsNoteLabel, labelText, stripDash } from "./headings";
import { joinBroken } from "./paragraphs";
import { readPage } from "./parse-page";
import { type DoubtId, REVIEW_THRESHOLD, type RuleId } from "./rules";
import { splitFlattened } from "./stacks";
import type { LineRole, ParsedArticle, ParsedPage } from "./types";

/** The roles an editor can give a line; `chrome` drops it from every story. */
export const EDITABLE_ROLES = [
  "kicker",
  "headline",
  "subheadline",
  "byline",
  "body",
  "chrome",
] as const;
export type EditableRole = (typeof EDITABLE_ROLES)[number];

const DECK_ROLES: readonly LineRole[] = ["kicker", "headline", "subheadline"];
const TEXT_ROLES: readonly LineRole[] = ["body", "subhead"];

export type ReviewLine = {
  text: string;
  role: LineRole;
  /** The id of the story the line belongs to, or null (blank, furniture, duplicate, banner). */
  story: number | null;
  /** Joined onto the story's previous line: one paragraph broken at a line end. */
  continues: boolean;
  /** The line it continues when that is not the one above it (columns put back apart). */
  after?: number;
  /** The rule that decided the role (`edited` once the editor set it); null for a blank line. */
  rule: RuleId | null;
};

export type BylineNames = Pick<
  Byline,
  "dateline" | "reporters" | "correspondents" | "photographers"
>;

/** What the editor typed over the derived fields; `null` clears a deck field. */
export type StoryEdits = {
  kicker?: string | null;
  headline?: string | null;
  subheadline?: string | null;
  byline?: Partial<BylineNames>;
};

export type ReviewStory = {
  id: number;
  kind: StoryKind;
  edits: StoryEdits;
  /** The parser's confidence in this story (1 for a story the editor made). */
  confidence: number;
  doubts: DoubtId[];
};

export type Review = {
  lines: ReviewLine[];
  /** In page order (the order of each story's first line). */
  stories: ReviewStory[];
  nextId: number;
};

export type ReviewedArticle = ParsedArticle & {
  id: number;
  /** The source line each paragraph starts at (to split there). */
  paragraphLines: number[];
  confidence: number;
  doubts: DoubtId[];
  /** Below the review threshold: the desk flags it for the editor. */
  flagged: boolean;
};

function storyOf(id: number, kind: StoryKind): ReviewStory {
  return { id, kind, edits: {}, confidence: 1, doubts: [] };
}

/** The parser's reading of a page, as the review starts from it. */
export function startReview(text: string): Review {
  const reading = readPage(text);
  return {
    lines: reading.lines.map((line) => ({
      text: line.text,
      role: line.role,
      story: line.article ?? null,
      continues: line.continues === true,
      ...(line.after !== undefined ? { after: line.after } : {}),
      rule: line.rule ?? null,
    })),
    stories: reading.articles.map((article, id) => ({
      id,
      kind: article.kind,
      edits: {},
      confidence: reading.stories[id]?.confidence ?? 1,
      doubts: reading.stories[id]?.doubts ?? [],
    })),
    nextId: reading.articles.length,
  };
}

const MARK = /^[■□●○◆◇▲△★☆◎※▶►]\s*/u;

function clean(text: string): string {
  const stripped = stripJumpMarks(text.trim());
  return splitGluedChrome(stripped) ?? stripped;
}

function storyLines(review: Review, id: number): number[] {
  const out: number[] = [];
  review.lines.forEach((line, index) => {
    if (line.story === id) out.push(index);
  });
  return out;
}

function hasNames(byline: Byline): boolean {
  return byline.reporters.length + byline.correspondents.length + byline.photographers.length > 0;
}

// A line the editor calls a byline that no rule reads (张三 李四): its words are reporters.
function bylinePartOf(text: string): BylinePart {
  return (
    parseBylineLine(text) ?? {
      reporters: text
        .split(/[\s、，,]+/u)
        .map((name) => name.trim())
        .filter((name) => name.length > 0),
    }
  );
}

// Chinese subheadline lines are joined with a space. English decks that wrapped (adjacent
// lines in the same case) are one deck; separate decks are joined with a dash.
function subheadlineOf(lines: { text: string; index: number }[]): string | null {
  if (lines.length === 0) return null;
  if (lines.some((l) => isMostlyHan(l.text))) return lines.map((l) => stripDash(l.text)).join(" ");
  const isCaps = (t: string) => t === t.toUpperCase();
  const decks: { text: string; index: number; caps: boolean }[] = [];
  for (const line of lines) {
    const last = decks[decks.length - 1];
    if (
      last &&
      last.index === line.index - 1 &&
      last.caps === isCaps(line.text) &&
      !/[.]$/u.test(last.text)
    ) {
      last.text = joinBroken(last.text, line.text);
      last.index = line.index;
    } else decks.push({ text: line.text, index: line.index, caps: isCaps(line.text) });
  }
  return decks.map((d) => stripDash(d.text)).join(" — ") || null;
}

type Paragraph = { text: string; first: number; last: number; subhead: boolean };

/** One story built from its lines: deck lines, byline lines and paragraphs, as the parser would. */
function deriveArticle(review: Review, story: ReviewStory): ReviewedArticle {
  const indexes = storyLines(review, story.id);
  const kicker: string[] = [];
  const headline: string[] = [];
  const subheadline: { text: string; index: number }[] = [];
  let label: string | null = null;
  // Byline pieces by the source line they come from: names add up in print order.
  const parts: { index: number; part: BylinePart }[] = [];
  const paragraphs: Paragraph[] = [];
  let previous = -1;
  let run: { text: string; index: number }[] = [];

  const closeRun = () => {
    const head = run[0];
    if (!head) return;
    const joined = parseBylineLine(run.map((r) => r.text).join(" "));
    if (joined?.isPhotoCredit) parts.push({ index: head.index, part: joined });
    else for (const r of run) parts.push({ index: r.index, part: bylinePartOf(r.text) });
    run = [];
  };

  for (const index of indexes) {
    const line = review.lines[index] as ReviewLine;
    const text = clean(line.text);
    if (line.role !== "byline") closeRun();
    if (text.length === 0) {
      previous = index;
      continue;
    }
    if (line.role === "kicker") kicker.push(text);
    else if (line.role === "headline") headline.push(text.replace(MARK, ""));
    else if (line.role === "subheadline") subheadline.push({ text, index });
    else if (line.role === "label") label = labelText(text);
    else if (line.role === "byline") run.push({ text, index });
    else if (TEXT_ROLES.includes(line.role)) {
      const subhead = line.role === "subhead";
      const joinsAt = line.after ?? previous;
      const last =
        line.after !== undefined
          ? paragraphs.find((p) => p.last === line.after)
          : paragraphs[paragraphs.length - 1];
      if (line.continues && !subhead && last && !last.subhead && last.last === joinsAt) {
        last.text = joinBroken(last.text, text);
        last.last = index;
      } else paragraphs.push({ text, first: index, last: index, subhead });
    }
    previous = index;
  }
  closeRun();

  // A byline or dateline leading the first paragraph (本报讯（记者 X）…), or a dateline leading
  // a later one: a line marked as text came first, or a story was merged into this one.
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.subhead) return;
    const lead = parseLeadByline(paragraph.text);
    if (lead && (i === 0 || lead.part.dateline != null)) {
      parts.push({ index: paragraph.first, part: lead.part });
      paragraph.text = lead.rest;
      return;
    }
    const english = i === 0 ? parseEnglishDateline(paragraph.text) : null;
    if (english) {
      parts.push({ index: paragraph.first, part: english.part });
      paragraph.text = english.rest;
    }
  });

  let head = headline.length > 0 ? headline.reduce((a, b) => joinBroken(a, b)) : null;
  let kick = kicker.length > 0 ? kicker.join(" ") : null;
  let flattenedSub: string | null = null;
  // One headline line alone may be a stack an archive flattened (引题 主题 副题).
  if (headline.length === 1 && kicker.length === 0 && subheadline.length === 0 && head) {
    const stack = splitFlattened(head).deck;
    head = stack.headline;
    kick = stack.kicker;
    flattenedSub = stack.subheadline;
  }
  if (label !== null) {
    if (head === null) head = label;
    else kick ??= label;
  }
  // 编者按：… opening the text of an editor's note is its headline.
  const first = paragraphs[0];
  const note = first ? editorsNoteLabel(first.text) : null;
  if (first && note && head === null && story.kind === "editors_note") {
    head = note;
    first.text = first.text
      .slice(note.length)
      .replace(/^[\s：:]+/u, "")
      .trim();
  }

  const kept = paragraphs.filter((p) => p.text.length > 0);
  const lastParagraph = kept[kept.length - 1];
  let byline = parts
    .sort((a, b) => a.index - b.index)
    .reduce((merged, { part }) => mergeByline(merged, part), emptyByline());
  if (lastParagraph && !hasNames(byline)) {
    const trailing = parseTrailingByline(lastParagraph.text);
    if (trailing && trailing.rest.length > 0) {
      lastParagraph.text = trailing.rest;
      byline = mergeByline(byline, trailing.part);
    }
  }
  const sub = subheadlineOf(subheadline) ?? flattenedSub;
  return {
    id: story.id,
    confidence: story.confidence,
    doubts: story.doubts,
    flagged: story.confidence < REVIEW_THRESHOLD,
    kicker: kick,
    headline: head,
    subheadline: sub || null,
    kind: story.kind,
    byline,
    paragraphs: kept.map((p) => p.text),
    paragraphLines: kept.map((p) => p.first),
  };
}

function applyEdits(article: ReviewedArticle, edits: StoryEdits): ReviewedArticle {
  // Kept as typed (the import trims): trimming here would eat the space being typed.
  const field = (value: string | null | undefined, fallback: string | null) =>
    value === undefined ? fallback : value || null;
  const names = edits.byline ?? {};
  return {
    ...article,
    kicker: field(edits.kicker, article.kicker),
    headline: field(edits.headline, article.headline),
    subheadline: field(edits.subheadline, article.subheadline),
    byline: {
      ...article.byline,
      ...(names.dateline !== undefined ? { dateline: names.dateline || null } : {}),
      ...(names.reporters ? { reporters: names.reporters } : {}),
      ...(names.correspondents ? { correspondents: names.correspondents } : {}),
      ...(names.photographers ? { photographers: names.photographers } : {}),
    },
  };
}

/**
 * The stories as they stand, derived from the lines as the editor left them, with the
 * editor's typed edits on top. For lines as the parser read them this is the parser's own
 * result (the tests hold every fixture page to that), so a correction changes only the
 * stories whose lines it touches.
 */
export function reviewedArticles(review: Review): ReviewedArticle[] {
  return review.stories
    .map((story) => applyEdits(deriveArticle(review, story), story.edits))
    .filter((article) => article.paragraphs.length > 0 || article.headline !== null);
}

/** The page banner: the line marked as such. */
export function reviewedBanner(review: Review): string | null {
  const line = review.lines.find((l) => l.role === "banner");
  return line ? line.text.trim() : null;
}

/** What the import writes: the page as corrected. */
export function reviewedPage(review: Review): ParsedPage {
  return {
    page: { banner: reviewedBanner(review) },
    articles: reviewedArticles(review).map(
      ({
        id: _id,
        paragraphLines: _lines,
        confidence: _c,
        doubts: _d,
        flagged: _f,
        ...article
      }) => ({
        ...article,
      }),
    ),
  };
}

// Stories in the order of their first line; a story left without lines is gone.
function normalize(review: Review): Review {
  const first = new Map<number, number>();
  review.lines.forEach((line, index) => {
    if (line.story !== null && !first.has(line.story)) first.set(line.story, index);
  });
  const stories = review.stories
    .filter((s) => first.has(s.id))
    .sort((a, b) => (first.get(a.id) ?? 0) - (first.get(b.id) ?? 0));
  return { ...review, stories };
}

// A new reading of a story's deck lines replaces what was typed over the old reading.
function touch(stories: ReviewStory[], ids: Iterable<number>, keepDeck = false): ReviewStory[] {
  const set = new Set(ids);
  return stories.map((story) => {
    if (keepDeck || !set.has(story.id)) return story;
    const { kicker: _k, headline: _h, subheadline: _s, ...rest } = story.edits;
    return { ...story, edits: rest };
  });
}

function nearestStory(review: Review, index: number): number | null {
  for (let i = index - 1; i >= 0; i -= 1) {
    const story = review.lines[i]?.story;
    if (story != null) return story;
  }
  for (let i = index + 1; i < review.lines.length; i += 1) {
    const story = review.lines[i]?.story;
    if (story != null) return story;
  }
  return null;
}

function childKind(kind: StoryKind): StoryKind {
  return kind === "editors_note" ? "news" : kind;
}

/**
 * Gives a line a role. A deck line (kicker, headline, subheadline) below text the story
 * already has starts a new story there, as a deck does on the page; `chrome` drops the
 * line. A line outside every story joins the story around it. The line stands alone:
 * it is no longer joined to the line before it.
 */
export function setLineRole(review: Review, index: number, role: EditableRole): Review {
  const line = review.lines[index];
  if (!line || line.role === "blank" || line.role === role) return review;
  const lines = review.lines.map((l) => ({ ...l }));
  const target = lines[index] as ReviewLine;
  let stories = review.stories;
  let nextId = review.nextId;
  const touched = new Set<number>();
  if (line.story !== null) touched.add(line.story);

  if (role === "chrome") {
    target.role = "chrome";
    target.story = null;
    target.continues = false;
    target.rule = "edited";
    return normalize({ lines, stories: touch(stories, touched), nextId });
  }

  let storyId = line.story ?? nearestStory(review, index);
  if (storyId === null) {
    storyId = nextId;
    nextId += 1;
    stories = [...stories, storyOf(storyId, "news")];
  }
  touched.add(storyId);
  target.story = storyId;
  target.role = role;
  target.continues = false;
  target.rule = "edited";

  if (DECK_ROLES.includes(role)) {
    const own = storyLines({ ...review, lines }, storyId);
    const textBefore = own.some(
      (i) => i < index && TEXT_ROLES.includes((lines[i] as ReviewLine).role),
    );
    if (textBefore) {
      const parent = stories.find((s) => s.id === storyId);
      const id = nextId;
      nextId += 1;
      for (const i of own) if (i >= index) (lines[i] as ReviewLine).story = id;
      stories = [...stories, storyOf(id, childKind(parent?.kind ?? "news"))];
      touched.add(id);
    }
  }
  return normalize({ lines, stories: touch(stories, touched), nextId });
}

/**
 * Joins a story onto the one before it: its lines go to that story, its deck lines become
 * subheads (paragraphs of their own), as the parser keeps a display line inside a story.
 */
export function mergeWithPrevious(review: Review, storyId: number): Review {
  const position = review.stories.findIndex((s) => s.id === storyId);
  const previous = review.stories[position - 1];
  if (position < 1 || !previous) return review;
  const lines = review.lines.map((line) => {
    if (line.story !== storyId) return line;
    const isDeck = DECK_ROLES.includes(line.role) || line.role === "label";
    return {
      ...line,
      story: previous.id,
      role: isDeck ? ("subhead" as const) : line.role,
      continues: isDeck ? false : line.continues,
      rule: isDeck ? ("edited" as const) : line.rule,
    };
  });
  return normalize({
    ...review,
    lines,
    stories: touch(
      review.stories.filter((s) => s.id !== storyId),
      [previous.id],
      true,
    ),
  });
}

/**
 * Cuts a story in two at a source line (the first line of a paragraph after the first): that
 * line and the story's lines after it become a new story. A subhead at the cut becomes its
 * headline.
 */
export function splitStory(review: Review, storyId: number, atLine: number): Review {
  const story = review.stories.find((s) => s.id === storyId);
  const own = storyLines(review, storyId);
  const textBefore = own.some(
    (i) => i < atLine && TEXT_ROLES.includes((review.lines[i] as ReviewLine).role),
  );
  if (!story || !own.includes(atLine) || !textBefore) return review;
  const id = review.nextId;
  const lines = review.lines.map((line, index) => {
    if (line.story !== storyId || index < atLine) return line;
    const role = index === atLine && line.role === "subhead" ? ("headline" as const) : line.role;
    const rule = role !== line.role ? ("edited" as const) : line.rule;
    return { ...line, story: id, role, rule, continues: index === atLine ? false : line.continues };
  });
  return normalize({
    lines,
    stories: touch([...review.stories, storyOf(id, childKind(story.kind))], [storyId, id], true),
    nextId: id + 1,
  });
}

/** The editor's typed changes to a story's deck, names and kind. */
export function editStory(
  review: Review,
  storyId: number,
  change: { kind?: StoryKind } & StoryEdits,
): Review {
  const { kind, byline, ...deck } = change;
  return {
    ...review,
    stories: review.stories.map((story) =>
      story.id === storyId
        ? {
            ...story,
            kind: kind ?? story.kind,
            edits: {
              ...story.edits,
              ...deck,
              ...(byline ? { byline: { ...story.edits.byline, ...byline } } : {}),
            },
          }
        : story,
    ),
  };
}
