// A story while the page is being read, and how a finished draft becomes a parsed article with
// its confidence (pure).
import type { Byline, StoryKind } from "@/lib/domain/story";
import { emptyByline, mergeByline, parseTrailingByline } from "./bylines";
import { confidenceOf, type DoubtId } from "./rules";
import type { Deck } from "./stacks";
import type { AnnotatedLine, LineRole, ParsedArticle, StoryConfidence } from "./types";

export type Draft = {
  deck: Deck | null;
  kind: StoryKind | null;
  byline: Byline;
  paragraphs: string[];
  hasLead: boolean;
  hasPhotoCredit: boolean;
  /** A trailing credit or byline was read: the story is over. */
  closed: boolean;
  /** An editor's-note label alone on its line, waiting for its headline or text. */
  labelOnly: boolean;
  /** The only text so far is an editor's note prefacing the story; its dateline is to come. */
  prefaceOnly: boolean;
  section: StoryKind | null;
  lines: { index: number; role: LineRole }[];
  /** What made the reading of this story a guess (lowers its confidence). */
  doubts: DoubtId[];
};

export function newDraft(section: StoryKind | null): Draft {
  return {
    deck: null,
    kind: null,
    byline: emptyByline(),
    paragraphs: [],
    hasLead: false,
    hasPhotoCredit: false,
    closed: false,
    labelOnly: false,
    prefaceOnly: false,
    section,
    lines: [],
    doubts: [],
  };
}

export function hasNames(byline: Byline): boolean {
  return byline.reporters.length + byline.correspondents.length + byline.photographers.length > 0;
}

/** Names alone on a line (付小为, 张三 李四): 2–3 characters each, up to three. */
export function bareNameList(line: string): string[] | null {
  const names = line.trim().split(/[\s、]+/u);
  if (names.length > 3) return null;
  return names.every((n) => /^\p{Script=Han}{2,3}$/u.test(n)) ? names : null;
}

function kindOf(draft: Draft): StoryKind {
  if (draft.kind) return draft.kind;
  if (draft.hasPhotoCredit && !draft.byline.dateline && draft.byline.reporters.length === 0) {
    return "photo";
  }
  if (draft.section) return draft.section;
  if (!draft.deck) return "brief";
  return "news";
}

/**
 * The drafts as articles, in page order, with a confidence each. A draft without text leads
 * no story: its display lines are furniture. Each annotated line learns its article.
 */
export function finishDrafts(
  drafts: readonly Draft[],
  annotations: AnnotatedLine[],
): { articles: ParsedArticle[]; stories: StoryConfidence[] } {
  const articles: ParsedArticle[] = [];
  const stories: StoryConfidence[] = [];
  for (const draft of drafts) {
    if (draft.paragraphs.length === 0) {
      for (const line of draft.lines) {
        const annotation = annotations[line.index];
        if (!annotation) continue;
        annotation.role = line.role === "byline" ? "byline" : "chrome";
        if (line.role !== "byline") annotation.rule = "deckEmpty";
      }
      continue;
    }
    const doubts = [...draft.doubts];
    const last = draft.paragraphs[draft.paragraphs.length - 1] ?? "";
    if (!hasNames(draft.byline)) {
      const trailing = parseTrailingByline(last);
      if (trailing && trailing.rest.length > 0) {
        draft.paragraphs[draft.paragraphs.length - 1] = trailing.rest;
        draft.byline = mergeByline(draft.byline, trailing.part);
        if (trailing.part.isPhotoCredit) draft.hasPhotoCredit = true;
        if (trailing.guessed) doubts.push("gluedSignature");
      }
    }
    const kind = kindOf(draft);
    const b = draft.byline;
    if (!hasNames(b) && !b.dateline && !b.agency && kind === "news") doubts.push("noByline");
    const index = articles.length;
    for (const line of draft.lines) {
      const annotation = annotations[line.index];
      if (annotation) annotation.article = index;
    }
    articles.push({
      kicker: draft.deck?.kicker ?? null,
      headline: draft.deck?.headline ?? null,
      subheadline: draft.deck?.subheadline || null,
      kind,
      byline: draft.byline,
      paragraphs: draft.paragraphs,
    });
    const unique = [...new Set(doubts)];
    stories.push({ confidence: confidenceOf(unique), doubts: unique });
  }
  return { articles, stories };
}
