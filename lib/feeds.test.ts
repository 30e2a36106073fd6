import { describe, expect, it } from "vitest";
import { buildRobots, buildRss, buildSitemap, buildSitemapIndex, escapeXml } from "@/lib/feeds";
import type { FeedItem } from "@/lib/paper";

const item = (fields: Partial<FeedItem>): FeedItem => ({
  id: 7,
  headline: "标题",
  kicker: null,
  subheadline: null,
  byline: { dateline: "本报讯", reporters: ["边磊"], correspondents: [], photographers: [] },
  excerpt: "正文",
  publishedAt: Date.UTC(2023, 1, 21, 21),
  date: "2023-02-22",
  pageNumber: 1,
  pageName: "要闻",
  ...fields,
});

describe("escapeXml", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;",
    );
    expect(escapeXml("a\u0000b\u0008c\td\ne\uffff\ud800f")).toBe("abc\td\ne\ufffdf");
  });
});

describe("buildRss", () => {
  it("writes escaped items with absolute links, dates and creators", () => {
    const xml = buildRss({
      origin: "https://paper.example",
      locale: "zh-CN",
      paperName: "职工时报",
      description: "最新报道",
      items: [item({ headline: "A & <B>", excerpt: "]]> 结束" })],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain("<title>A &amp; &lt;B&gt;</title>");
    expect(xml).toContain("<link>https://paper.example/stories/7</link>");
    expect(xml).toContain("<pubDate>Tue, 21 Feb 2023 21:00:00 GMT</pubDate>");
    expect(xml).toContain("<dc:creator>边磊</dc:creator>");
    expect(xml).toContain("<description>]]&gt; 结束</description>");
    expect(xml).not.toContain("<B>");
  });

  it("links the English feed to the English pages", () => {
    const xml = buildRss({
      origin: "https://paper.example",
      locale: "en",
      paperName: "职工时报",
      description: "Latest",
      items: [item({})],
    });
    expect(xml).toContain("<link>https://paper.example/en/stories/7</link>");
    expect(xml).toContain("<link>https://paper.example/en</link>");
    expect(xml).toContain('href="https://paper.example/en/feed.xml" rel="self"');
    expect(xml).not.toMatch(/paper\.example\/stories/);
  });

  it("falls back to the issue's morning when a story has no publication time", () => {
    const xml = buildRss({
      origin: "http://x",
      locale: "zh-CN",
      paperName: "p",
      description: "d",
      items: [item({ publishedAt: null })],
    });
    expect(xml).toContain("<pubDate>Tue, 21 Feb 2023 21:00:00 GMT</pubDate>");
  });
});

describe("sitemaps and robots", () => {
  it("lists a sitemap per year and every URL of a year in both languages", () => {
    expect(buildSitemapIndex("http://x", [2023, 2022])).toContain(
      "<loc>http://x/sitemaps/2022.xml</loc>",
    );
    const xml = buildSitemap("http://x", {
      issues: [{ date: "2023-02-22", publishedAt: Date.UTC(2023, 1, 21, 21) }],
      pages: [{ date: "2023-02-22", number: 1 }],
      stories: [{ id: 3, updatedAt: Date.UTC(2023, 1, 22) }],
    });
    const alternates = (path: string) =>
      `<xhtml:link rel="alternate" hreflang="zh-CN" href="http://x${path}"/>` +
      `<xhtml:link rel="alternate" hreflang="en" href="http://x/en${path}"/>` +
      `<xhtml:link rel="alternate" hreflang="x-default" href="http://x${path}"/>`;
    for (const loc of ["http://x/issues/2023-02-22", "http://x/en/issues/2023-02-22"]) {
      expect(xml).toContain(
        `<url><loc>${loc}</loc><lastmod>2023-02-21T21:00:00.000Z</lastmod>${alternates("/issues/2023-02-22")}</url>`,
      );
    }
    expect(xml).toContain(
      `<url><loc>http://x/en/issues/2023-02-22/1</loc>${alternates("/issues/2023-02-22/1")}</url>`,
    );
    expect(xml).toContain("<loc>http://x/stories/3</loc>");
    expect(xml).toContain("<loc>http://x/en/stories/3</loc>");
    expect(xml.match(/<url>/g)).toHaveLength(6);
    expect(buildRobots("http://x")).toContain("Sitemap: http://x/sitemap.xml");
  });
});
