import { describe, expect, it } from "vitest";
import { isChrome } from "@/lib/import/chrome";
import { DuplicateIndex } from "@/lib/import/duplicates";
import { fold } from "@/lib/import/fold";
import {
  isBannerLike,
  isHeadingLike,
  isSectionLabel,
  sectionKind,
  splitDeck,
} from "@/lib/import/headings";
import { endsSentence, joinBroken } from "@/lib/import/paragraphs";

describe("folding", () => {
  it("keeps the length, so rules can slice the original text", () => {
    const text = "本報訊(記者 陳明):攝影報道!";
    // Names are printed text, not rule words: 陳 stays 陳.
    expect(fold(text)).toBe("本报讯（记者 陳明）：摄影报道！");
    expect(fold(text)).toHaveLength(text.length);
  });
});

describe("e-paper chrome", () => {
  it.each([
    "第03版：要闻",
    "第3版",
    "A3版 要闻",
    "上一篇",
    "下一篇：海淀区举办职工健步走活动",
    "放大 缩小 默认",
    "【放大】 【缩小】 【默认】",
    "打印 | 关闭",
    "阅读量：123",
    "阅读量:1,203",
    "版权所有 © 示例日报社",
    "Copyright © 2023 Example Daily. All rights reserved.",
    "http://epaper.example.com/page/3",
    "责任编辑：王芳",
    "2023年03月01日 星期三",
    "Continued on Page 5",
    "* * *",
    "（完）",
    "————",
    "4",
  ])("%s is furniture", (line) => {
    expect(isChrome(line)).toBe(true);
  });

  it.each([
    "打印机厂职工技能比武",
    "收藏家走进社区",
    "全国总工会赴东城调研",
    "第三版块的内容由读者提供，阅读量已超过十万。",
  ])("%s is text", (line) => {
    expect(isChrome(line)).toBe(false);
  });
});

describe("headings, labels and banners", () => {
  it("reads display lines and leaves sentences", () => {
    expect(isHeadingLike("全总文工团走进项目工地慰问一线建设者")).toBe(true);
    expect(isHeadingLike("网易集团(北京)工会正式成立")).toBe(true);
    expect(isHeadingLike("LEGISLATURE PASSES ROADS BILL")).toBe(true);
    expect(isHeadingLike("Fire Destroys Warehouse on Water Street")).toBe(true);
    expect(isHeadingLike("情况汇报。")).toBe(false);
    expect(isHeadingLike("在实地调研和听取汇报后，")).toBe(false);
    expect(isHeadingLike("the next four years and a stronger hand in planning")).toBe(false);
  });

  it("tells section labels from headlines", () => {
    expect(isSectionLabel("■信息")).toBe(true);
    expect(isSectionLabel("【工会动态】")).toBe(true);
    expect(isSectionLabel("编者按")).toBe(true);
    expect(isSectionLabel("开栏的话")).toBe(true);
    expect(isSectionLabel("■坚持问题导向推动工会工作")).toBe(false);
    expect(sectionKind("■简讯")).toBe("brief");
    expect(sectionKind("【读者来信】")).toBe("letter");
    expect(sectionKind("【工会动态】")).toBe("brief");
    expect(sectionKind("【人物】")).toBeNull();
  });

  it("takes a balanced slogan for a banner, not a headline with a space", () => {
    expect(isBannerLike("深入学习贯彻党的二十大精神 奋力开拓首都工会工作新局面")).toBe(true);
    expect(isBannerLike("全国总工会赴东城调研 “县级工会加强年”专项工作")).toBe(false);
    expect(isBannerLike("全总文工团走进项目工地慰问一线建设者")).toBe(false);
  });

  it("splits decks into kicker, headline and subheadline", () => {
    expect(splitDeck(["主题", "——副题"])).toEqual({
      kicker: null,
      headline: "主题",
      subheadline: "副题",
    });
    expect(splitDeck(["某负责同志调研时强调", "主题"])).toEqual({
      kicker: "某负责同志调研时强调",
      headline: "主题",
      subheadline: null,
    });
    expect(splitDeck(["引题", "主题", "副题"])).toEqual({
      kicker: "引题",
      headline: "主题",
      subheadline: "副题",
    });
    expect(splitDeck(["主题", "——副题一", "——副题二"])).toEqual({
      kicker: null,
      headline: "主题",
      subheadline: "副题一 副题二",
    });
  });
});

describe("paragraph repair", () => {
  it("knows where sentences end", () => {
    expect(endsSentence("情况汇报。")).toBe(true);
    expect(endsSentence("实干才能出成就……”")).toBe(true);
    expect(endsSentence("讲座。（王敏）")).toBe(true);
    expect(endsSentence("No one was injured.")).toBe(true);
    expect(endsSentence("等工作")).toBe(false);
    expect(endsSentence("要深入开展“学")).toBe(false);
    expect(endsSentence("said Mr.")).toBe(false);
    expect(endsSentence("RALEIGH, Feb.")).toBe(false);
  });

  it("joins broken paragraphs, hyphenation and repeated overlaps", () => {
    expect(joinBroken("并随行听取了相关负责人关于本级工会工作等工作", "情况汇报。")).toBe(
      "并随行听取了相关负责人关于本级工会工作等工作情况汇报。",
    );
    expect(joinBroken("give the govern-", "ment a hand")).toBe("give the government a hand");
    expect(joinBroken("sending to the Governor a", "measure")).toBe(
      "sending to the Governor a measure",
    );
    expect(joinBroken("挖坑、扶苗、填土、浇水,", "扶苗、填土、浇水,现场一派繁忙景象。")).toBe(
      "挖坑、扶苗、填土、浇水,现场一派繁忙景象。",
    );
  });
});

describe("duplicates", () => {
  const index = new DuplicateIndex();
  index.add(
    "宣讲会上，周玉忠对党的二十大精神进行了系统宣讲和深入阐释。提纲挈领的分析使干部职工加深了理解。",
  );

  it("drops exact repeats and repeats with a stray character", () => {
    expect(
      index.isDuplicate(
        "宣讲会上，周玉忠对党的二十大精神进行了系统宣讲和深入阐释。提纲挈领的分析使干部职工加深了理解。",
      ),
    ).toBe(true);
    expect(index.isDuplicate("系了系统宣讲和深入阐释。提纲挈领的分析使干部职工加深了理解。")).toBe(
      true,
    );
    expect(
      index.isDuplicate(
        "对党的二十大精神进行了系统宣讲和深入阐释。提纲挈领的分桥使干部职工加深了理解。",
      ),
    ).toBe(true);
  });

  it("keeps new text and short repeats", () => {
    expect(index.isDuplicate("干部职工纷纷表示，要继续深入学习领会党的二十大精神。")).toBe(false);
    expect(index.isDuplicate("深入阐释。")).toBe(false);
  });
});
