// Reads for the public newspaper: only what is published, only the columns pages render.
import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import {
  type Byline,
  issues,
  type PlacementSlot,
  pages,
  placements,
  type RichTextDoc,
  type StoryKind,
  stories,
  storyCorrections,
} from "@/db/schema";
import { renderRichText } from "@/lib/render";

export type IssueSummary = { id: number; date: string; number: number };
export type PageSummary = { number: number; name: string; banner: string | null };
export type StoryCard = {
  id: number;
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
  bodyHtml: string;
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

function listPageStories(issueId: number, pageNumber: number, onlyPublished = true): StoryCard[] {
  return db()
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
        onlyPublished ? eq(stories.status, "published") : undefined,
      ),
    )
    .orderBy(asc(placements.position))
    .all()
    .map(({ bodyText, byline, ...card }) => ({
      ...card,
      byline: parseByline(byline),
      excerpt: excerptOf(bodyText),
    }));
}

/** A published issue with every page and its headlines. */
export function getIssueView(
  date: string,
): { issue: IssueSummary; pages: (PageSummary & { stories: StoryCard[] })[] } | null {
  const issue = getPublishedIssueByDate(date);
  if (!issue) return null;
  return {
    issue,
    pages: listPages(issue.id).map((page) => ({
      ...page,
      stories: listPageStories(issue.id, page.number),
    })),
  };
}

/** One page of a published issue, with what the page navigation needs. */
export function getPageView(date: string, pageNumber: number): PageView | null {
  const issue = getPublishedIssueByDate(date);
  if (!issue) return null;
  const all = listPages(issue.id);
  const page = all.find((p) => p.number === pageNumber);
  if (!page) return null;
  return { issue, page, pages: all, stories: listPageStories(issue.id, pageNumber) };
}

/** A published story of a published issue; anything else is not there for readers. */
export function getStoryView(id: number): StoryView | null {
  const row = db()
    .select({
      id: stories.id,
      kind: stories.kind,
      kicker: stories.kicker,
      headline: stories.headline,
      subheadline: stories.subheadline,
      byline: rawByline,
      body: sql<string>`${stories.body}`,
      publishedAt: stories.publishedAt,
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
    .where(and(eq(stories.id, id), eq(stories.status, "published"), publishedIssue))
    .get();
  if (!row) return null;
  const corrections = db()
    .select({ note: storyCorrections.note, createdAt: storyCorrections.createdAt })
    .from(storyCorrections)
    .where(eq(storyCorrections.storyId, id))
    .orderBy(asc(storyCorrections.createdAt))
    .all()
    .map((c) => ({ note: c.note, createdAt: c.createdAt.getTime() }));
  const siblings = listPageStories(row.issueId, row.pageNumber).map((s) => ({
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
    bodyHtml: renderRichText(parseJson(row.body)),
    publishedAt: row.publishedAt?.getTime() ?? null,
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
  return { issue, page, pages: all, stories: listPageStories(issue.id, pageNumber, false) };
}
