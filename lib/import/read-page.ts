// Page text → stories and the reading of every line (pure). The text is cut into units, broken
// paragraphs and interleaved columns are mended, headlines printed after their body are moved
// back; then each unit goes to the file that reads its kind: page-labels.ts,
// page-display-lines.ts, page-byline-lines.ts, page-text.ts. The rules they apply are listed
// in rules.ts.
import { deinterleaveColumns } from "./english";
import { moveHeadlinesAboveBody } from "./headlines-after-body";
import { readBylineLines } from "./page-byline-lines";
import { readDisplayLines } from "./page-display-lines";
import { readLabel } from "./page-labels";
import { readText } from "./page-text";
import { PageWalk } from "./page-walk";
import { typicalParagraphGap } from "./story-boundaries";
import { finishDrafts } from "./story-draft";
import type { AnnotatedLine, ParsedPage, StoryConfidence } from "./types";
import { joinBrokenParagraphs, readUnits, type Unit } from "./units";

export type PageReading = ParsedPage & {
  lines: AnnotatedLine[];
  /** One per article, in the same order: how sure the reading is, and why not more. */
  stories: StoryConfidence[];
};

/** The page, its stories, how each source line was read and by which rule. */
export function readPage(text: string): PageReading {
  const { annotations, units: raw } = readUnits(text);
  const columns = deinterleaveColumns(raw);
  const { units, moved } = moveHeadlinesAboveBody(joinBrokenParagraphs(columns.units));
  const walk = new PageWalk(
    units,
    annotations,
    text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u),
    moved,
    new Set([...columns.moved].flatMap((u) => u.lines)),
    typicalParagraphGap(units),
  );
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    if (unit.kind === "label") readLabel(walk, unit);
    else if (unit.kind === "heading") i = readDisplayLines(walk, i);
    else if (unit.kind === "byline") i = readBylineLines(walk, i);
    else readText(walk, unit);
  }
  const { articles, stories } = finishDrafts(walk.drafts, annotations);
  return { page: { banner: walk.banner }, articles, lines: annotations, stories };
}
