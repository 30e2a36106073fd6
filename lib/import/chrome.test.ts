import { describe, expect, it } from "vitest";
import { chromeRule, splitGluedChrome } from "@/lib/import/chrome";

describe("e-paper site chrome", () => {
  it.each([
    ["娱乐频道", "chromeSite"],
    ["示例日报 2021年03月08日 星期一", "chromeEpaperHeader"],
    ["《示例日报》(2021年03月08日 05版)", "chromeEpaperHeader"],
    ["当前版: 04版 上一版 下一版 上一期 下一期 往期", "chromePageTag"],
    ["已经是最新一期", "chromeSite"],
    ["知道了", "chromeSite"],
    ["阅读量:356 本文字数:812", "chromeCounter"],
    ["语音播报", "chromeSite"],
    ["示例报官方网站 | 首页 今天是", "chromeEpaperHeader"],
    ["网友评论仅供其表达个人看法，并不表明本网同意其观点", "chromeSite"],
    ["投诉举报电话:010-00000000", "chromeSite"],
    ["出版日期:1990年05月01日 头版", "chromeEpaperHeader"],
    ["2015年05月04日10:20 来源:示例网-示例日报", "chromeSource"],
    ["关于我们 | 版权声明 | 违法和不良信息举报电话:010-00000000", "chromeLegal"],
  ])("%s is furniture (%s)", (line, rule) => {
    expect(chromeRule(line)).toBe(rule);
  });

  it.each([
    "频道改版后收视率上升",
    "知道了这个消息后，他立刻赶到现场。",
    "职工书屋今天是第一天开放",
    "评论员文章：让劳动者更有尊严",
    "2021年3月8日星期一上午，市总工会召开会议。",
    "1990年5月1日，《工人读本》第一版发行。",
    "职工服务开通绿色频道",
    "今天是劳动者的节日",
    "朗读 经典 传承",
    "示例日报推出电子版",
  ])("%s is text", (line) => {
    expect(chromeRule(line)).toBeNull();
  });
});

describe("a date-and-page line glued to the headline", () => {
  it("is cut off, keeping the headline", () => {
    expect(splitGluedChrome("出版日期:1990年05月01日 头版 某区工会 重视职工书屋建设")).toBe(
      "某区工会 重视职工书屋建设",
    );
    expect(splitGluedChrome("2021年03月08日 第05版 红星厂夜校开学")).toBe("红星厂夜校开学");
  });

  it("leaves lines that only start with a date", () => {
    expect(splitGluedChrome("1990年05月01日，红星厂举行开工典礼。")).toBeNull();
    expect(splitGluedChrome("出版日期:1990年05月01日 头版")).toBeNull();
    // A page name is not a headline.
    expect(splitGluedChrome("2023年03月01日 第04版 要闻")).toBeNull();
    expect(splitGluedChrome("出版日期:2022年06月15日 第03版 港口职工技能比武落幕")).toBe(
      "港口职工技能比武落幕",
    );
  });
});
