// Reads for the public newspaper: only what is published and out of embargo at `now`, only the
// columns pages render.
import { and, asc, desc, eq, gt, gte, inArray, like, lt, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import {
  issues,
  media,
  pages,
  placements,
  stories,
  storyCorrections,
  storyPhotos,
} from "@/db/schema";
import type { PlacementSlot } from "@/lib/domain/layout";
import type { Byline, StoryKind } from "@/lib/domain/story";
import { outOfEmbargo } from "@/lib/embargo-filter";
import { renderRichText } from "@/lib/render";

export type IssueSummary = { id: number; date: string; number: number };
export type PageSummary = { number: number; name: string; banner: string | null };
/** A picture of a story: served by the media route at /media/<mediaId>/<width>.webp. */
export type StoryPhoto = {
  mediaId: number;
  width: number;
  height: number;
  alt: string | null;
  caption: string | null;
  credit: string | null;
};
export type StoryCard = {
  id: number;
  photos: StoryPhoto[];
  kind: StoryKind;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  byline: Byline;
  slot: PlacementSlot;
  excerpt: string;
};
export type PageView = {
  issue: IssueSummary;
  page: PageSummary;
  pages: PageSummary[];
  stories: StoryCard[];
};
export type StoryView = {
  id: number;
  kind: StoryKind;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  byline: Byline;
  photos: StoryPhoto[];
  bodyHtml: string;
  /** The opening of the text, for meta descriptions. */
  description: string;
  /** When readers could first read it: its publication, or its embargo's end if later. */
  publishedAt: number | null;
  corrections: { note: string; createdAt: number }[];
  issue: IssueSummary;
  page: PageSummary;
  siblings: { id: number; headline: string }[];
};

const EXCERPT_LENGTH = 160;

// Stored JSON is read as text and parsed here, so an old or hand-edited row renders what it
// safely can instead of failing the page.
const rawByline = sql<string>`${stories.byline}`;

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function parseByline(text: string | null): Byline {
  const value = parseJson(text);
  const raw = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const line = (v: unknown) => (typeof v === "string" && v ? v : null);
  return {
    dateline: line(raw.dateline),
    agency: line(raw.agency),
    reporters: names(raw.reporters),
    correspondents: names(raw.correspondents),
    photographers: names(raw.photographers),
    credit: line(raw.credit),
  };
}

function excerptOf(bodyText: string): string {
  const first = bodyText.split("\n")[0] ?? "";
  return first.length > EXCERPT_LENGTH ? `${first.slice(0, EXCERPT_LENGTH)}…` : first;
}

const publishedIssue = eq(issues.status, "published");

export function getLatestIssue(): IssueSummary | null {
  return (
    db()
      .select({ id: issues.id, date: issues.date, number: issues.number })
      .from(issues)
      .where(publishedIssue)
      .orderBy(desc(issues.date))
      .limit(1)
      .get() ?? null
  );
}

function getPublishedIssueByDate(date: string): IssueSummary | null {
  return (
    db()
      .select({ id: issues.id, date: issues.date, number: issues.number })
      .from(issues)
      .where(and(eq(issues.date, date), publishedIssue))
      .get() ?? null
  );
}

function listPages(issueId: number): PageSummary[] {
  return db()
    .select({ number: pages.number, name: pages.name, banner: pages.banner })
    .from(pages)
    .where(eq(pages.issueId, issueId))
    .orderBy(asc(pages.number))
    .all();
}

/** The photos of each story, in order; stories without photos are absent from the map. */
function listPhotos(storyIds: number[]): Map<number, StoryPhoto[]> {
  const byStory = new Map<number, StoryPhoto[]>();
  if (storyIds.length === 0) return byStory;
  const rows = db()
    .select({
      storyId: storyPhotos.storyId,
      mediaId: media.id,
      width: media.width,
      height: media.height,
      alt: media.alt,
      caption: media.caption,
      credit: media.credit,
    })
    .from(storyPhotos)
    .innerJoin(media, eq(storyPhotos.mediaId, media.id))
    .where(inArray(storyPhotos.storyId, storyIds))
    .orderBy(asc(storyPhotos.storyId), asc(storyPhotos.position))
    .all();
  for (const { storyId, ...photo } of rows) {
    const list = byStory.get(storyId) ?? [];
    list.push(photo);
    byStory.set(storyId, list);
  }
  return byStory;
}

/** When readers could first see a story: published, and out of embargo. */
function publicSince(publishedAt: Date | null, embargoUntil: Date | null): number | null {
  if (!publishedAt) return null;
  return Math.max(publishedAt.getTime(), embargoUntil?.getTime() ?? 0);
}

/**
 * The stories on a page in order. `publicAt` is the reading moment for readers (published and
 * out of embargo only); null is the desk's preview, which shows every placed story.
 */
function listPageStories(issueId: number, pageNumber: number, publicAt: Date | null): StoryCard[] {
  const cards = db()
    .select({
      id: stories.id,
      kind: stories.kind,
      kicker: stories.kicker,
      headline: stories.headline,
      subheadline: stories.subheadline,
      byline: rawByline,
      bodyText: stories.bodyText,
      slot: placements.slot,
    })
    .from(placements)
    .innerJoin(pages, eq(placements.pageId, pages.id))
    .innerJoin(stories, eq(placements.storyId, stories.id))
    .where(
      and(
        eq(pages.issueId, issueId),
        eq(pages.number, pageNumber),
        publicAt ? eq(stories.status, "published") : undefined,
        publicAt ? outOfEmbargo(publicAt) : undefined,
      ),
    )
    .orderBy(asc(placements.position))
    .all();
  const photos = listPhotos(cards.map((c) => c.id));
  return cards.map(({ bodyText, byline, ...card }) => ({
    ...card,
    byline: parseByline(byline),
    photos: photos.get(card.id) ?? [],
    excerpt: excerptOf(bodyText),
  }));
}

/** A published issue with every page and its headlines, as readers see it at `now`. */
export function getIssueView(
  date: string,
  now: Date,
): { issue: IssueSummary; pages: (PageSummary & { stories: StoryCard[] })[] } | null {
  const issue = getPublishedIssueByDate(date);
  if (!issue) return null;
  return {
    issue,
    pages: listPages(issue.id).map((page) => ({
      ...page,
      stories: listPageStories(issue.id, page.number, now),
    })),
  };
}

/**
 * One page of a published issue, with what the page navigation needs. An embargoed story is
 * absent as if it were not placed; a page left with no story still renders.
 */
export function getPageView(date: string, pageNumber: number, now: Date): PageView | null {
  const issue = getPublishedIssueByDate(date);
  if (!issue) return null;
  const all = listPages(issue.id);
  const page = all.find((p) => p.number === pageNumber);
  if (!page) return null;
  return { issue, page, pages: all, stories: listPageStories(issue.id, pageNumber, now) };
}

/**
 * A published story of a published issue, out of embargo at `now`; anything else is not there
 * for readers.
 */
export function getStoryView(id: number, now: Date): StoryView | null {
  const row = db()
    .select({
      id: stories.id,
      kind: stories.kind,
      kicker: stories.kicker,
      headline: stories.headline,
      subheadline: stories.subheadline,
      byline: rawByline,
      body: sql<string>`${stories.body}`,
      bodyText: stories.bodyText,
      publishedAt: stories.publishedAt,
      embargoUntil: stories.embargoUntil,
      issueId: issues.id,
      issueDate: issues.date,
      issueNumber: issues.number,
      pageNumber: pages.number,
      pageName: pages.name,
      pageBanner: pages.banner,
    })
    .from(stories)
    .innerJoin(placements, eq(placements.storyId, stories.id))
    .innerJoin(pages, eq(placements.pageId, pages.id))
    .innerJoin(issues, eq(pages.issueId, issues.id))
    .where(
      and(eq(stories.id, id), eq(stories.status, "published"), publishedIssue, outOfEmbargo(now)),
    )
    .get();
  if (!row) return null;
  const corrections = db()
    .select({ note: storyCorrections.note, createdAt: storyCorrections.createdAt })
    .from(storyCorrections)
    .where(eq(storyCorrections.storyId, id))
    .orderBy(asc(storyCorrections.createdAt))
    .all()
    .map((c) => ({ note: c.note, createdAt: c.createdAt.getTime() }));
  const siblings = listPageStories(row.issueId, row.pageNumber, now).map((s) => ({
    id: s.id,
    headline: s.headline,
  }));
  return {
    id: row.id,
    kind: row.kind,
    kicker: row.kicker,
    headline: row.headline,
    subheadline: row.subheadline,
    byline: parseByline(row.byline),
    photos: listPhotos([row.id]).get(row.id) ?? [],
    bodyHtml: renderRichText(parseJson(row.body)),
    description: excerptOf(row.bodyText),
    publishedAt: publicSince(row.publishedAt, row.embargoUntil),
    corrections,
    issue: { id: row.issueId, date: row.issueDate, number: row.issueNumber },
    page: { number: row.pageNumber, name: row.pageName, banner: row.pageBanner },
    siblings,
  };
}

/** Neighbouring published issues, for moving day by day. */
export function getAdjacentIssues(date: string): { previous: string | null; next: string | null } {
  const previous = db()
    .select({ date: issues.date })
    .from(issues)
    .where(and(publishedIssue, lt(issues.date, date)))
    .orderBy(desc(issues.date))
    .limit(1)
    .get();
  const next = db()
    .select({ date: issues.date })
    .from(issues)
    .where(and(publishedIssue, gt(issues.date, date)))
    .orderBy(asc(issues.date))
    .limit(1)
    .get();
  return { previous: previous?.date ?? null, next: next?.date ?? null };
}

/**
 * A page of any issue as it will look once published, for the layout desk's preview. Not a
 * reader's read: callers check the viewer may plan issues (lib/issues previewPage).
 */
export function getPagePreview(issueId: number, pageNumber: number): PageView | null {
  const issue = db()
    .select({ id: issues.id, date: issues.date, number: issues.number })
    .from(issues)
    .where(eq(issues.id, issueId))
    .get();
  if (!issue) return null;
  const all = listPages(issue.id);
  const page = all.find((p) => p.number === pageNumber);
  if (!page) return null;
  return { issue, page, pages: all, stories: listPageStories(issue.id, pageNumber, null) };
}

/** The years that have published issues, newest first, with how many issues each. */
export function listArchiveYears(): { year: number; count: number }[] {
  return db()
    .select({
      year: sql<number>`cast(substr(${issues.date}, 1, 4) as integer)`,
      count: sql<number>`count(*)`,
    })
    .from(issues)
    .where(publishedIssue)
    .groupBy(sql`substr(${issues.date}, 1, 4)`)
    .orderBy(desc(sql`substr(${issues.date}, 1, 4)`))
    .all();
}

/** Every published issue of a year, in date order. */
export function listIssuesOfYear(year: number): IssueSummary[] {
  return db()
    .select({ id: issues.id, date: issues.date, number: issues.number })
    .from(issues)
    .where(and(publishedIssue, like(issues.date, `${String(year).padStart(4, "0")}-%`)))
    .orderBy(asc(issues.date))
    .all();
}

/** The published issue of a date, if there is one, and the nearest ones around it. */
export function findIssueNear(date: string): {
  issue: IssueSummary | null;
  before: IssueSummary[];
  after: IssueSummary[];
} {
  const columns = { id: issues.id, date: issues.date, number: issues.number };
  const issue = getPublishedIssueByDate(date);
  const before = db()
    .select(columns)
    .from(issues)
    .where(and(publishedIssue, lt(issues.date, date)))
    .orderBy(desc(issues.date))
    .limit(3)
    .all()
    .reverse();
  const after = db()
    .select(columns)
    .from(issues)
    .where(and(publishedIssue, gt(issues.date, date)))
    .orderBy(asc(issues.date))
    .limit(3)
    .all();
  return { issue, before, after };
}

export type FeedItem = {
  id: number;
  headline: string;
  kicker: string | null;
  subheadline: string | null;
  byline: Byline;
  excerpt: string;
  publishedAt: number | null;
  date: string;
  pageNumber: number;
  pageName: string;
};

/** The newest published stories of published issues out of embargo at `now`, for the RSS feed. */
export function listLatestStories(limit: number, now: Date): FeedItem[] {
  return db()
    .select({
      id: stories.id,
      headline: stories.headline,
      kicker: stories.kicker,
      subheadline: stories.subheadline,
      byline: stories.byline,
      bodyText: stories.bodyText,
      publishedAt: stories.publishedAt,
      embargoUntil: stories.embargoUntil,
      date: issues.date,
      pageNumber: pages.number,
      pageName: pages.name,
    })
    .from(issues)
    .innerJoin(pages, eq(pages.issueId, issues.id))
    .innerJoin(placements, eq(placements.pageId, pages.id))
    .innerJoin(stories, eq(placements.storyId, stories.id))
    .where(and(publishedIssue, eq(stories.status, "published"), outOfEmbargo(now)))
    .orderBy(desc(issues.date), asc(pages.number), asc(placements.position))
    .limit(limit)
    .all()
    .map(({ bodyText, publishedAt, embargoUntil, ...item }) => ({
      ...item,
      publishedAt: publicSince(publishedAt, embargoUntil),
      excerpt: excerptOf(bodyText),
    }));
}

export type SitemapYear = {
  issues: { date: string; publishedAt: number | null }[];
  pages: { date: string; number: number }[];
  stories: { id: number; updatedAt: number }[];
};

/** Every public URL of a year's published issues at `now`: issues, pages and stories. */
export function listSitemapYear(year: number, now: Date): SitemapYear {
  const from = `${String(year).padStart(4, "0")}-01-01`;
  const to = `${String(year).padStart(4, "0")}-12-31`;
  const inYear = and(publishedIssue, gte(issues.date, from), lte(issues.date, to));
  return {
    issues: db()
      .select({ date: issues.date, publishedAt: issues.publishedAt })
      .from(issues)
      .where(inYear)
      .orderBy(asc(issues.date))
      .all()
      .map((i) => ({ date: i.date, publishedAt: i.publishedAt?.getTime() ?? null })),
    pages: db()
      .select({ date: issues.date, number: pages.number })
      .from(issues)
      .innerJoin(pages, eq(pages.issueId, issues.id))
      .where(inYear)
      .orderBy(asc(issues.date), asc(pages.number))
      .all(),
    stories: db()
      .select({
        id: stories.id,
        updatedAt: stories.updatedAt,
        embargoUntil: stories.embargoUntil,
      })
      .from(issues)
      .innerJoin(pages, eq(pages.issueId, issues.id))
      .innerJoin(placements, eq(placements.pageId, pages.id))
      .innerJoin(stories, eq(placements.storyId, stories.id))
      .where(and(inYear, eq(stories.status, "published"), outOfEmbargo(now)))
      .orderBy(asc(issues.date), asc(pages.number), asc(placements.position))
      .all()
      // A story that came out of embargo changed for readers then.
      .map((s) => ({
        id: s.id,
        updatedAt: Math.max(s.updatedAt.getTime(), s.embargoUntil?.getTime() ?? 0),
      })),
  };
}
