// A unit of running text: an editor's note, a paragraph opening a story with its dateline and
// byline (Chinese or English), or a paragraph of the open story (pure).
import { mergeByline, parseEnglishDateline, parseLeadByline } from "./bylines";
import { editorsNoteLabel } from "./headings";
import type { PageWalk } from "./page-walk";
import type { RuleId } from "./rules";
import type { Unit } from "./units";

export function readText(walk: PageWalk, unit: Unit): void {
  const current = walk.current;
  const note = editorsNoteLabel(unit.text);
  const headlineWaiting =
    current !== null &&
    current.deck !== null &&
    !current.labelOnly &&
    current.paragraphs.length === 0;
  if (note && headlineWaiting && current) {
    // 编者按 right under a headline prefaces that story: it stays at the head of its text.
    walk.addParagraph(current, unit, unit.text, "body", "bodyEditorsNote");
    current.prefaceOnly = true;
    return;
  }
  if (note) {
    walk.section = null;
    const draft = current?.labelOnly && current.paragraphs.length === 0 ? current : walk.start();
    draft.section = null;
    draft.kind = "editors_note";
    draft.labelOnly = false;
    draft.deck ??= { kicker: null, headline: note, subheadline: null };
    const rest = unit.text
      .slice(note.length)
      .replace(/^[\s：:]+/u, "")
      .trim();
    walk.addParagraph(draft, unit, rest, "body", "labelEditorsNote");
    return;
  }
  const atStart =
    current !== null && (current.paragraphs.length === 0 || current.prefaceOnly) && !current.closed;
  if (current) current.prefaceOnly = false;
  const lead = parseLeadByline(unit.text);
  const english = atStart || current === null ? parseEnglishDateline(unit.text) : null;
  if (lead && (lead.part.dateline != null || atStart || current === null)) {
    const draft = atStart && current ? current : walk.start();
    draft.byline = mergeByline(draft.byline, lead.part);
    draft.hasLead = true;
    if (lead.unbracketed === "bare") draft.doubts.push("guessedByline");
    const rule: RuleId = lead.unbracketed ? "bylineUnbracketed" : "bylineLead";
    walk.addParagraph(draft, unit, lead.rest, "body", rule);
    return;
  }
  if (english) {
    const draft = atStart && current ? current : walk.start();
    draft.byline = mergeByline(draft.byline, english.part);
    draft.hasLead = true;
    walk.addParagraph(draft, unit, english.rest, "body", "englishDateline");
    return;
  }
  const draft = walk.openOrStart();
  draft.labelOnly = false;
  walk.addParagraph(draft, unit, unit.text);
}
