import { describe, expect, it } from "vitest";
import { readStack, splitFlattened } from "@/lib/import/stacks";

describe("headline stacks without markers", () => {
  it("reads a longer line with a comma under a headline as its subheadline, sure of it", () => {
    const r = readStack(["全市职工喜迎新春", "各级工会走访慰问困难职工,送去节日问候和慰问金"]);
    expect(r.deck).toEqual({
      kicker: null,
      headline: "全市职工喜迎新春",
      subheadline: "各级工会走访慰问困难职工,送去节日问候和慰问金",
    });
    expect(r.doubts).toEqual([]);
  });

  it("marks a shorter second line as a guess", () => {
    const r = readStack(["全总文工团走进项目工地慰问一线建设者", "某局技能竞赛同时启动"]);
    expect(r.deck.subheadline).toBe("某局技能竞赛同时启动");
    expect(r.doubts).toEqual(["ambiguousDeck"]);
  });

  it("reads a short line ending in a dash as the kicker of the next", () => {
    const r = readStack(["节日不打烊——", "公交司机坚守岗位保障市民出行"]);
    expect(r.deck).toEqual({
      kicker: "节日不打烊——",
      headline: "公交司机坚守岗位保障市民出行",
      subheadline: null,
    });
    expect(r.rules).toEqual(["deckDashKicker", "deckDashKicker"]);
  });
});

describe("stacks an archive flattened onto one line", () => {
  it("splits kicker, headline and subheadline at spaces, the longest piece the headline", () => {
    const r = splitFlattened("技能提升 助力发展 城南区举办职工技能大赛 三百名选手同台竞技");
    expect(r.deck).toEqual({
      kicker: "技能提升 助力发展",
      headline: "城南区举办职工技能大赛",
      subheadline: "三百名选手同台竞技",
    });
    expect(r.doubts).toEqual(["flattenedSplit"]);
  });

  it("keeps a space left by a line break inside one headline", () => {
    expect(splitFlattened("某市公交集团获 “全国五一劳动奖状”").deck.kicker).toBeNull();
    expect(splitFlattened("职工(劳模)创新工作室 授牌仪式举行").rules).toEqual(["deckSingle"]);
  });

  it("marks for review what it cannot split", () => {
    const pair = splitFlattened("全市工会系统表彰先进集体 百名劳模走进校园宣讲");
    expect(pair.deck.headline).toBe("全市工会系统表彰先进集体 百名劳模走进校园宣讲");
    expect(pair.doubts).toEqual(["flattenedUnsplit"]);
    const index = splitFlattened("1. 代表团结束访问回到北京市领导到机场迎接");
    expect(index.deck.headline).toBe("代表团结束访问回到北京市领导到机场迎接");
    expect(index.doubts).toEqual(["indexLine"]);
  });
});
