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
