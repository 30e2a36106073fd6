import { describe, expect, it } from "vitest";
import { scorePage, summarize } from "@/lib/import/score";
import type { ParsedArticle } from "@/lib/import/types";

const story = (headline: string, text: string, reporters: string[] = []): ParsedArticle => ({
  kicker: null,
  headline,
  subheadline: null,
  kind: "news",
  byline: { dateline: null, reporters, correspondents: [], photographers: [] },
  paragraphs: [text],
});

describe("the import scorer", () => {
  it("scores a perfect parse 1 and a wrong one lower", () => {
    const gold = [
      story("甲", "市总工会启动职工疗休养工作。", ["刘洋"]),
      story("乙", "青禾区召开职工书屋建设推进会。"),
    ];
    expect(summarize([scorePage(gold, gold)])).toEqual({
      f1: 1,
      headlines: 1,
      bylines: 1,
      stories: 2,
    });
    const merged = [story("丙", "市总工会启动职工疗休养工作。青禾区召开职工书屋建设推进会。")];
    const s = summarize([scorePage(gold, merged)]);
    expect(s.f1).toBeCloseTo(2 / 3, 5);
    expect(s.headlines).toBe(0);
    expect(s.bylines).toBe(0.5);
  });
});

describe("the pages written by hand for scoring", () => {
  it("keep their story F1 and byline score, and do not fall back on headlines", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const { parsePage } = await import("@/lib/import/parse-page");
    const dir = path.join(process.cwd(), "lib/import/fixtures/scored");
    const scores = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".expected.json"))
      .map((f) => {
        const expected = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
        const text = fs.readFileSync(path.join(dir, f.replace(".expected.json", ".txt")), "utf8");
        return scorePage(expected.articles, parsePage(text).articles);
      });
    const total = summarize(scores);
    expect(total.stories).toBeGreaterThanOrEqual(12);
    expect(total.f1).toBeGreaterThanOrEqual(0.95);
    expect(total.bylines).toBeGreaterThanOrEqual(0.9);
    // 10 of 12 today (a 5-character kicker over its headline, an index line's stack).
    expect(total.headlines).toBeGreaterThanOrEqual(0.8);
  });
});
