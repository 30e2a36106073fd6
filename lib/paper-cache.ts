// The public paper's reads, cached by Next and invalidated by tag when what they show changes.
import { revalidateTag, unstable_cache } from "next/cache";
import {
  getAdjacentIssues,
  getIssueView,
  getLatestIssue,
  getPageView,
  getStoryView,
  listArchiveYears,
  listIssuesOfYear,
  listLatestStories,
  listSitemapYear,
} from "@/lib/paper";
import { expireAgainAtNextTick } from "@/lib/scheduler";
import { getSettings } from "@/lib/settings";

/**
 * Every public page depends on this tag; publishing, unpublishing, corrections, embargo changes
 * on published stories and lifted embargoes (the clock) expire it.
 */
export const PAPER_TAG = "paper";

function cached<A extends unknown[], R>(name: string, read: (...args: A) => R) {
  return unstable_cache(async (...args: A) => read(...args), ["paper", name], {
    tags: [PAPER_TAG],
  });
}

/**
 * A read that depends on the moment (embargoes): made at the moment it renders, and kept until
 * the tag expires. The clock expires it when an embargo lifts (lib/scheduler), so a copy made
 * while a story was embargoed is not served past the clock's next tick after the embargo ends.
 */
function cachedAtNow<A extends unknown[], R>(name: string, read: (...args: [...A, Date]) => R) {
  return cached(name, (...args: A) => read(...args, new Date()));
}

export const readPaper = {
  settings: cached("settings", getSettings),
  latestIssue: cached("latest-issue", getLatestIssue),
  issue: cachedAtNow("issue", getIssueView),
  page: cachedAtNow("page", getPageView),
  story: cachedAtNow("story", getStoryView),
  adjacentIssues: cached("adjacent-issues", getAdjacentIssues),
  archiveYears: cached("archive-years", listArchiveYears),
  issuesOfYear: cached("issues-of-year", listIssuesOfYear),
  latestStories: cachedAtNow("latest-stories", listLatestStories),
  sitemapYear: cachedAtNow("sitemap-year", listSitemapYear),
};

/**
 * Expire every cached public page at once. A takedown or correction must never be served
 * stale while revalidating, so the entries expire outright rather than going stale. Shared
 * caches in front (the shipped nginx, a CDN) need no purge: they keep a page or a photo only
 * seconds (lib/cache-control.ts), so this expiry reaches readers within that bound. Called
 * from an action, the clock expires once more at its next tick (lib/scheduler
 * expireAgainAtNextTick); the clock's own expiry route passes `repeat: false`.
 */
export function expirePaperCache({ repeat = true }: { repeat?: boolean } = {}): void {
  revalidateTag(PAPER_TAG, { expire: 0 });
  if (repeat) expireAgainAtNextTick();
}
