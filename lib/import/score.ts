// Scoring a parse against a page's expected stories: story F1, headlines exactly right, byline
// names exactly right (pure). `npm run import:score` runs it over a folder of pages.
import { compact } from "./fold";
import type { ParsedArticle } from "./types";

export type PageScore = {
  expected: number;
  found: number;
  matched: number;
  headlinesExact: number;
  bylinesExact: number;
};

function bigrams(text: string): Set<string> {
  const c = compact(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < c.length; i += 1) out.add(c.slice(i, i + 2));
  if (c.length === 1) out.add(c);
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / Math.max(a.size, b.size);
}

const names = (a: ParsedArticle) =>
  JSON.stringify([
    [...a.byline.reporters].sort(),
    [...a.byline.correspondents].sort(),
    [...a.byline.photographers].sort(),
  ]);

/**
 * Expected stories matched to found ones by their text (half their character pairs shared,
 * best first, each used once); a matched story scores its headline and its names.
 */
export function scorePage(expected: ParsedArticle[], found: ParsedArticle[]): PageScore {
  const gold = expected.map((a) => bigrams(a.paragraphs.join("")));
  const got = found.map((a) => bigrams(a.paragraphs.join("")));
  const pairs: { e: number; f: number; s: number }[] = [];
  gold.forEach((g, e) => {
    got.forEach((h, f) => {
      const s = overlap(g, h);
      if (s >= 0.5) pairs.push({ e, f, s });
    });
  });
  pairs.sort((a, b) => b.s - a.s);
  const usedE = new Set<number>();
  const usedF = new Set<number>();
  let headlinesExact = 0;
  let bylinesExact = 0;
  for (const { e, f } of pairs) {
    if (usedE.has(e) || usedF.has(f)) continue;
    usedE.add(e);
    usedF.add(f);
    const a = expected[e] as ParsedArticle;
    const b = found[f] as ParsedArticle;
    if ((a.headline ?? "") === (b.headline ?? "")) headlinesExact += 1;
    if (names(a) === names(b)) bylinesExact += 1;
  }
  return {
    expected: expected.length,
    found: found.length,
    matched: usedE.size,
    headlinesExact,
    bylinesExact,
  };
}

/** Story F1 and the share of expected stories with the headline and names exactly right. */
export function summarize(scores: readonly PageScore[]): {
  f1: number;
  headlines: number;
  bylines: number;
  stories: number;
} {
  const sum = (k: keyof PageScore) => scores.reduce((n, s) => n + s[k], 0);
  const expected = sum("expected");
  const found = sum("found");
  const matched = sum("matched");
  const precision = found === 0 ? 0 : matched / found;
  const recall = expected === 0 ? 0 : matched / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    f1,
    headlines: expected === 0 ? 0 : sum("headlinesExact") / expected,
    bylines: expected === 0 ? 0 : sum("bylinesExact") / expected,
    stories: expected,
  };
}
