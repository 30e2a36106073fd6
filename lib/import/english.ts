// English OCR pages: decks in capitals that wrapped, datelines (`WASHINGTON, Feb. 26.—`),
// hyphens at line ends, and columns the OCR interleaved (pure). The dateline itself is read by
// `parseEnglishDateline` in bylines.ts; hyphens are mended by `joinBroken` in paragraphs.ts.
import { isMostlyHan } from "./fold";
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

const isEnglishBody = (u: Unit | undefined) =>
  u !== undefined && u.kind === "body" && !isMostlyHan(u.text);

/**
 * Puts two interleaved columns back apart where the text proves it: in a block of English text
 * lines (no blank line between), a line ending in a hyphenated word (`opened to-`) whose next
 * line opens in capitals (`The county engineer…`) while the line after that goes on in lowercase
 * (`day by the board.`) is where OCR began to alternate between two columns. From there the
 * lines are dealt out in turn: the first, third, fifth… continue the paragraph, the second,
 * fourth… make the next one (set off by a blank line). Returns the units and those moved.
 */
export function deinterleaveColumns(units: Unit[]): { units: Unit[]; moved: Set<Unit> } {
  const moved = new Set<Unit>();
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    const unit = units[i] as Unit;
    const next = units[i + 1];
    const after = units[i + 2];
    const alternates =
      isEnglishBody(unit) &&
      isEnglishBody(next) &&
      isEnglishBody(after) &&
      next?.blankBefore === 0 &&
      after?.blankBefore === 0 &&
      /[A-Za-z]-$/u.test(unit.text) &&
      /^[A-Z]/u.test(next?.text ?? "") &&
      /^[a-z]/u.test(after?.text ?? "");
    if (!alternates) {
      out.push(unit);
      i += 1;
      continue;
    }
    let end = i + 1;
    while (isEnglishBody(units[end]) && units[end]?.blankBefore === 0) end += 1;
    const block = units.slice(i, end);
    const first = block.filter((_, k) => k % 2 === 0);
    const second = block.filter((_, k) => k % 2 === 1).map((u) => ({ ...u }));
    const head = second[0];
    if (head) head.blankBefore = Math.max(1, head.blankBefore);
    for (const u of [...first.slice(1), ...second]) moved.add(u);
    out.push(...first, ...second);
    i = end;
  }
  return { units: out, moved };
}
