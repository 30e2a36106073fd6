import { describe, expect, it } from "vitest";
import {
  bylineNames,
  EMPTY_BYLINE,
  formatNewsByline,
  formatPhotoCredit,
  splitNames,
} from "@/lib/byline";
import type { Byline } from "@/lib/domain/story";

function byline(fields: Partial<Byline>): Byline {
  return { ...EMPTY_BYLINE, ...fields };
}

describe("formatNewsByline", () => {
  it("sets reporters and correspondents inside the dateline's brackets", () => {
    expect(
      formatNewsByline({
        dateline: "本报讯",
        reporters: ["邱勇"],
        correspondents: ["吴洋"],
        photographers: [],
      }),
    ).toBe("本报讯（记者 邱勇 通讯员 吴洋）");
  });

  it("sets only reporters when there are no correspondents", () => {
    expect(formatNewsByline(byline({ dateline: "本报讯", reporters: ["边磊"] }))).toBe(
      "本报讯（记者 边磊）",
    );
  });

  it("separates several names with spaces", () => {
    expect(
      formatNewsByline(
        byline({
          dateline: "本报讯",
          reporters: ["邱勇", "边磊"],
          correspondents: ["吴洋", "李明"],
        }),
      ),
    ).toBe("本报讯（记者 邱勇 边磊 通讯员 吴洋 李明）");
  });

  it("sets only correspondents when there are no reporters", () => {
    expect(formatNewsByline(byline({ dateline: "本报讯", correspondents: ["吴洋"] }))).toBe(
      "本报讯（通讯员 吴洋）",
    );
  });

  it("gives just the names without a dateline, and just the dateline without names", () => {
    expect(formatNewsByline(byline({ reporters: ["边磊"] }))).toBe("记者 边磊");
    expect(formatNewsByline(byline({ dateline: "本报讯" }))).toBe("本报讯");
    expect(formatNewsByline(EMPTY_BYLINE)).toBe("");
  });

  it("follows the dateline with the agency", () => {
    expect(
      formatNewsByline(
        byline({ dateline: "北京2月21日电", agency: "新华社", reporters: ["王强"] }),
      ),
    ).toBe("北京2月21日电新华社（记者 王强）");
  });
});

describe("formatPhotoCredit", () => {
  it("uses the credit as printed when there is one", () => {
    expect(formatPhotoCredit(byline({ photographers: ["盛丽"], credit: "本报记者 盛丽 摄" }))).toBe(
      "本报记者 盛丽 摄",
    );
  });

  it("builds the credit from the photographers otherwise", () => {
    expect(formatPhotoCredit(byline({ photographers: ["盛丽", "刘淑青"] }))).toBe(
      "本报记者 盛丽 通讯员 刘淑青 摄影报道",
    );
    expect(formatPhotoCredit(byline({ photographers: ["盛丽"], credit: null }))).toBe(
      "本报记者 盛丽 摄影报道",
    );
  });

  it("is empty without photographers or credit", () => {
    expect(formatPhotoCredit(EMPTY_BYLINE)).toBe("");
    expect(formatPhotoCredit(byline({ credit: "" }))).toBe("");
  });
});

describe("bylineNames", () => {
  it("lists reporters, correspondents and photographers", () => {
    expect(
      bylineNames(
        byline({ reporters: ["邱勇"], correspondents: ["吴洋"], photographers: ["盛丽"] }),
      ),
    ).toEqual(["邱勇", "吴洋", "盛丽"]);
  });
});

describe("agency bylines", () => {
  it("does not repeat an agency its dateline already names", () => {
    expect(
      formatNewsByline({
        dateline: "新华社北京2月17日电",
        agency: "新华社",
        reporters: ["王立彬"],
        correspondents: [],
        photographers: [],
      }),
    ).toBe("新华社北京2月17日电（记者 王立彬）");
    expect(
      formatNewsByline({
        dateline: null,
        agency: "新华社",
        reporters: ["王立彬"],
        correspondents: [],
        photographers: [],
      }),
    ).toBe("新华社（记者 王立彬）");
  });
});

describe("splitNames", () => {
  it("splits at spaces, 、 and either width of comma and semicolon, dropping empties", () => {
    expect(splitNames(" 李铮、王飞，吴洋;  Jane Doe ,盛丽；刘淑青\u3000邱勇 ")).toEqual([
      "李铮",
      "王飞",
      "吴洋",
      "Jane",
      "Doe",
      "盛丽",
      "刘淑青",
      "邱勇",
    ]);
    expect(splitNames(" 、 ,")).toEqual([]);
  });
});
