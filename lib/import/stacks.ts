// Headline stacks: which display line is the kicker (引题), the headline (主题), the subheadline
// (副题), also when an archive flattened the stack onto one line (pure).
import { fold } from "./fold";
import type { DoubtId, RuleId } from "./rules";

export type Deck = { kicker: string | null; headline: string; subheadline: string | null };

/** A deck, the rule that read each of its lines, and what left the reading unsure. */
export type StackReading = { deck: Deck; rules: RuleId[]; doubts: DoubtId[] };

const DASH_LEAD = /^\s*(?:——|—|──|－－|--|―)+\s*/u;
const DASH_TAIL = /(?:——|──|－－|--)\s*$/u;

/** Whether a deck line opens with the dash print sets before a subheadline. */
export function startsWithDash(line: string): boolean {
  return DASH_LEAD.test(line);
}

/** A subheadline without its leading dash (the paper renders the dash itself). */
export function stripDash(line: string): string {
  return line.replace(DASH_LEAD, "").trim();
}

// A kicker often leads into the headline: it ends in a colon, or in a verb of saying
// (…调研时强调 / 坚持以职工为中心…), the headline being what was said; or in a dash
// (节日不打烊—— / 公交司机坚守岗位).
const LEADS_IN = /(?:[：:]|强调|指出|表示|要求|提出|寄语|勉励|号召|宣布|说)$/u;

/** How two stacked lines without a dash read, and whether the reading is a guess. */
function readPair(first: string, second: string): StackReading {
  if (DASH_TAIL.test(first) && !startsWithDash(second)) {
    return {
      deck: { kicker: first, headline: second, subheadline: null },
      rules: ["deckDashKicker", "deckDashKicker"],
      doubts: [],
    };
  }
  // A column word over a headline (评论 / 让劳动者…) is its kicker: headlines are longer.
  const isColumnWord = first.replace(/\s/gu, "").length <= 4 && second.length > first.length;
  if ((LEADS_IN.test(first) || isColumnWord) && !startsWithDash(second)) {
    return {
      deck: { kicker: first, headline: second, subheadline: null },
      rules: ["deckLeadInKicker", "deckLeadInKicker"],
      doubts: [],
    };
  }
  if (startsWithDash(second)) {
    return {
      deck: { kicker: null, headline: first, subheadline: stripDash(second) },
      rules: ["deckDashSubheadline", "deckDashSubheadline"],
      doubts: [],
    };
  }
  // A longer second line, or one with a comma, explains the first: a subheadline. A shorter
  // one could be the headline under a kicker; the reading is the common one, marked unsure.
  // A column name of five or six characters over a longer line without a comma
  // (劳动者之歌 / 一名焊工的三十年) reads either way: marked unsure too.
  const comma = /[，,]/u.test(fold(second));
  const shortOverLong = first.replace(/\s/gu, "").length <= 6 && !comma;
  const explains = (second.length > first.length || comma) && !shortOverLong;
  return {
    deck: { kicker: null, headline: first, subheadline: second },
    rules: ["deckSubheadline", "deckSubheadline"],
    doubts: explains ? [] : ["ambiguousDeck"],
  };
}

/**
 * Kicker, headline and subheadline from the display lines above a story, in print order.
 * One line is the headline (or a flattened stack, see `splitFlattened`). Two lines are
 * headline and subheadline, unless the first leads into the second (a colon, a verb of
 * saying, a trailing dash) or is a column word of up to four characters over a longer line,
 * which makes it a kicker. Three are kicker, headline, subheadline. More: the first is the
 * kicker, the second the headline, the rest the subheadline.
 */
export function readStack(lines: string[]): StackReading {
  const clean = lines.map((l) => l.trim());
  const [first = "", second, third] = clean;
  if (clean.length === 1) return splitFlattened(first);
  if (clean.length === 2 && second !== undefined) return readPair(first, second);
  if (startsWithDash(second ?? "")) {
    return {
      deck: { kicker: null, headline: first, subheadline: clean.slice(1).map(stripDash).join(" ") },
      rules: clean.map(() => "deckDashSubheadline" as const),
      doubts: [],
    };
  }
  return {
    deck: {
      kicker: first,
      headline: second ?? "",
      subheadline: clean.slice(2).map(stripDash).join(" ") || (third ?? null),
    },
    rules: clean.map(() => "deckThreeLines" as const),
    doubts: [],
  };
}

/** Kicker, headline and subheadline from display lines (see `readStack`). */
export function splitDeck(lines: string[]): Deck {
  return readStack(lines).deck;
}

// 1. 标题, 2、标题, (3) 标题: an archive's index number before a flattened headline.
const INDEX_NUMBER = /^(?:\d{1,3}\s*[.、．]|[（(]\d{1,3}[）)])\s*/u;
// A space before an opening quote or bracket is where a line broke inside the headline
// (某市公交集团获 “全国五一劳动奖状”), not a gap between stacked lines.
const OPENS_QUOTE = /^[“‘「『《（(【"]/u;

/** The pieces of a line set off by spaces, a wrap space (before a quote) not counting. */
function piecesOf(line: string): string[] {
  const raw = line.split(/[ \u3000]+/u).filter((p) => p.length > 0);
  const pieces: string[] = [];
  for (const piece of raw) {
    const last = pieces.length - 1;
    if (last >= 0 && OPENS_QUOTE.test(piece)) pieces[last] = `${pieces[last]} ${piece}`;
    else pieces.push(piece);
  }
  return pieces;
}

/**
 * One display line that may be a whole stack an archive flattened (`引题 主题 副题` separated
 * by spaces). Three or more pieces of at least four characters each are a stack: the longest
 * piece is the headline, the pieces before it the kicker, those after it the subheadline.
 * When no piece is clearly the longest, or only two long pieces stand apart, the line stays
 * one headline and is marked for review. A space before a quote is a line break, not a gap.
 * An index number (`1. …`) is dropped and marked: the stack behind it cannot be split.
 */
export function splitFlattened(line: string): StackReading {
  const text = line.trim();
  const number = fold(text).match(INDEX_NUMBER);
  if (number && /\p{Script=Han}/u.test(text.slice(number[0].length))) {
    return {
      deck: { kicker: null, headline: text.slice(number[0].length).trim(), subheadline: null },
      rules: ["deckIndexNumber"],
      doubts: ["indexLine"],
    };
  }
  const pieces = piecesOf(text);
  const single: StackReading = {
    deck: { kicker: null, headline: text, subheadline: null },
    rules: ["deckSingle"],
    doubts: [],
  };
  if (pieces.length < 2 || !/\p{Script=Han}/u.test(text)) return single;
  const lengths = pieces.map((p) => p.replace(/\s/gu, "").length);
  if (lengths.some((n) => n < 4)) return single;
  if (pieces.length === 2) {
    // Two long halves: kicker + headline or headline + subheadline, the page cannot say.
    const both = (lengths[0] ?? 0) >= 8 && (lengths[1] ?? 0) >= 8;
    return both
      ? { ...single, rules: ["deckFlattenedUnsplit"], doubts: ["flattenedUnsplit"] }
      : single;
  }
  const longest = Math.max(...lengths);
  const at = lengths.indexOf(longest);
  const runnerUp = Math.max(...lengths.filter((_, i) => i !== at));
  if (longest - runnerUp < 2) {
    return { ...single, rules: ["deckFlattenedUnsplit"], doubts: ["flattenedUnsplit"] };
  }
  const kicker = pieces.slice(0, at).join(" ");
  const subheadline = pieces.slice(at + 1).join(" ");
  return {
    deck: {
      kicker: kicker || null,
      headline: pieces[at] ?? text,
      subheadline: subheadline || null,
    },
    rules: ["deckFlattened"],
    doubts: ["flattenedSplit"],
  };
}
