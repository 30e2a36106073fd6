// Readers' full-text search: published stories of published issues, out of embargo at the
// moment of searching, newest first.
// Terms of three or more characters go through the FTS5 trigram index; shorter terms (工会,
// 东城) cannot match a trigram, so they filter with a bounded substring scan instead.
import type { Statement } from "better-sqlite3";
import { sqlite } from "@/db/client";
import { OUT_OF_EMBARGO_SQL } from "@/lib/embargo-filter";
import { escapeHtml } from "@/lib/render";

/** Longer input is cut to this many characters (and the reader is told). */
export const MAX_QUERY_LENGTH = 100;
export const MAX_TERMS = 8;
export const PAGE_SIZE = 20;
export const MAX_PAGE = 50;
/**
 * A query made only of short terms scans this many of the newest published stories and no
 * more, so its cost does not grow with the archive.
 */
export const SUBSTRING_SCAN_LIMIT = 5000;
const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 120;

export type SearchQuery = {
  /** The query as searched: trimmed, cleaned, cut to MAX_QUERY_LENGTH. */
  text: string;
  terms: string[];
  /** True when the input was longer than we search (characters or terms). */
  truncated: boolean;
};

export type SearchHit = {
  id: number;
  /** HTML: escaped, with <mark> around the terms. */
  headlineHtml: string;
  snippetHtml: string;
  kicker: string | null;
  date: string;
  pageNumber: number;
  pageName: string;
};

export type SearchOutcome =
  | { kind: "empty"; query: SearchQuery }
  | {
      kind: "results";
      query: SearchQuery;
      page: number;
      hits: SearchHit[];
      hasNext: boolean;
      /** "recent": only short terms, so only the newest SUBSTRING_SCAN_LIMIT stories were read. */
      scope: "archive" | "recent";
    };

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

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
    .split(/[\s\u3000]+/u)
    .filter((w) => w.length > 0);
  // One term per word whatever its case (the index folds case), kept as typed: SQLite's LIKE
  // folds ASCII only, so a lowercased "Ωmega" would miss the story that says "Ωmega".
  const byFolded = new Map<string, string>();
  for (const word of words) {
    const folded = word.toLowerCase();
    if (!byFolded.has(folded)) byFolded.set(folded, word);
  }
  const unique = [...byFolded.values()];
  if (unique.length > MAX_TERMS) truncated = true;
  return { text, terms: unique.slice(0, MAX_TERMS), truncated };
}

const isShort = (term: string) => Array.from(term).length < 3;

/** An FTS5 string literal: the whole term as one phrase, so nothing in it is syntax. */
function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const PUBLISHED = `
  JOIN placements pl ON pl.story_id = s.id
  JOIN pages p ON p.id = pl.page_id
  JOIN issues i ON i.id = p.issue_id
  WHERE s.status = 'published' AND i.status = 'published' AND ${OUT_OF_EMBARGO_SQL}`;

/**
 * Published stories newest issue first, in page and position order, without a sort: CROSS JOIN
 * fixes the loop order (issues by their unique date index, then each issue's pages and
 * placements by their indexes), so SQLite streams rows in order and stops at the LIMIT.
 */
const NEWEST_FIRST = `
  FROM issues i INDEXED BY issues_date_unique
  CROSS JOIN pages p ON p.issue_id = i.id
  CROSS JOIN placements pl ON pl.page_id = p.id
  CROSS JOIN stories s ON s.id = pl.story_id
  WHERE i.status = 'published' AND s.status = 'published' AND ${OUT_OF_EMBARGO_SQL}`;
const NEWEST_ORDER = "ORDER BY i.date DESC, p.number, pl.position";

/**
 * Up to this many index matches are sorted by date; more than that, and walking the issues
 * newest-first finds a page of them sooner than sorting them all would.
 */
export const SPARSE_MATCHES = 2000;

/** A short term anywhere in the story's searched text, byline names included. */
const SUBSTRING_TERM = `(
  f.kicker LIKE ? ESCAPE '\\' OR f.headline LIKE ? ESCAPE '\\' OR
  f.subheadline LIKE ? ESCAPE '\\' OR f.byline LIKE ? ESCAPE '\\' OR
  f.body LIKE ? ESCAPE '\\')`;

type Statements = Map<string, Statement>;
const statementsByConnection = new WeakMap<object, Statements>();

function prepare(sql: string): Statement {
  const connection = sqlite();
  let cache = statementsByConnection.get(connection);
  if (!cache) {
    cache = new Map();
    statementsByConnection.set(connection, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * The ids of one page of hits, in order: newest issue first, then page and position. `nowMs`
 * is the one parameter of the embargo condition in PUBLISHED and NEWEST_FIRST.
 */
function findIds(
  longTerms: string[],
  shortTerms: string[],
  limit: number,
  offset: number,
  nowMs: number,
): number[] {
  const shortFilter = shortTerms.map(() => `AND ${SUBSTRING_TERM}`).join(" ");
  const shortParams = shortTerms.flatMap((t) => Array(5).fill(likePattern(t)));
  const ids = (rows: unknown[]) => (rows as { id: number }[]).map((r) => r.id);
  if (longTerms.length > 0) {
    const match = longTerms.map(ftsPhrase).join(" AND ");
    const { matches } = prepare(
      `SELECT count(*) AS matches FROM (
         SELECT rowid FROM stories_fts WHERE stories_fts MATCH ? LIMIT ${SPARSE_MATCHES})`,
    ).get(match) as { matches: number };
    if (matches < SPARSE_MATCHES) {
      return ids(
        prepare(`
          SELECT s.id FROM stories_fts f
          JOIN stories s ON s.id = f.rowid ${PUBLISHED}
          AND f.stories_fts MATCH ? ${shortFilter}
          ${NEWEST_ORDER} LIMIT ? OFFSET ?`).all(nowMs, match, ...shortParams, limit, offset),
      );
    }
    return ids(
      prepare(`
        SELECT s.id ${NEWEST_FIRST.replace("WHERE", shortTerms.length > 0 ? "CROSS JOIN stories_fts f ON f.rowid = s.id WHERE" : "WHERE")}
        AND s.id IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?) ${shortFilter}
        ${NEWEST_ORDER} LIMIT ? OFFSET ?`).all(nowMs, match, ...shortParams, limit, offset),
    );
  }
  return ids(
    prepare(`
      SELECT recent.id FROM (
        SELECT s.id, i.date, p.number, pl.position ${NEWEST_FIRST}
        ${NEWEST_ORDER} LIMIT ${SUBSTRING_SCAN_LIMIT}
      ) recent
      JOIN stories_fts f ON f.rowid = recent.id
      WHERE 1 ${shortFilter}
      ORDER BY recent.date DESC, recent.number, recent.position
      LIMIT ? OFFSET ?`).all(nowMs, ...shortParams, limit, offset),
  );
}

type HitRow = {
  id: number;
  kicker: string | null;
  headline: string;
  bodyText: string;
  date: string;
  pageNumber: number;
  pageName: string;
};

function loadHits(ids: number[], nowMs: number): HitRow[] {
  if (ids.length === 0) return [];
  const rows = prepare(
    `SELECT s.id, s.kicker, s.headline, s.body_text AS bodyText, i.date, p.number AS pageNumber,
       p.name AS pageName
     FROM stories s ${PUBLISHED}
     AND s.id IN (SELECT value FROM json_each(?))`,
  ).all(nowMs, JSON.stringify(ids)) as HitRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is HitRow => r !== undefined);
}

/**
 * Exactly the characters that are syntax in a `u`-flag pattern. Nothing else may be escaped
 * there: `\-` (a hyphen, as in covid-19) is a SyntaxError under `u`.
 */
const PATTERN_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

function termPattern(terms: string[]): RegExp {
  const escaped = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(PATTERN_SYNTAX, "\\$&"));
  return new RegExp(escaped.join("|"), "giu");
}

/** Escape text and wrap every occurrence of a term in <mark>. */
export function highlight(text: string, terms: string[]): string {
  if (terms.length === 0) return escapeHtml(text);
  const pattern = termPattern(terms);
  let html = "";
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match[0].length === 0) continue;
    html += `${escapeHtml(text.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** The passage around the first term in the body (or its opening), highlighted. */
export function snippet(bodyText: string, terms: string[]): string {
  const text = bodyText.replace(/\s+/g, " ");
  const first = terms.length > 0 ? termPattern(terms).exec(text) : null;
  const chars = Array.from(text);
  // Work in code points so a window never splits a character.
  const at = first ? Array.from(text.slice(0, first.index)).length : 0;
  const start = Math.max(0, at - SNIPPET_BEFORE);
  const end = Math.min(chars.length, start + SNIPPET_LENGTH);
  const window = chars.slice(start, end).join("");
  return `${start > 0 ? "…" : ""}${highlight(window, terms)}${end < chars.length ? "…" : ""}`;
}

/** Search what readers may read at `now`; any input gives an outcome, never an exception. */
export function searchStories(input: { q: unknown; page?: unknown; now: Date }): SearchOutcome {
  const query = parseQuery(input.q);
  if (query.terms.length === 0) return { kind: "empty", query };
  const pageInput = Number(typeof input.page === "string" ? input.page : 1);
  const page = Number.isInteger(pageInput) ? Math.min(Math.max(pageInput, 1), MAX_PAGE) : 1;
  const longTerms = query.terms.filter((t) => !isShort(t));
  const shortTerms = query.terms.filter(isShort);
  const nowMs = input.now.getTime();
  const ids = findIds(longTerms, shortTerms, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE, nowMs);
  const hits = loadHits(ids.slice(0, PAGE_SIZE), nowMs).map((row) => ({
    id: row.id,
    kicker: row.kicker,
    headlineHtml: highlight(row.headline, query.terms),
    snippetHtml: snippet(row.bodyText, query.terms),
    date: row.date,
    pageNumber: row.pageNumber,
    pageName: row.pageName,
  }));
  return {
    kind: "results",
    query,
    page,
    hits,
    hasNext: ids.length > PAGE_SIZE && page < MAX_PAGE,
    scope: longTerms.length > 0 ? "archive" : "recent",
  };
}
