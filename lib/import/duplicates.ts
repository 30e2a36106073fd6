// Extraction duplicates: paragraphs the text layer repeats, exactly or with a stray character.
import { compact } from "./fold";

// Below this many letters a repeat can be real (a refrain, a one-word answer), so it stays.
const MIN_LENGTH = 10;
const STRAY = 2;
const NGRAM = 3;
const CONTAINMENT = 0.9;
// Extraction repeats are local (two overlapping text frames); looking back this many
// paragraphs finds them and keeps a long page linear.
const WINDOW = 60;

type Entry = { text: string; grams: Set<string> };

function ngrams(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + NGRAM <= text.length; i += 1) grams.push(text.slice(i, i + NGRAM));
  return grams;
}

function entry(paragraph: string): Entry | null {
  const text = compact(paragraph);
  return text.length >= MIN_LENGTH ? { text, grams: new Set(ngrams(text)) } : null;
}

function repeats(text: string, grams: string[], previous: Entry): boolean {
  for (let head = 0; head <= STRAY; head += 1) {
    for (let tail = 0; tail <= STRAY; tail += 1) {
      const core = text.slice(head, text.length - tail);
      if (core.length >= MIN_LENGTH && previous.text.includes(core)) return true;
    }
  }
  if (text.length < 20) return false;
  const found = grams.filter((g) => previous.grams.has(g)).length;
  return found / grams.length >= CONTAINMENT;
}

/**
 * The recent paragraphs of a page, asked whether a new one repeats any of them: contained
 * in an earlier paragraph once up to two stray characters are trimmed from either end, or
 * (for longer text) with nine in ten of its character trigrams found in one earlier
 * paragraph. Text extracted from print repeats a block when two text frames overlap; the
 * repeat often starts mid-sentence and carries a stray glyph from the neighbouring frame.
 */
export class DuplicateIndex {
  private readonly entries: Entry[] = [];

  add(paragraph: string): void {
    const e = entry(paragraph);
    if (!e) return;
    this.entries.push(e);
    if (this.entries.length > WINDOW) this.entries.shift();
  }

  /** `pending` is text not yet added (a paragraph still being joined). */
  isDuplicate(candidate: string, pending: readonly string[] = []): boolean {
    const text = compact(candidate);
    if (text.length < MIN_LENGTH) return false;
    const grams = ngrams(text);
    const extra = pending.map(entry).filter((e): e is Entry => e !== null);
    return [...this.entries, ...extra].some((previous) => repeats(text, grams, previous));
  }
}
