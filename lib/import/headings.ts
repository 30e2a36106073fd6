// Telling display type from text: headlines and their decks, section labels, the page banner.
import type { StoryKind } from "@/lib/domain/story";
import { fold, isMostlyHan } from "./fold";

const CJK_HEADING_MAX = 40;
const ENGLISH_HEADING_MAX = 90;
const SECTION_MARK = /^[■□●○◆◇▲△★☆◎※▶►]/u;

function isEnglishHeading(text: string): boolean {
  if (text.length > ENGLISH_HEADING_MAX || /^By\s/iu.test(text)) return false;
  if (/[,;:]$/u.test(text)) return false;
  const words = text.split(/\s+/u).filter((w) => /[A-Za-z]/u.test(w));
  if (words.length === 0 || !/^["“‘'A-Z0-9$]/u.test(text)) return false;
  const isCaps = text === text.toUpperCase();
  // Old decks end with a full stop but are set in capitals; mixed-case lines ending in a
  // full stop are sentences.
  if (/[.]$/u.test(text) && !isCaps) return false;
  if (isCaps) return true;
  // A sentence ends inside: running text, not a deck.
  if (/[a-z0-9][.!?]["”’]?\s+[A-Z]/u.test(text)) return false;
  const long = words.filter((w) => w.replace(/[^A-Za-z]/gu, "").length >= 4);
  if (long.length === 0) return words.every((w) => /^[A-Z0-9"“‘']/u.test(w));
  const capitalised = long.filter((w) => /^["“‘']?[A-Z]/u.test(w)).length;
  return capitalised / long.length >= 0.7;
}

/**
 * Whether a line is set like a headline: short, no sentence punctuation at its end, not a
 * sentence inside. A story's first paragraph can be short too, so this is a first reading
 * that the page parser confirms from what comes next.
 */
export function isHeadingLike(line: string): boolean {
  const text = line.trim();
  if (text.length < 2) return false;
  if (!isMostlyHan(text)) return /[A-Za-z]/u.test(text) && isEnglishHeading(text);
  const folded = fold(text);
  const body = folded.replace(/\s+/gu, "");
  if (body.length > CJK_HEADING_MAX) return false;
  if (/[。，、；：]$/u.test(folded)) return false;
  if (/。/u.test(folded.slice(0, -1))) return false;
  // Exclamations and questions make headlines (加油！), but only short ones.
  if (/[！？…]["”’」』]?$/u.test(folded) && body.length > 24) return false;
  // Two or more commas inside read as a sentence, not display type.
  if ((folded.match(/，/gu) ?? []).length >= 2) return false;
  return true;
}

const EDITORS_NOTE =
  /^(?:编者按|编者的话|编辑的话|编后|编后语|编后记|开栏的话|开篇的话|写在前面|按语)(?=[：\s]|$)/u;
const BRIEF_SECTION =
  /(?:信息|简讯|快讯|短讯|简报|动态|速览|速递|集锦|一句话新闻|播报|传真|扫描|News in Brief|Briefs|In Brief)/iu;
const LETTER_SECTION = /(?:来信|读者|信箱|来函|Letters)/iu;

/** The label of an editor's note when the text opens one (编者按, 开栏的话 …), else null. */
export function editorsNoteLabel(text: string): string | null {
  const folded = fold(text.trim()).replace(SECTION_MARK, "").trim();
  const match = folded.match(EDITORS_NOTE);
  return match ? match[0] : null;
}

/**
 * A section label rather than a headline: ■信息, 【工会动态】, 编者按 alone. Labels are short
 * and carry a mark; a marked line that is long is a subhead or a headline.
 */
export function isSectionLabel(line: string): boolean {
  const folded = fold(line.trim());
  if (EDITORS_NOTE.test(folded) && folded.replace(EDITORS_NOTE, "").trim().length === 0) {
    return true;
  }
  if (/^【[^【】]{1,12}】$/u.test(folded)) return true;
  if (/^\[[^\]]{1,12}\]$/u.test(line.trim())) return true;
  if (SECTION_MARK.test(folded)) {
    const rest = folded.replace(SECTION_MARK, "").trim();
    return rest.length > 0 && rest.replace(/\s/gu, "").length <= 6;
  }
  return false;
}

/** The kind of story a section label implies for the stories under it, if any. */
export function sectionKind(label: string): StoryKind | null {
  const folded = fold(label);
  if (EDITORS_NOTE.test(folded.replace(SECTION_MARK, "").replace(/^【/u, "")))
    return "editors_note";
  if (LETTER_SECTION.test(folded)) return "letter";
  if (BRIEF_SECTION.test(folded)) return "brief";
  return null;
}

/** The label's text without its marks: ■信息 → 信息, 【工会动态】 → 工会动态. */
export function labelText(label: string): string {
  return label
    .trim()
    .replace(SECTION_MARK, "")
    .replace(/^[【[]|[】\]]$/gu, "")
    .trim();
}

/**
 * A page banner (通栏标语): a slogan set as a couplet, two or more balanced clauses
 * separated by a space, with no quotation or figures. Headlines name events; slogans
 * are built in matched halves, which is what this looks for.
 */
export function isBannerLike(line: string): boolean {
  const text = fold(line.trim());
  if (!isMostlyHan(text) || /[“”"‘’「」《》（）\d，。：；！？]/u.test(text)) return false;
  const clauses = text.split(/\s+/u).filter((c) => c.length > 0);
  if (clauses.length < 2 || clauses.length > 4) return false;
  const lengths = clauses.map((c) => c.length);
  const min = Math.min(...lengths);
  const max = Math.max(...lengths);
  return min >= 4 && max - min <= 2;
}

export { type Deck, splitDeck, startsWithDash, stripDash } from "./stacks";
