// Page text → stories: the importer's reading of one printed or e-paper page (pure).
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
import { DuplicateIndex } from "./duplicates";
import { isMostlyHan } from "./fold";
import {
  type Deck,
  editorsNoteLabel,
  isBannerLike,
  labelText,
  sectionKind,
  splitDeck,
  stripDash,
} from "./headings";
import { joinBroken } from "./paragraphs";
import type { AnnotatedLine, LineRole, ParsedArticle, ParsedPage } from "./types";
import { joinBrokenParagraphs, opensWithDateline, readUnits, type Unit } from "./units";

type Draft = {
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
};

export type PageReading = ParsedPage & { lines: AnnotatedLine[] };

function newDraft(section: StoryKind | null): Draft {
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
  };
}

function hasNames(byline: Byline): boolean {
  return byline.reporters.length + byline.correspondents.length + byline.photographers.length > 0;
}

// English decks: consecutive lines in the same case belong to one deck that wrapped.
function englishDecks(group: Unit[]): { text: string; units: Unit[] }[] {
  const decks: { text: string; units: Unit[] }[] = [];
  const isCaps = (t: string) => t === t.toUpperCase();
  for (const unit of group) {
    const last = decks[decks.length - 1];
    const lastUnit = last?.units[last.units.length - 1];
    if (
      last &&
      lastUnit &&
      unit.blankBefore === 0 &&
      isCaps(lastUnit.text) === isCaps(unit.text) &&
      !/[.]$/u.test(lastUnit.text)
    ) {
      last.text = joinBroken(last.text, unit.text);
      last.units.push(unit);
    } else decks.push({ text: unit.text, units: [unit] });
  }
  return decks;
}

/** Deck from display lines, with the role each source line plays in it. */
function readDeck(group: Unit[]): { deck: Deck; roles: { unit: Unit; role: LineRole }[] } {
  const english = group.every((u) => !isMostlyHan(u.text));
  if (english) {
    const decks = englishDecks(group);
    const [main, ...rest] = decks;
    const roles = decks.flatMap((d, i) =>
      d.units.map((unit) => ({ unit, role: (i === 0 ? "headline" : "subheadline") as LineRole })),
    );
    return {
      deck: {
        kicker: null,
        headline: main?.text ?? "",
        subheadline: rest.length > 0 ? rest.map((d) => stripDash(d.text)).join(" — ") : null,
      },
      roles,
    };
  }
  // A mark before a headline (■朝阳区…) is decoration, not part of it.
  const deck = splitDeck(group.map((u) => u.text.replace(/^[■□●○◆◇▲△★☆◎※▶►]\s*/u, "")));
  const roles = group.map((unit, i) => {
    let role: LineRole = "subheadline";
    if (deck.kicker !== null && i === 0) role = "kicker";
    else if (unit.text.trim().endsWith(deck.headline)) role = "headline";
    return { unit, role };
  });
  return { deck, roles };
}

/** The page, its stories, and how each source line was read. */
export function readPage(text: string): PageReading {
  const { annotations, units: raw } = readUnits(text);
  const units = joinBrokenParagraphs(raw);
  const gaps = units
    .filter((u, i) => u.kind === "body" && units[i - 1]?.kind === "body")
    .map((u) => u.blankBefore)
    .sort((a, b) => a - b);
  const typicalGap = gaps[Math.floor(gaps.length / 2)] ?? 1;

  const drafts: Draft[] = [];
  const duplicates = new DuplicateIndex();
  let banner: string | null = null;
  let section: StoryKind | null = null;
  let current = null as Draft | null;

  const mark = (unit: Unit, role: LineRole, draft: Draft | null = current) => {
    unit.lines.forEach((index, k) => {
      const annotation = annotations[index];
      if (!annotation) return;
      annotation.role = role;
      // Lines after the first of a unit were joined onto it: one wrapped paragraph or deck.
      if (k > 0) annotation.continues = true;
      draft?.lines.push({ index, role });
    });
  };
  const start = (): Draft => {
    const draft = newDraft(section);
    drafts.push(draft);
    current = draft;
    return draft;
  };
  const addParagraph = (draft: Draft, unit: Unit, text: string, role: LineRole = "body") => {
    if (text.length === 0) {
      mark(unit, "byline", draft);
      return;
    }
    if (role === "body" && duplicates.isDuplicate(text)) {
      mark(unit, "duplicate", null);
      return;
    }
    draft.paragraphs.push(text);
    duplicates.add(text);
    mark(unit, role, draft);
  };
  const bylineRun = (from: number): Unit[] => {
    const run: Unit[] = [];
    for (let k = from; units[k]?.kind === "byline"; k += 1) run.push(units[k] as Unit);
    return run;
  };
  const photoCreditOf = (run: Unit[]): BylinePart | null => {
    if (run.length === 0) return null;
    const part = parseBylineLine(run.map((u) => u.text).join(" "));
    return part?.isPhotoCredit ? part : null;
  };
  // A short run of paragraphs closed by a photo credit (on its own lines, or glued to the
  // caption's last sentence) is a photo story of its own.
  const photoStoryAhead = (from: number): boolean => {
    let k = from;
    let count = 0;
    while (units[k]?.kind === "body" && !opensWithDateline(units[k] as Unit) && count < 4) {
      k += 1;
      count += 1;
    }
    if (count === 0) return false;
    if (photoCreditOf(bylineRun(k)) !== null) return true;
    const caption = units[k - 1]?.text ?? "";
    return parseTrailingByline(caption)?.part.isPhotoCredit === true;
  };
  const startsNewStory = (group: Unit[], after: number): boolean => {
    const draft = current as Draft | null;
    if (!draft || draft.closed || draft.paragraphs.length === 0) return true;
    if (draft.kind === "editors_note") return true;
    // A story signed at its end (…。（王敏）) is over; what follows is the next one.
    if (parseTrailingByline(draft.paragraphs[draft.paragraphs.length - 1] ?? "")) return true;
    const next = units[after];
    if (next?.kind === "byline" && !photoCreditOf(bylineRun(after))) return true;
    if (next && opensWithDateline(next)) return true;
    if (next?.kind === "body" && draft.paragraphs.length > 0 && parseEnglishDateline(next.text)) {
      return true;
    }
    if (group.length >= 2) return true;
    if ((group[0]?.blankBefore ?? 0) > typicalGap) return true;
    return photoStoryAhead(after);
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
        mark(unit, "label");
      } else {
        // 【工会动态】 names the column; ■江苏 inside it only names a region, so a label
        // that implies no kind keeps the column's.
        const kind = sectionKind(unit.text);
        if (kind || !/^[■□●○◆◇▲△★☆◎※▶►]/u.test(unit.text)) section = kind;
        current = null;
        mark(unit, "label", null);
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
        mark(group[0], "banner", null);
        group = group.slice(1);
        if (group.length === 0) continue;
      }
      if (open?.labelOnly && open.paragraphs.length === 0) {
        const { deck, roles } = readDeck(group);
        open.deck = { ...deck, kicker: open.deck?.headline ?? null };
        open.labelOnly = false;
        for (const r of roles) mark(r.unit, r.role === "kicker" ? "subheadline" : r.role);
        continue;
      }
      // A commentary prints its author's bare name under the headline (付小为): a byline.
      const signature = group.length >= 2 ? group[group.length - 1] : undefined;
      const bareNames = signature ? bareNameList(signature.text) : null;
      if (signature && bareNames) group = group.slice(0, -1);
      if (startsNewStory(group, end)) {
        const draft = start();
        if (signature && bareNames) {
          draft.byline = mergeByline(draft.byline, { reporters: bareNames });
          draft.hasLead = true;
          mark(signature, "byline");
        }
        const { deck, roles } = readDeck(group);
        draft.deck = deck;
        // Briefs carry one headline; a story with a full deck leaves the brief column.
        if (deck.kicker !== null || deck.subheadline !== null) {
          section = null;
          draft.section = null;
        }
        for (const r of roles) mark(r.unit, r.role);
      } else if (open) {
        for (const g of group) addParagraph(open, g, g.text, "subhead");
      }
      continue;
    }

    if (unit.kind === "byline") {
      const run = bylineRun(i);
      i += run.length - 1;
      const draft = current as Draft | null;
      if (draft && draft.paragraphs.length === 0 && !draft.closed) {
        for (const u of run) {
          draft.byline = mergeByline(draft.byline, u.byline ?? {});
          mark(u, "byline");
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
      for (const u of run) mark(u, "byline", target);
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
      addParagraph(current, unit, unit.text);
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
      addParagraph(draft, unit, rest);
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
      addParagraph(draft, unit, lead.rest);
      continue;
    }
    if (english) {
      const draft = atStart && current ? current : start();
      draft.byline = mergeByline(draft.byline, english.part);
      draft.hasLead = true;
      addParagraph(draft, unit, english.rest);
      continue;
    }
    const draft = current && !current.closed ? current : start();
    draft.labelOnly = false;
    addParagraph(draft, unit, unit.text);
  }

  const articles: ParsedArticle[] = [];
  for (const draft of drafts) {
    if (draft.paragraphs.length === 0) {
      for (const line of draft.lines) {
        const annotation = annotations[line.index];
        if (annotation) annotation.role = line.role === "byline" ? "byline" : "chrome";
      }
      continue;
    }
    const last = draft.paragraphs[draft.paragraphs.length - 1] ?? "";
    if (!hasNames(draft.byline)) {
      const trailing = parseTrailingByline(last);
      if (trailing && trailing.rest.length > 0) {
        draft.paragraphs[draft.paragraphs.length - 1] = trailing.rest;
        draft.byline = mergeByline(draft.byline, trailing.part);
        if (trailing.part.isPhotoCredit) draft.hasPhotoCredit = true;
      }
    }
    const index = articles.length;
    for (const line of draft.lines) {
      const annotation = annotations[line.index];
      if (annotation) annotation.article = index;
    }
    articles.push({
      kicker: draft.deck?.kicker ?? null,
      headline: draft.deck?.headline ?? null,
      subheadline: draft.deck?.subheadline || null,
      kind: kindOf(draft),
      byline: draft.byline,
      paragraphs: draft.paragraphs,
    });
  }
  return { page: { banner }, articles, lines: annotations };
}

/** Names alone on a line (付小为, 张三 李四): 2–3 characters each, up to three. */
function bareNameList(line: string): string[] | null {
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

/** The page and its stories, in the shape `npm run import -- <file> --json` prints. */
export function parsePage(text: string): ParsedPage {
  const { page, articles } = readPage(text);
  return { page, articles };
}

/** How each source line was read (banner, headline, body, chrome, duplicate …). */
export function annotatePage(text: string): AnnotatedLine[] {
  return readPage(text).lines;
}
