// Page text → stories and the reading of every line: the loop that walks the units of a page
// and hands each to the rule family that owns it (pure). The rules live in their modules (see
// rules.ts); this file only decides which story a unit goes to.
import type { StoryKind } from "@/db/schema";
import { mergeByline, parseEnglishDateline, parseLeadByline } from "./bylines";
import { DuplicateIndex } from "./duplicates";
import { deinterleaveColumns, looksInterleaved } from "./english";
import { editorsNoteLabel, isBannerLike, labelText, sectionKind } from "./headings";
import { moveHeadlinesAboveBody } from "./headlines-after-body";
import { readDeck } from "./read-deck";
import type { RuleId } from "./rules";
import { bylineRun, photoCreditOf, startsNewStory, typicalParagraphGap } from "./story-boundaries";
import { bareNameList, type Draft, finishDrafts, hasNames, newDraft } from "./story-draft";
import type { AnnotatedLine, LineRole, ParsedPage, StoryConfidence } from "./types";
import { joinBrokenParagraphs, readUnits, type Unit } from "./units";

export type PageReading = ParsedPage & {
  lines: AnnotatedLine[];
  /** One per article, in the same order: how sure the reading is, and why not more. */
  stories: StoryConfidence[];
};

const SECTION_MARK = /^[■□●○◆◇▲△★☆◎※▶►]/u;

/** The page, its stories, how each source line was read and by which rule. */
export function readPage(text: string): PageReading {
  const { annotations, units: raw } = readUnits(text);
  const columns = deinterleaveColumns(raw);
  const { units, moved } = moveHeadlinesAboveBody(joinBrokenParagraphs(columns.units));
  const typicalGap = typicalParagraphGap(units);
  const source = text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);

  // Source lines dealt out to another column's paragraph: the story is a reconstruction.
  const interleaved = new Set([...columns.moved].flatMap((u) => u.lines));
  const drafts: Draft[] = [];
  const duplicates = new DuplicateIndex();
  let banner: string | null = null;
  let section: StoryKind | null = null;
  let current = null as Draft | null;

  const mark = (unit: Unit, role: LineRole, rule: RuleId, draft: Draft | null = current) => {
    unit.lines.forEach((index, k) => {
      const annotation = annotations[index];
      if (!annotation) return;
      annotation.role = role;
      annotation.rule = moved.has(unit) ? "deckAfterBody" : rule;
      // Lines after the first of a unit were joined onto it: one wrapped paragraph or deck.
      if (k > 0) {
        annotation.continues = true;
        if (role === "body") annotation.rule = "bodyJoined";
        // Joined onto a line that is not the one above it (columns put back apart).
        const previous = unit.lines[k - 1];
        if (previous !== undefined && interleaved.has(index)) annotation.after = previous;
      }
      if (interleaved.has(index)) annotation.rule = "englishInterleaved";
      draft?.lines.push({ index, role });
    });
  };
  const start = (): Draft => {
    const draft = newDraft(section);
    drafts.push(draft);
    current = draft;
    return draft;
  };
  const addParagraph = (
    draft: Draft,
    unit: Unit,
    text: string,
    role: LineRole = "body",
    rule: RuleId = "bodyParagraph",
  ) => {
    if (text.length === 0) {
      mark(unit, "byline", rule, draft);
      return;
    }
    if (role === "body" && duplicates.isDuplicate(text)) {
      mark(unit, "duplicate", "bodyDuplicate", null);
      return;
    }
    draft.paragraphs.push(text);
    duplicates.add(text);
    const reordered = unit.lines.some((i) => interleaved.has(i));
    if (reordered || looksInterleaved(unit.lines.map((i) => source[i] ?? ""))) {
      draft.doubts.push("interleaved");
    }
    mark(unit, role, rule, draft);
  };

  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    if (unit.kind === "label") {
      const note = editorsNoteLabel(unit.text);
      if (note) {
        section = null;
        const draft = start();
        draft.kind = "editors_note";
        draft.labelOnly = true;
        draft.deck = { kicker: null, headline: labelText(unit.text), subheadline: null };
        mark(unit, "label", "labelEditorsNote");
      } else {
        // 【工会动态】 names the column; ■江苏 inside it only names a region, so a label
        // that implies no kind keeps the column's.
        const kind = sectionKind(unit.text);
        if (kind || !SECTION_MARK.test(unit.text)) section = kind;
        current = null;
        mark(unit, "label", "labelSection", null);
      }
      continue;
    }

    if (unit.kind === "heading") {
      let end = i;
      while (units[end]?.kind === "heading") end += 1;
      let group = units.slice(i, end);
      i = end - 1;
      const open = current as Draft | null;
      if (banner === null && drafts.length === 0 && group[0] && isBannerLike(group[0].text)) {
        banner = group[0].text;
        mark(group[0], "banner", "banner", null);
        group = group.slice(1);
        if (group.length === 0) continue;
      }
      if (open?.labelOnly && open.paragraphs.length === 0) {
        const { deck, roles, doubts } = readDeck(group);
        open.deck = { ...deck, kicker: open.deck?.headline ?? null };
        open.labelOnly = false;
        open.doubts.push(...doubts);
        for (const r of roles) mark(r.unit, r.role === "kicker" ? "subheadline" : r.role, r.rule);
        continue;
      }
      // Display lines closing the page under a story printed without a deck are its headline,
      // set after its body (the page listed the body first).
      if (end === units.length && open && open.deck === null && open.paragraphs.length > 0) {
        const { deck, roles, doubts } = readDeck(group);
        open.deck = deck;
        open.doubts.push(...doubts, "headlineAfterBody");
        for (const r of roles) mark(r.unit, r.role, "deckAfterBody");
        continue;
      }
      // A commentary prints its author's bare name under the headline (付小为): a byline.
      const signature = group.length >= 2 ? group[group.length - 1] : undefined;
      const bareNames = signature ? bareNameList(signature.text) : null;
      if (signature && bareNames) group = group.slice(0, -1);
      if (startsNewStory(units, group, end, current, typicalGap)) {
        const draft = start();
        if (signature && bareNames) {
          draft.byline = mergeByline(draft.byline, { reporters: bareNames });
          draft.hasLead = true;
          mark(signature, "byline", "bylineBareNames");
        }
        const { deck, roles, doubts } = readDeck(group);
        draft.deck = deck;
        draft.doubts.push(...doubts);
        if (group.some((g) => moved.has(g))) draft.doubts.push("headlineAfterBody");
        // Briefs carry one headline; a story with a full deck leaves the brief column.
        if (deck.kicker !== null || deck.subheadline !== null) {
          section = null;
          draft.section = null;
        }
        for (const r of roles) mark(r.unit, r.role, r.rule);
      } else if (open) {
        open.doubts.push("subheadInside");
        for (const g of group) addParagraph(open, g, g.text, "subhead", "bodySubhead");
      }
      continue;
    }

    if (unit.kind === "byline") {
      const run = bylineRun(units, i);
      i += run.length - 1;
      const draft = current as Draft | null;
      if (draft && draft.paragraphs.length === 0 && !draft.closed) {
        for (const u of run) {
          draft.byline = mergeByline(draft.byline, u.byline ?? {});
          mark(u, "byline", "bylineLine");
        }
        draft.hasLead = draft.hasLead || hasNames(draft.byline);
        continue;
      }
      const target = draft && !draft.closed ? draft : start();
      const credit = photoCreditOf(run);
      if (credit) {
        target.byline = mergeByline(target.byline, credit);
        target.hasPhotoCredit = true;
      } else {
        for (const u of run) target.byline = mergeByline(target.byline, u.byline ?? {});
      }
      target.closed = target.paragraphs.length > 0;
      const rule: RuleId = credit ? "bylinePhotoCredit" : "bylineClosing";
      for (const u of run) mark(u, "byline", rule, target);
      continue;
    }

    // Body text.
    const note = editorsNoteLabel(unit.text);
    const headlineWaiting =
      current !== null &&
      current.deck !== null &&
      !current.labelOnly &&
      current.paragraphs.length === 0;
    if (note && headlineWaiting && current) {
      // 编者按 right under a headline prefaces that story: it stays at the head of its text.
      addParagraph(current, unit, unit.text, "body", "bodyEditorsNote");
      current.prefaceOnly = true;
      continue;
    }
    if (note) {
      section = null;
      const draft = current?.labelOnly && current.paragraphs.length === 0 ? current : start();
      draft.section = null;
      draft.kind = "editors_note";
      draft.labelOnly = false;
      draft.deck ??= { kicker: null, headline: note, subheadline: null };
      const rest = unit.text
        .slice(note.length)
        .replace(/^[\s：:]+/u, "")
        .trim();
      addParagraph(draft, unit, rest, "body", "labelEditorsNote");
      continue;
    }
    const atStart =
      current !== null &&
      (current.paragraphs.length === 0 || current.prefaceOnly) &&
      !current.closed;
    if (current) current.prefaceOnly = false;
    const lead = parseLeadByline(unit.text);
    const english = atStart || current === null ? parseEnglishDateline(unit.text) : null;
    if (lead && (lead.part.dateline != null || atStart || current === null)) {
      const draft = atStart && current ? current : start();
      draft.byline = mergeByline(draft.byline, lead.part);
      draft.hasLead = true;
      if (lead.unbracketed === "bare") draft.doubts.push("guessedByline");
      const rule: RuleId = lead.unbracketed ? "bylineUnbracketed" : "bylineLead";
      addParagraph(draft, unit, lead.rest, "body", rule);
      continue;
    }
    if (english) {
      const draft = atStart && current ? current : start();
      draft.byline = mergeByline(draft.byline, english.part);
      draft.hasLead = true;
      addParagraph(draft, unit, english.rest, "body", "englishDateline");
      continue;
    }
    const draft = current && !current.closed ? current : start();
    draft.labelOnly = false;
    addParagraph(draft, unit, unit.text);
  }

  const { articles, stories } = finishDrafts(drafts, annotations);
  return { page: { banner }, articles, lines: annotations, stories };
}
