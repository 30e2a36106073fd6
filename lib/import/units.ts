// The page text cut into units (one printed line, or one wrapped paragraph) with a first reading.

import { type BylinePart, parseBylineLine, parseLeadByline } from "./bylines";
import { chromeRule, splitGluedChrome, stripJumpMarks } from "./chrome";
import { isMostlyHan } from "./fold";
import { editorsNoteLabel, isHeadingLike, isSectionLabel } from "./headings";
import { endsSentence, joinBroken } from "./paragraphs";
import type { RuleId } from "./rules";
import type { AnnotatedLine } from "./types";

export type UnitKind = "label" | "heading" | "byline" | "body";

export type Unit = {
  text: string;
  kind: UnitKind;
  /** Indexes of the source lines this unit covers. */
  lines: number[];
  /** Blank lines between this unit and the previous one. */
  blankBefore: number;
  indented: boolean;
  byline?: BylinePart;
  /** A rule that already shaped the unit (a date-and-page tag cut off its front). */
  rule?: RuleId;
};

function classify(text: string): Pick<Unit, "kind" | "byline"> {
  if (isSectionLabel(text)) return { kind: "label" };
  const byline = parseBylineLine(text);
  if (byline) return { kind: "byline", byline };
  if (parseLeadByline(text)) return { kind: "body" };
  return { kind: isHeadingLike(text) ? "heading" : "body" };
}

/** Whether a body unit opens a story with a dateline or byline (本报讯…, 新华社…电). */
export function opensWithDateline(unit: Unit): boolean {
  if (unit.kind !== "body") return false;
  const lead = parseLeadByline(unit.text);
  return lead?.part.dateline != null;
}

/** Source lines with blanks and furniture marked, and the rest as units in order. */
export function readUnits(text: string): { annotations: AnnotatedLine[]; units: Unit[] } {
  const source = text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
  const annotations: AnnotatedLine[] = source.map((line) => ({ text: line, role: "blank" }));
  const units: Unit[] = [];
  let blanks = 0;
  source.forEach((line, index) => {
    if (line.trim().length === 0) {
      blanks += 1;
      return;
    }
    const stripped = stripJumpMarks(line.trim());
    const annotation = annotations[index];
    // A date-and-page tag with a headline after it is cut first: the whole line would
    // otherwise read as an e-paper header and the headline go with it.
    const glued = splitGluedChrome(stripped);
    const furniture = stripped.length === 0 ? "chromeJump" : glued ? null : chromeRule(stripped);
    if (furniture) {
      if (annotation) {
        annotation.role = "chrome";
        annotation.rule = furniture;
      }
      return;
    }
    const trimmed = glued ?? stripped;
    units.push({
      text: trimmed,
      lines: [index],
      blankBefore: blanks,
      indented: /^[\s\u3000]{2,}/u.test(line),
      ...classify(trimmed),
      ...(glued ? { rule: "chromeGluedDate" as const } : {}),
    });
    blanks = 0;
  });
  return { annotations, units };
}

/**
 * Whether the text is hard-wrapped at a column width (most long lines stop mid-sentence),
 * as text taken from a print PDF is; e-paper text has one line per paragraph.
 */
function isWrapped(units: Unit[]): boolean {
  const long = units.filter((u) => u.kind === "body" && u.text.length >= 12);
  if (long.length < 4) return false;
  const open = long.filter((u) => !endsSentence(u.text)).length;
  return open / long.length > 0.5;
}

function usesIndent(units: Unit[]): boolean {
  const body = units.filter((u) => u.kind === "body");
  return body.length >= 4 && body.filter((u) => u.indented).length / body.length >= 0.3;
}

/** Whether a story starts at or after `from` once any display lines are passed. */
export function storyStartsAt(units: readonly Unit[], from: number): boolean {
  let k = from;
  while (units[k]?.kind === "heading") k += 1;
  const next = units[k];
  if (!next) return false;
  return next.kind === "byline" || opensWithDateline(next);
}

// A letter's salutation (编辑同志：) is a paragraph of its own, not a sentence cut short.
function isSalutation(text: string): boolean {
  return /^.{1,12}[：:]$/u.test(text.trim());
}

// A short line ending in a colon right above a headline and a dateline is a kicker leading
// into the headline (春节前后送温暖： / 两万余名困难职工获帮扶), not a sentence.
function isLeadInKicker(units: readonly Unit[], i: number): boolean {
  const unit = units[i];
  if (unit?.kind !== "body" || !/[：:]$/u.test(unit.text)) return false;
  if (unit.text.replace(/\s/gu, "").length > 20 || /[，。,]/u.test(unit.text)) return false;
  return units[i + 1]?.kind === "heading" && storyStartsAt(units, i + 1);
}

/**
 * Puts paragraphs broken at column and page ends back together: a body unit that does not
 * end a sentence takes the next unit as its continuation, even one short enough to look
 * like a headline, unless a story visibly starts there (a dateline or byline follows).
 * Hard-wrapped text also joins lines of one block that are not indented.
 */
export function joinBrokenParagraphs(units: Unit[]): Unit[] {
  const wrapped = isWrapped(units);
  const indent = usesIndent(units);
  const out: Unit[] = [];
  units.forEach((unit, i) => {
    const prev = out[out.length - 1];
    if (isLeadInKicker(units, i)) {
      out.push({ ...unit, kind: "heading", lines: [...unit.lines] });
      return;
    }
    // A deck line hyphenated at its end (High- / ways in Eastern Counties) goes on below.
    if (
      prev?.kind === "heading" &&
      unit.blankBefore === 0 &&
      /[A-Za-z]-$/u.test(prev.text) &&
      /^[a-z]/u.test(unit.text)
    ) {
      prev.text = joinBroken(prev.text, unit.text);
      prev.lines.push(...unit.lines);
      return;
    }
    if (prev?.kind === "body" && !opensWithDateline(unit) && !editorsNoteLabel(unit.text)) {
      const open = !endsSentence(prev.text) && !isSalutation(prev.text);
      const sameBlock = wrapped && unit.blankBefore === 0 && !(indent && unit.indented);
      const continues =
        unit.kind === "body" ||
        (unit.kind === "heading" && (open || sameBlock) && !storyStartsAt(units, i));
      if (continues && (open || sameBlock)) {
        prev.text = joinBroken(prev.text, unit.text);
        prev.lines.push(...unit.lines);
        return;
      }
    }
    // A heading-like line followed in the same block by running text is the first line of a
    // paragraph: in English when the text runs on in lowercase or the page is hard-wrapped,
    // in Chinese when the page is hard-wrapped and the line has a clause mark in it.
    const next = units[i + 1];
    const continuesDeck = prev?.kind === "heading" && unit.blankBefore === 0;
    const runsOn =
      unit.kind === "heading" &&
      !continuesDeck &&
      next?.kind === "body" &&
      next.blankBefore === 0 &&
      !opensWithDateline(next) &&
      (isMostlyHan(unit.text)
        ? wrapped && /[，、；,;]/u.test(unit.text)
        : wrapped || /^[a-z]/u.test(next.text));
    if (runsOn) {
      out.push({ ...unit, kind: "body", lines: [...unit.lines] });
      return;
    }
    out.push({ ...unit, lines: [...unit.lines] });
  });
  return out;
}
