// RSS 2.0, sitemaps and robots.txt for the public paper: pure builders from published data.
import { bylineNames } from "@/lib/byline";
import { LOCALES, type Locale } from "@/lib/domain/locales";
import { paperPath } from "@/lib/i18n/paper-locale";
import type { FeedItem, SitemapYear } from "@/lib/paper";

/** The feed, sitemap and robots routes answer with the paper's one shared-cache policy. */
export { PUBLIC_CACHE_CONTROL } from "@/lib/cache-control";

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

/** The feed of one language of the paper: its links go to that language's pages. */
export function buildRss(input: {
  origin: string;
  locale: Locale;
  paperName: string;
  description: string;
  items: FeedItem[];
}): string {
  const { origin, locale, paperName, description, items } = input;
  const at = (path: string) => `${origin}${paperPath(locale, path)}`;
  const latest = items[0];
  const built = latest
    ? new Date(latest.publishedAt ?? issueMoment(latest.date).getTime())
    : new Date(0);
  const entries = items.map((item) => {
    const url = at(`/stories/${item.id}`);
    const published = new Date(item.publishedAt ?? issueMoment(item.date).getTime());
    const title = item.kicker ? `${item.headline}（${item.kicker}）` : item.headline;
    return [
      "<item>",
      tag("title", title),
      tag("link", url),
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      tag("pubDate", published.toUTCString()),
      tag("category", item.pageName),
      ...bylineNames(item.byline).map((name) => tag("dc:creator", name)),
      tag("description", [item.subheadline, item.excerpt].filter(Boolean).join(" —— ")),
      "</item>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    tag("title", paperName),
    tag("link", at("/")),
    tag("description", description),
    tag("language", "zh-CN"),
    tag("lastBuildDate", built.toUTCString()),
    `<atom:link href="${escapeXml(at("/feed.xml"))}" rel="self" type="application/rss+xml"/>`,
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

/**
 * One year's issues, pages and stories in both languages, each URL with its hreflang
 * alternates: at most ~40,000 URLs (of 50,000 allowed) for a daily of 8 × 6.
 */
export function buildSitemap(origin: string, year: SitemapYear): string {
  const alternates = (path: string) =>
    [
      ...LOCALES.map((l) => [l, paperPath(l, path)] as const),
      ["x-default", paperPath("zh-CN", path)] as const,
    ]
      .map(
        ([lang, href]) =>
          `<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(`${origin}${href}`)}"/>`,
      )
      .join("");
  const url = (path: string, lastmod?: number | null) =>
    LOCALES.map(
      (locale) =>
        `<url>${tag("loc", `${origin}${paperPath(locale, path)}`)}${
          lastmod ? tag("lastmod", new Date(lastmod).toISOString()) : ""
        }${alternates(path)}</url>`,
    ).join("\n");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
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
    "Disallow: /en/search",
    "Disallow: /en/archive/day",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
}
