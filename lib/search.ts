// Readers' full-text search: published stories of published issues, out of embargo at the
// moment of searching, newest first, over the whole archive (docs/search.md).
// Terms of three or more characters go through the FTS5 trigram index (stories_fts); terms of
// one or two characters (工会, 东城, 5G) through the gram index of every story's single
// characters and character pairs (stories_grams). What a query means — its terms and their
// index keys — is pure code in lib/search-terms.ts; this file is the SQLite side.
import type { Statement } from "better-sqlite3";
import { sqlite } from "@/db/client";
import { OUT_OF_EMBARGO_SQL } from "@/lib/embargo-filter";
import { escapeHtml } from "@/lib/render";
import { parseQuery, planTerms, type SearchQuery, type TermPlan } from "@/lib/search-terms";

export {
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  parseQuery,
  type SearchQuery,
} from "@/lib/search-terms";

export const PAGE_SIZE = 20;
export const MAX_PAGE = 50;
/**
 * Results are counted exactly up to this many — as many as a reader can page through — and
 * beyond it as "more than".
 */
export const MAX_COUNT = PAGE_SIZE * MAX_PAGE;
const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 120;

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

/** Issue dates (YYYY-MM-DD), both ends included; null is open. */
export type DateRange = { from: string | null; to: string | null };

export type SearchOutcome =
  | { kind: "empty"; query: SearchQuery; range: DateRange; invalidRange: boolean }
  | {
      kind: "results";
      query: SearchQuery;
      range: DateRange;
      /** A from/to the reader gave that is not a date: it was left out, and the page says so. */
      invalidRange: boolean;
      page: number;
      hits: SearchHit[];
      hasNext: boolean;
      /** Matching stories, exact up to MAX_COUNT. */
      total: number;
      /** More than MAX_COUNT stories match; only the newest MAX_COUNT can be paged through. */
      moreThanTotal: boolean;
    };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as YYYY-MM-DD, or null when the input is not one (2023-02-30 is not). */
function parseDate(input: unknown): string | null | "invalid" {
  const raw = typeof input === "string" ? input : Array.isArray(input) ? input[0] : undefined;
  if (typeof raw !== "string" || raw.trim() === "") return null;
  const text = raw.trim();
  if (!ISO_DATE.test(text)) return "invalid";
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
    ? text
    : "invalid";
}

/** The reader's from/to: well-formed dates kept (swapped if backwards), anything else dropped. */
export function parseDateRange(from: unknown, to: unknown): { range: DateRange; invalid: boolean } {
  const a = parseDate(from);
  const b = parseDate(to);
  const invalid = a === "invalid" || b === "invalid";
  let range: DateRange = { from: a === "invalid" ? null : a, to: b === "invalid" ? null : b };
  if (range.from && range.to && range.from > range.to) range = { from: range.to, to: range.from };
  return { range, invalid };
}

/** A story readers may read: published, placed in a published issue, out of embargo. */
const READABLE = `i.status = 'published' AND s.status = 'published' AND ${OUT_OF_EMBARGO_SQL}`;
const NEWEST_ORDER = "ORDER BY i.date DESC, p.number, pl.position";

/**
 * An index with fewer matches than this is read whole and its matches sorted by date; when
 * every index of the query has more, the archive is walked newest-first, a slice of issues at
 * a time, which finds the newest MAX_COUNT + 1 of them sooner than sorting them all would.
 */
export const SPARSE_MATCHES = { trigram: 2000, gram: 5000 } as const;
/** The first slice of the walk, in issues; each next slice is twice as long. */
const FIRST_SLICE = 32;

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

/** One index's matches for an FTS5 MATCH expression (its first parameter). */
const INDEX_MATCHES = {
  trigram: "SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?",
  gram: "SELECT rowid FROM stories_grams WHERE stories_grams MATCH ?",
} as const;

type IndexMatch = { sql: string; match: string; size: number; sparse: boolean };

/**
 * The index's matches among rowids low..high. FTS5 reads a term's matches in rowid order and,
 * measured here, does not seek to a rowid bound; read newest rowid first, the newest stories'
 * matches are at hand and the read stops at `low`.
 */
function matchesBetween(index: IndexMatch, low: number, high: number): Set<number> {
  const held = new Set<number>();
  const newestFirst = prepare(`${index.sql} ORDER BY rowid DESC`).pluck();
  for (const rowid of newestFirst.iterate(index.match) as IterableIterator<number>) {
    if (rowid < low) break;
    if (rowid <= high) held.add(rowid);
  }
  return held;
}

/**
 * The matching, readable stories in reading order — newest issue first, then page and
 * position — up to MAX_COUNT + 1 of them (one more than we count, to know there are more).
 */
function findIds(plan: TermPlan, range: DateRange, nowMs: number): number[] {
  const from = range.from ?? "";
  // Issue dates are YYYY-MM-DD, so "<date>~" is just after that day and "~" after every day.
  let before = `${range.to ?? ""}~`;
  const indexes: IndexMatch[] = [];
  for (const [name, match] of [
    ["trigram", plan.trigramMatch],
    ["gram", plan.gramMatch],
  ] as const) {
    if (match === null) continue;
    const sql = INDEX_MATCHES[name];
    const bound = SPARSE_MATCHES[name];
    const size = prepare(`SELECT count(*) FROM (${sql} LIMIT ${bound})`)
      .pluck()
      .get(match) as number;
    if (size === 0) return [];
    indexes.push({ sql, match, size, sparse: size < bound });
  }
  indexes.sort((a, b) => Number(b.sparse) - Number(a.sparse) || a.size - b.size);
  const [driver, ...others] = indexes;
  if (!driver) return [];

  if (driver.sparse) {
    // Few matches: read them all, keep those every other index holds, then the readable ones
    // in the date range, sorted by date.
    let candidates = prepare(driver.sql).pluck().all(driver.match) as number[];
    for (const other of others) {
      let low = candidates[0] as number;
      let high = low;
      for (const id of candidates) {
        if (id < low) low = id;
        if (id > high) high = id;
      }
      const held = matchesBetween(other, low, high);
      candidates = candidates.filter((id) => held.has(id));
      if (candidates.length === 0) return [];
    }
    return prepare(`
      SELECT s.id FROM json_each(?) m
      JOIN stories s INDEXED BY stories_search_idx ON s.id = m.value
      JOIN placements pl ON pl.story_id = s.id
      JOIN pages p ON p.id = pl.page_id
      JOIN issues i ON i.id = p.issue_id
      WHERE i.date >= ? AND i.date < ? AND ${READABLE}
      ${NEWEST_ORDER} LIMIT ${MAX_COUNT + 1}`)
      .pluck()
      .all(JSON.stringify(candidates), from, before, nowMs) as number[];
  }

  // Many matches in every index: walk the readable stories newest-first, a slice of issues at
  // a time (CROSS JOIN fixes the loop order — issues by their date index, then each issue's
  // pages and placements by theirs — so the rows come in order without a sort), and keep those
  // every index holds among the slice's rowids.
  const found: number[] = [];
  const sliceEnd = prepare(`
    SELECT min(date) FROM (
      SELECT date FROM issues INDEXED BY issues_date_unique
      WHERE date >= ? AND date < ? AND status = 'published' ORDER BY date DESC LIMIT ?)`).pluck();
  const slice = prepare(`
    SELECT s.id
    FROM issues i INDEXED BY issues_date_unique
    CROSS JOIN pages p ON p.issue_id = i.id
    CROSS JOIN placements pl ON pl.page_id = p.id
    CROSS JOIN stories s INDEXED BY stories_search_idx ON s.id = pl.story_id
    WHERE i.date >= ? AND i.date < ? AND ${READABLE}
    ${NEWEST_ORDER}`).pluck();
  for (let issuesInSlice = FIRST_SLICE; found.length <= MAX_COUNT; issuesInSlice *= 2) {
    const start = sliceEnd.get(from, before, issuesInSlice) as string | null;
    if (start === null) break;
    const ids = slice.all(start, before, nowMs) as number[];
    before = start;
    if (ids.length === 0) continue;
    let low = ids[0] as number;
    let high = low;
    for (const id of ids) {
      if (id < low) low = id;
      if (id > high) high = id;
    }
    const held = indexes.map((index) => matchesBetween(index, low, high));
    for (const id of ids) {
      if (held.every((set) => set.has(id))) found.push(id);
    }
  }
  return found.slice(0, MAX_COUNT + 1);
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

const PUBLISHED = `
  JOIN placements pl ON pl.story_id = s.id
  JOIN pages p ON p.id = pl.page_id
  JOIN issues i ON i.id = p.issue_id
  WHERE s.status = 'published' AND i.status = 'published' AND ${OUT_OF_EMBARGO_SQL}`;

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
export function searchStories(input: {
  q: unknown;
  page?: unknown;
  from?: unknown;
  to?: unknown;
  now: Date;
}): SearchOutcome {
  const query = parseQuery(input.q);
  const { range, invalid: invalidRange } = parseDateRange(input.from, input.to);
  if (query.terms.length === 0) return { kind: "empty", query, range, invalidRange };
  const pageInput = Number(typeof input.page === "string" ? input.page : 1);
  const page = Number.isInteger(pageInput) ? Math.min(Math.max(pageInput, 1), MAX_PAGE) : 1;
  const nowMs = input.now.getTime();
  const all = findIds(planTerms(query.terms), range, nowMs);
  const offset = (page - 1) * PAGE_SIZE;
  const onPage = all.slice(offset, offset + PAGE_SIZE);
  const hits = loadHits(onPage, nowMs).map((row) => ({
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
    range,
    invalidRange,
    page,
    hits,
    hasNext: all.length > offset + PAGE_SIZE && page < MAX_PAGE,
    total: Math.min(all.length, MAX_COUNT),
    moreThanTotal: all.length > MAX_COUNT,
  };
}
