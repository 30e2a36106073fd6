import { describe, expect, it } from "vitest";
import {
  parseBylineLine,
  parseEnglishDateline,
  parseLeadByline,
  parseTrailingByline,
} from "@/lib/import/bylines";

describe("bylines leading a paragraph", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      "本报讯（记者 邱勇 通讯员 吴洋）近日，",
      { dateline: "本报讯", reporters: ["邱勇"], correspondents: ["吴洋"] },
      "近日，",
    ],
    [
      "本报讯（记者李铮通讯员王飞）日前，",
      { dateline: "本报讯", reporters: ["李铮"], correspondents: ["王飞"] },
      "日前，",
    ],
    [
      "本报讯(记者 张三、李四)昨天，",
      { dateline: "本报讯", reporters: ["张三", "李四"] },
      "昨天，",
    ],
    [
      "本報訊（記者 陳明 通訊員 林美玲）近日，",
      { dateline: "本報訊", reporters: ["陳明"], correspondents: ["林美玲"] },
      "近日，",
    ],
    [
      "本报北京2月17日电（记者 王强）当天，",
      { dateline: "本报北京2月17日电", reporters: ["王强"] },
      "当天，",
    ],
    [
      "新华社北京2月17日电（记者 张晓松 朱基钗）记者",
      { dateline: "新华社北京2月17日电", agency: "新华社", reporters: ["张晓松", "朱基钗"] },
      "记者",
    ],
    ["中新社上海3月1日电 上海市", { dateline: "中新社上海3月1日电", agency: "中新社" }, "上海市"],
    [
      "（记者 周明 摄影记者 孙亮）会上，",
      { reporters: ["周明"], photographers: ["孙亮"] },
      "会上，",
    ],
    ["本报讯 近日，", { dateline: "本报讯" }, "近日，"],
    [
      "本报讯 记者 张三 通讯员 李四 近日，",
      { dateline: "本报讯", reporters: ["张三"], correspondents: ["李四"] },
      "近日，",
    ],
    ["本报讯 记者张三报道：近日，", { dateline: "本报讯", reporters: ["张三"] }, "近日，"],
    // A bare name set off by spaces after the dateline is read as the reporter (a guess the
    // parser marks); a word that opens leads is not a name.
    ["本报讯 张三 近日，", { dateline: "本报讯", reporters: ["张三"] }, "近日，"],
    ["本报讯 近日 全市开展，", { dateline: "本报讯" }, "近日 全市开展，"],
  ];
  for (const [text, part, rest] of cases) {
    it(text, () => {
      const lead = parseLeadByline(text);
      const names = "reporters" in part || "correspondents" in part || "photographers" in part;
      const lists = names ? { reporters: [], correspondents: [], photographers: [] } : {};
      expect(lead?.part).toEqual({ ...lists, ...part });
      expect(lead?.rest).toBe(rest);
    });
  }

  it("leaves text in brackets that names no one", () => {
    expect(parseLeadByline("（上接第一版）会议要求，")).toBeNull();
    expect(parseLeadByline("合作社近日用电量上升。")).toBeNull();
  });
});

describe("lines that are only a byline or a credit", () => {
  it("reads bylines under a headline", () => {
    expect(parseBylineLine("本报记者 孙立")).toEqual({
      reporters: ["孙立"],
      correspondents: [],
      photographers: [],
    });
    expect(parseBylineLine("■本报记者 张三 通讯员 李四")).toMatchObject({
      reporters: ["张三"],
      correspondents: ["李四"],
    });
    expect(parseBylineLine("新华社记者 王鹏")).toMatchObject({
      agency: "新华社",
      reporters: ["王鹏"],
    });
    expect(parseBylineLine("文/刘敏 图/陈光")).toMatchObject({
      reporters: ["刘敏"],
      photographers: ["陈光"],
    });
    expect(parseBylineLine("本报记者 张三 发自北京")).toMatchObject({ reporters: ["张三"] });
    expect(parseBylineLine("记者 张三 石家庄市报道")).toMatchObject({ reporters: ["张三"] });
    expect(parseBylineLine("记者张三报道")).toMatchObject({ reporters: ["张三"] });
  });

  it("reads photo credits, every name a photographer", () => {
    expect(parseBylineLine("本报记者 盛丽 通讯员 刘淑青 摄影报道")).toEqual({
      reporters: [],
      correspondents: [],
      photographers: ["盛丽", "刘淑青"],
      credit: "本报记者 盛丽 通讯员 刘淑青 摄影报道",
      isPhotoCredit: true,
    });
    expect(parseBylineLine("张华 摄")).toMatchObject({
      photographers: ["张华"],
      isPhotoCredit: true,
    });
    expect(parseBylineLine("本報記者 黃志強 攝影報道")).toMatchObject({
      photographers: ["黃志強"],
    });
  });

  it("reads an agency's release line as a credit", () => {
    expect(parseBylineLine("（新华社发）")).toEqual({
      agency: "新华社",
      credit: "新华社发",
      isPhotoCredit: true,
    });
  });

  it("reads English by-lines and agency lines", () => {
    expect(parseBylineLine("By JOHN SMITH and MARY JONES")).toEqual({
      reporters: ["JOHN SMITH", "MARY JONES"],
    });
    expect(parseBylineLine("By Jane Doe, Staff Writer")).toEqual({ reporters: ["Jane Doe"] });
    expect(parseBylineLine("Photo by Ann Lee")).toMatchObject({ photographers: ["Ann Lee"] });
    expect(parseBylineLine("The Associated Press")).toEqual({ agency: "Associated Press" });
  });

  it("does not take headlines or sentences for bylines", () => {
    expect(parseBylineLine("全市新建职工之家200个")).toBeNull();
    expect(parseBylineLine("记者从市总工会获悉，全市新建职工之家200个。")).toBeNull();
    expect(parseBylineLine("By the end of the year the road will be paved")).toBeNull();
  });
});

describe("bylines closing the last paragraph", () => {
  it("takes a signature in brackets after the last sentence", () => {
    expect(parseTrailingByline("为青年职工搭建交友平台。（张伟 刘洋）")).toEqual({
      part: { reporters: ["张伟", "刘洋"], correspondents: [], photographers: [] },
      rest: "为青年职工搭建交友平台。",
    });
    expect(parseTrailingByline("会议要求各单位抓好落实。(通讯员 王飞)")?.part).toMatchObject({
      correspondents: ["王飞"],
    });
    expect(parseTrailingByline("会议要求各单位抓好落实工作。（据新华社）")?.part).toEqual({
      agency: "新华社",
    });
  });

  it("takes a name glued to the last sentence, and a glued credit", () => {
    expect(parseTrailingByline("本届运动会旨在丰富职工业余文化生活。王芳")).toMatchObject({
      part: { reporters: ["王芳"] },
      rest: "本届运动会旨在丰富职工业余文化生活。",
    });
    expect(
      parseTrailingByline("各地铁路部门增开列车保障旅客出行。新华社记者 李明 摄")?.part,
    ).toMatchObject({
      photographers: ["李明"],
      agency: "新华社",
      isPhotoCredit: true,
    });
  });

  it("reads an agency's release credit after a caption", () => {
    expect(parseTrailingByline("代表们在分组讨论中发言。（新华社发）")).toEqual({
      part: { agency: "新华社", credit: "新华社发", isPhotoCredit: true },
      rest: "代表们在分组讨论中发言。",
    });
  });

  it("leaves brackets that are part of the text", () => {
    expect(parseTrailingByline("国家无线电监测中心检测中心（总部）")).toBeNull();
    expect(parseTrailingByline("他说，这是一次难忘的经历，让人感动不已。")).toBeNull();
  });
});

describe("English datelines", () => {
  it("reads city, date and agency", () => {
    expect(parseEnglishDateline("RALEIGH, Feb. 19.—The House passed")).toEqual({
      part: { dateline: "RALEIGH, Feb. 19" },
      rest: "The House passed",
    });
    expect(parseEnglishDateline("WASHINGTON (AP) — Lawmakers agreed")).toEqual({
      part: { dateline: "WASHINGTON", agency: "AP" },
      rest: "Lawmakers agreed",
    });
    expect(parseEnglishDateline("RALEIGH, Feb. 19.—(AP)—Governor Ehringhaus")).toEqual({
      part: { dateline: "RALEIGH, Feb. 19", agency: "AP" },
      rest: "Governor Ehringhaus",
    });
    expect(parseEnglishDateline("RALEIGH, N.C., March 3 — The")?.part.dateline).toBe(
      "RALEIGH, N.C., March 3",
    );
  });

  it("does not read a sentence as a dateline", () => {
    expect(parseEnglishDateline("The House - at last - passed the bill.")).toBeNull();
  });
});
