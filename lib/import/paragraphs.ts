// Paragraph repair: where a paragraph really ends, and how a broken one is put back together.
import { fold, isMostlyHan } from "./fold";

const CLOSERS = "”’\"'」』）)】》〉";
const CJK_TERMINAL = new RegExp(`(?:[。！？!?…]|\\.\\.\\.)[${CLOSERS}]*$`, "u");
// Abbreviations end in a full stop without ending the sentence (Mr. Smith, Feb. 19, U.S.).
const ABBREVIATION =
  /(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|Rev|Hon|Jr|Sr|Co|Corp|Inc|Ltd|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs|etc)\.|\b[A-Z]\.)$/u;
const ENGLISH_TERMINAL = new RegExp(`[.!?][${CLOSERS}]*$`, "u");

/** Whether a paragraph ends a sentence, so that what follows starts a new paragraph. */
export function endsSentence(text: string): boolean {
  // A signature or note in brackets after the last full stop (…讲座。（王敏）, …。（完）)
  // closes the paragraph as the full stop does.
  const trimmed = fold(text)
    .trimEnd()
    .replace(/([。！？!?…”])\s*（[^（）]{1,24}）$/u, "$1");
  if (CJK_TERMINAL.test(trimmed)) return true;
  if (ENGLISH_TERMINAL.test(trimmed)) return !ABBREVIATION.test(trimmed.replace(/[”’"')]+$/u, ""));
  return false;
}

/**
 * Joins a paragraph broken at a column or page end to its continuation. Chinese joins
 * without a space. English joins with one, except a word hyphenated across the break
 * (govern- / ment), which loses its hyphen: a hyphen at a line end in print is almost always
 * the typesetter's, and a real compound split exactly there is rare.
 */
export function joinBroken(head: string, tail: string): string {
  const left = head.trimEnd();
  const right = tail.trimStart();
  const overlap = overlapLength(left, right);
  const rest = right.slice(overlap);
  if (/[A-Za-z]-$/u.test(left) && /^[a-z]/u.test(rest)) return left.slice(0, -1) + rest;
  const lastChar = left.slice(-1);
  const firstChar = rest.slice(0, 1);
  if (
    isMostlyHan(lastChar) ||
    isMostlyHan(firstChar) ||
    /[，。、；：“”‘’（）《》]/u.test(lastChar + firstChar)
  ) {
    return left + rest;
  }
  return `${left} ${rest}`;
}

// Some extractions repeat the last words of a column at the top of the next. A repeat of
// at least this many characters is taken out when joining; shorter ones can be real text.
const MIN_OVERLAP = 6;

function overlapLength(left: string, right: string): number {
  const max = Math.min(left.length, right.length, 80);
  for (let n = max; n >= MIN_OVERLAP; n -= 1) {
    if (left.endsWith(right.slice(0, n))) return n;
  }
  return 0;
}
