// RSS 2.0, sitemaps and robots.txt for the public paper: pure builders from published data.
import { bylineNames } from "@/lib/byline";
import type { Translate } from "@/lib/i18n/dictionary";
import type { FeedItem, SitemapYear } from "@/lib/paper";

/**
 * Caching for shared caches (a CDN): fresh for a minute, then served stale for at most 30 s
 * while one request refreshes it. See docs/decisions.md, "What a CDN may keep".
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=30";

// Characters XML 1.0 does not allow at all (C0 controls but tab, LF, CR; lone surrogates; FFFE/F).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .toWellFormed()
    .replace(INVALID_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

const tag = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;

/** An issue date as a moment: the morning of that day in Beijing when nothing better is known. */
function issueMoment(date: string): Date {
  return new Date(`${date}T05:00:00+08:00`);
}

export function buildRss(input: {
  origin: string;
  paperName: string;
  description: string;
  items: FeedItem[];
  /** The paper's language: the item title and description are joined the way it punctuates. */
  t: Translate;
}): string {
  const { origin, paperName, description, items, t } = input;
  const latest = items[0];
  const built = latest
    ? new Date(latest.publishedAt ?? issueMoment(latest.date).getTime())
    : new Date(0);
  const entries = items.map((item) => {
    const url = `${origin}/stories/${item.id}`;
    const published = new Date(item.publishedAt ?? issueMoment(item.date).getTime());
    const title = item.kicker
      ? t("feed.itemTitle", { headline: item.headline, kicker: item.kicker })
      : item.headline;
    const summary =
      item.subheadline && item.excerpt
        ? t("feed.itemDescription", { subheadline: item.subheadline, excerpt: item.excerpt })
        : item.subheadline || item.excerpt || "";
    return [
      "<item>",
      tag("title", title),
      tag("link", url),
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      tag("pubDate", published.toUTCString()),
      tag("category", item.pageName),
      ...bylineNames(item.byline).map((name) => tag("dc:creator", name)),
      tag("description", summary),
      "</item>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    tag("title", paperName),
    tag("link", `${origin}/`),
    tag("description", description),
    tag("language", "zh-CN"),
    tag("lastBuildDate", built.toUTCString()),
    `<atom:link href="${escapeXml(`${origin}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    ...entries,
    "</channel>",
    "</rss>",
  ].join("\n");
}

export function buildSitemapIndex(origin: string, years: number[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...years.map((year) => `<sitemap>${tag("loc", `${origin}/sitemaps/${year}.xml`)}</sitemap>`),
    "</sitemapindex>",
  ].join("\n");
}

/** One year's issues, pages and stories: at most ~20,000 URLs for a daily of 8 × 6. */
export function buildSitemap(origin: string, year: SitemapYear): string {
  const url = (loc: string, lastmod?: number | null) =>
    `<url>${tag("loc", `${origin}${loc}`)}${
      lastmod ? tag("lastmod", new Date(lastmod).toISOString()) : ""
    }</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...year.issues.map((i) => url(`/issues/${i.date}`, i.publishedAt)),
    ...year.pages.map((p) => url(`/issues/${p.date}/${p.number}`)),
    ...year.stories.map((s) => url(`/stories/${s.id}`, s.updatedAt)),
    "</urlset>",
  ].join("\n");
}

export function buildRobots(origin: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /desk",
    "Disallow: /login",
    "Disallow: /api/",
    "Disallow: /search",
    "Disallow: /archive/day",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
}
