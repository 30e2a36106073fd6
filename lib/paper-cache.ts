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
import { getSettings } from "@/lib/settings";

/** Every public page depends on this tag; publishing, unpublishing and corrections expire it. */
export const PAPER_TAG = "paper";

function cached<A extends unknown[], R>(name: string, read: (...args: A) => R) {
  return unstable_cache(async (...args: A) => read(...args), ["paper", name], {
    tags: [PAPER_TAG],
  });
}

export const readPaper = {
  settings: cached("settings", getSettings),
  latestIssue: cached("latest-issue", getLatestIssue),
  issue: cached("issue", getIssueView),
  page: cached("page", getPageView),
  story: cached("story", getStoryView),
  adjacentIssues: cached("adjacent-issues", getAdjacentIssues),
  archiveYears: cached("archive-years", listArchiveYears),
  issuesOfYear: cached("issues-of-year", listIssuesOfYear),
  latestStories: cached("latest-stories", listLatestStories),
  sitemapYear: cached("sitemap-year", listSitemapYear),
};

/**
 * Expire every cached public page at once. A takedown or correction must never be served
 * stale while revalidating, so the entries expire outright rather than going stale.
 */
export function expirePaperCache(): void {
  revalidateTag(PAPER_TAG, { expire: 0 });
}
