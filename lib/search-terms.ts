// What a reader's search means, independent of the database (docs/search.md): the query cut
// into terms, each term's index key, and — for tests and for a PostgreSQL port (issue #13) —
// the keys a story's text is indexed under. Pure functions; nothing here touches SQLite.
//
// Terms of three or more characters are matched as substrings through a trigram index. Shorter
// terms (工会, 东城, 5G, 税) cannot match a trigram, so every story is also indexed under each
// of its single characters and each pair of adjacent characters ("grams"): a term of one or two
// characters is then exactly one gram, and one index lookup finds every story that holds it.

/** Longer input is cut to this many characters (and the reader is told). */
export const MAX_QUERY_LENGTH = 100;
export const MAX_TERMS = 8;

export type SearchQuery = {
  /** The query as searched: trimmed, cleaned, cut to MAX_QUERY_LENGTH. */
  text: string;
  terms: string[];
  /** True when the input was longer than we search (characters or terms). */
  truncated: boolean;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** What separates terms; a term never holds one of these, so no gram needs to either. */
const SEPARATORS = /[\s\u3000]+/u;

/** Turn whatever a reader typed into at most MAX_TERMS plain terms; never throws. */
export function parseQuery(input: unknown): SearchQuery {
  const raw =
    typeof input === "string" ? input : Array.isArray(input) ? String(input[0] ?? "") : "";
  const cleaned = raw.toWellFormed().replace(CONTROL, " ").trim();
  const chars = Array.from(cleaned);
  let truncated = chars.length > MAX_QUERY_LENGTH;
  const text = chars.slice(0, MAX_QUERY_LENGTH).join("").trim();
  // Quotes only group words in FTS syntax; readers' quotes are dropped and every term is
  // searched literally (operators such as AND, NOT, NEAR and * are ordinary text here).
  const words = text
    .replaceAll('"', " ")
    .split(SEPARATORS)
    .filter((w) => w.length > 0);
  // One term per word whatever its case (the indexes fold case), kept as typed: the highlight
  // and the snippet look for it case-insensitively.
  const byFolded = new Map<string, string>();
  for (const word of words) {
    const folded = word.toLowerCase();
    if (!byFolded.has(folded)) byFolded.set(folded, word);
  }
  const unique = [...byFolded.values()];
  if (unique.length > MAX_TERMS) truncated = true;
  return { text, terms: unique.slice(0, MAX_TERMS), truncated };
}

/** Characters, not UTF-16 code units: 😀 is one, as it is for SQLite's length(). */
export const characterCount = (term: string): number => Array.from(term).length;

/** A term the trigram index cannot match (fewer than three characters). */
export const isShort = (term: string): boolean => characterCount(term) < 3;

/**
 * Fold A–Z to a–z and nothing else: what SQLite's built-in lower() does when the gram index is
 * built, so a query folds exactly like the text it is compared with.
 */
export const foldAscii = (text: string): string =>
  text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

const utf8 = new TextEncoder();

/**
 * The index key of a gram (one or two characters): the lower-case hex of its UTF-8 bytes (the
 * value of SQLite's hex(). Every character becomes plain [0-9a-f], so the index tokenizer never
 * splits or drops one (punctuation, emoji and Chinese alike).
 */
export function gramKey(gram: string): string {
  let hex = "";
  for (const byte of utf8.encode(foldAscii(gram))) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** An FTS5 string literal: the whole text as one phrase, so nothing in it is syntax. */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

export type TermPlan = {
  /** FTS5 MATCH expression for the trigram index (terms of 3+ characters), or null. */
  trigramMatch: string | null;
  /** FTS5 MATCH expression for the gram index (terms of 1–2 characters), or null. */
  gramMatch: string | null;
  longTerms: string[];
  shortTerms: string[];
};

/** Which index answers which term; every term is required (AND). */
export function planTerms(terms: string[]): TermPlan {
  const longTerms = terms.filter((t) => !isShort(t));
  const shortTerms = terms.filter(isShort);
  const keys = [...new Set(shortTerms.map(gramKey))];
  return {
    trigramMatch: longTerms.length > 0 ? longTerms.map(ftsPhrase).join(" AND ") : null,
    gramMatch: keys.length > 0 ? keys.map(ftsPhrase).join(" AND ") : null,
    longTerms,
    shortTerms,
  };
}

/**
 * The text a story is indexed under: kicker, headline, subheadline, byline names and body,
 * joined by spaces — the same columns as the trigram index.
 */
export function searchableText(parts: (string | null | undefined)[]): string {
  return parts.map((p) => p ?? "").join(" ");
}

/**
 * Every gram key of a text, each once, in first-seen order: what the migration's triggers
 * (db/migrations/0011_search-grams.sql) store for a story. Grams holding a space, tab or line
 * break are left out; other separators are kept (harmless: no term holds one).
 */
export function documentGrams(text: string): string[] {
  const chars = Array.from(foldAscii(text).replace(/[\n\r\t]/g, " "));
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i += 1) {
    for (const gram of [chars[i] ?? "", (chars[i] ?? "") + (chars[i + 1] ?? "")]) {
      if (!gram.includes(" ")) grams.add(gram);
    }
  }
  return [...grams].map(gramKey);
}
