import { describe, expect, it } from "vitest";
import { archiveHeaderRule } from "@/lib/import/archive-headers";

describe("archive page headers", () => {
  it.each([
    "第3版()",
    "第3版（）",
    "专栏:",
    "专栏：",
    "00005版:文化",
    "第四版:综合",
    "第12版(要闻)",
  ])("%s is an archive header", (line) => {
    expect(archiveHeaderRule(line)).toBe("archiveHeader");
  });

  it.each(["专栏：读书的人最美", "第三版块的内容由读者提供。", "第四版 新闻特写：老街新貌记"])(
    "%s is not",
    (line) => {
      expect(archiveHeaderRule(line)).toBeNull();
    },
  );
});
