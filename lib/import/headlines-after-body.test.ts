import { describe, expect, it } from "vitest";
import { readPage } from "@/lib/import/parse-page";

describe("headlines printed after their body", () => {
  it("moves each headline back to its story when the page lists bodies first", () => {
    const page = readPage(
      [
        "本报讯（记者 于洋）近日，南湖区工会为快递员送去防暑用品。",
        "南湖区工会为快递员送清凉",
        "",
        "本报讯（通讯员 陶然）日前，北岸街道开设周末课堂。",
        "北岸街道开设职工周末课堂",
      ].join("\n"),
    );
    expect(page.articles.map((a) => a.headline)).toEqual([
      "南湖区工会为快递员送清凉",
      "北岸街道开设职工周末课堂",
    ]);
    expect(page.lines[1]).toMatchObject({ role: "headline", article: 0, rule: "deckAfterBody" });
    expect(page.stories[0]?.doubts).toContain("headlineAfterBody");
  });

  it("leaves a page that sets headlines above their stories alone", () => {
    const page = readPage(
      "南湖区工会为快递员送清凉\n本报讯（记者 于洋）近日，南湖区工会为快递员送去防暑用品。",
    );
    expect(page.articles[0]?.headline).toBe("南湖区工会为快递员送清凉");
    expect(page.lines[0]?.rule).toBe("deckSingle");
    expect(page.stories[0]?.doubts).toEqual([]);
  });
});
