// Where one story ends and the next begins: a display line after a story's text starts a new
// story, or stays in it as a subhead (pure).
import {
  type BylinePart,
  parseBylineLine,
  parseEnglishDateline,
  parseTrailingByline,
} from "./bylines";
import type { Draft } from "./story-draft";
import { opensWithDateline, type Unit } from "./units";

/** The byline units from `from` on (a credit may wrap over two lines). */
export function bylineRun(units: readonly Unit[], from: number): Unit[] {
  const run: Unit[] = [];
  for (let k = from; units[k]?.kind === "byline"; k += 1) run.push(units[k] as Unit);
  return run;
}

/** The photo credit a run of byline lines makes together, if it is one. */
export function photoCreditOf(run: readonly Unit[]): BylinePart | null {
  if (run.length === 0) return null;
  const part = parseBylineLine(run.map((u) => u.text).join(" "));
  return part?.isPhotoCredit ? part : null;
}

// A short run of paragraphs closed by a photo credit (on its own lines, or glued to the
// caption's last sentence) is a photo story of its own.
function photoStoryAhead(units: readonly Unit[], from: number): boolean {
  let k = from;
  let count = 0;
  while (units[k]?.kind === "body" && !opensWithDateline(units[k] as Unit) && count < 4) {
    k += 1;
    count += 1;
  }
  if (count === 0) return false;
  if (photoCreditOf(bylineRun(units, k)) !== null) return true;
  const caption = units[k - 1]?.text ?? "";
  return parseTrailingByline(caption)?.part.isPhotoCredit === true;
}

/**
 * Whether the display lines `group`, followed by `units[after]`, start a new story rather than
 * a subhead inside `current`: the story is closed or signed; a byline or dateline follows;
 * the deck has two or more lines; more blank lines than usual precede it; or a photo story
 * follows.
 */
export function startsNewStory(
  units: readonly Unit[],
  group: readonly Unit[],
  after: number,
  current: Draft | null,
  typicalGap: number,
): boolean {
  const draft = current;
  if (!draft || draft.closed || draft.paragraphs.length === 0) return true;
  if (draft.kind === "editors_note") return true;
  // A story signed at its end (…。（王敏）) is over; what follows is the next one.
  if (parseTrailingByline(draft.paragraphs[draft.paragraphs.length - 1] ?? "")) return true;
  const next = units[after];
  if (next?.kind === "byline" && !photoCreditOf(bylineRun(units, after))) return true;
  if (next && opensWithDateline(next)) return true;
  if (next?.kind === "body" && parseEnglishDateline(next.text)) return true;
  if (group.length >= 2) return true;
  if ((group[0]?.blankBefore ?? 0) > typicalGap) return true;
  return photoStoryAhead(units, after);
}

/** The blank lines that usually separate two paragraphs on this page. */
export function typicalParagraphGap(units: readonly Unit[]): number {
  const gaps = units
    .filter((u, i) => u.kind === "body" && units[i - 1]?.kind === "body")
    .map((u) => u.blankBefore)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 1;
}
