// Pages that list each story's body before its headline (some archives export them so): the
// headline is moved back above its story before the stories are read (pure).
import { opensWithDateline, type Unit } from "./units";

const isDeck = (u: Unit | undefined) => u?.kind === "heading";
const startsStory = (u: Unit | undefined) =>
  u !== undefined && (u.kind === "byline" || opensWithDateline(u));

/**
 * Whether the page is laid out body first: it opens with a story's text (a dateline, no deck
 * above it), ends on display lines with no text under them, and every group of display lines
 * is followed by the next story's dateline or the end of the page.
 */
export function listsBodyFirst(units: readonly Unit[]): boolean {
  const content = units.filter((u) => u.kind !== "label");
  const first = content[0];
  if (!first || !opensWithDateline(first) || !isDeck(content[content.length - 1])) return false;
  let groups = 0;
  for (let i = 0; i < content.length; i += 1) {
    if (!isDeck(content[i]) || isDeck(content[i + 1])) continue;
    groups += 1;
    const next = content[i + 1];
    if (next !== undefined && !startsStory(next)) return false;
  }
  return groups >= 1;
}

/**
 * The units with each group of display lines moved above the text before it (back to where
 * that story starts), and the units that moved; the same units unchanged when the page is
 * not laid out body first.
 */
export function moveHeadlinesAboveBody(units: Unit[]): { units: Unit[]; moved: Set<Unit> } {
  const moved = new Set<Unit>();
  if (!listsBodyFirst(units)) return { units, moved };
  const out: Unit[] = [];
  let story: Unit[] = [];
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    if (!isDeck(unit)) {
      story.push(unit);
      continue;
    }
    const group: Unit[] = [];
    while (isDeck(units[i])) {
      group.push(units[i] as Unit);
      i += 1;
    }
    i -= 1;
    for (const g of group) moved.add(g);
    // The blank lines that set the story off go with its new first line.
    const head = story[0];
    const firstDeck = group[0];
    if (head && firstDeck) {
      const gap = head.blankBefore;
      head.blankBefore = 0;
      firstDeck.blankBefore = gap;
    }
    out.push(...group, ...story);
    story = [];
  }
  out.push(...story);
  return { units: out, moved };
}
