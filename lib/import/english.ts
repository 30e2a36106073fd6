// English OCR pages: decks in capitals that wrapped, datelines (`WASHINGTON, Feb. 26.—`),
// hyphens at line ends, and columns the OCR interleaved (pure). The dateline itself is read by
// `parseEnglishDateline` in bylines.ts; hyphens are mended by `joinBroken` in paragraphs.ts.
import { joinBroken } from "./paragraphs";
import type { Unit } from "./units";

export { parseEnglishDateline } from "./bylines";

const isCaps = (t: string) => t === t.toUpperCase();

/**
 * Consecutive deck lines in the same case, with no blank line between, are one deck that
 * wrapped (`CITY COUNCIL VOTES` / `NEW WATER PLANT`); a change of case or a blank line starts
 * the next deck.
 */
export function englishDecks(group: Unit[]): { text: string; units: Unit[] }[] {
  const decks: { text: string; units: Unit[] }[] = [];
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

/**
 * Signs that OCR interleaved two columns inside one paragraph's source lines: a line ending in
 * a hyphenated word whose next line opens in capitals (`coun-` / `The`), or a line that ends
 * mid-sentence followed by one that starts a sentence in capitals after no full stop. The
 * lines cannot be put back in order from the text alone, so the story is marked for review.
 */
export function looksInterleaved(lines: readonly string[]): boolean {
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const line = (lines[i] ?? "").trimEnd();
    const next = (lines[i + 1] ?? "").trimStart();
    if (/[A-Za-z]-$/u.test(line) && /^[A-Z][a-z]/u.test(next)) return true;
  }
  return false;
}
