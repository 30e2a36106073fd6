// A section label on the page (■信息, 【工会动态】) or an editor's-note label (编者按, 开栏的话)
// alone on its line (pure).
import { editorsNoteLabel, labelText, sectionKind } from "./headings";
import type { PageWalk } from "./page-walk";
import type { Unit } from "./units";

const SECTION_MARK = /^[■□●○◆◇▲△★☆◎※▶►]/u;

/**
 * An editor's-note label opens a story of kind `editors_note` waiting for its text or
 * headline. A section label closes the open story and sets the column for what follows.
 */
export function readLabel(walk: PageWalk, unit: Unit): void {
  const note = editorsNoteLabel(unit.text);
  if (note) {
    walk.section = null;
    const draft = walk.start();
    draft.kind = "editors_note";
    draft.labelOnly = true;
    draft.deck = { kicker: null, headline: labelText(unit.text), subheadline: null };
    walk.mark(unit, "label", "labelEditorsNote");
    return;
  }
  // 【工会动态】 names the column; ■江苏 inside it only names a region, so a label that
  // implies no kind keeps the column's.
  const kind = sectionKind(unit.text);
  if (kind || !SECTION_MARK.test(unit.text)) walk.section = kind;
  walk.current = null;
  walk.mark(unit, "label", "labelSection", null);
}
