import { describe, expect, it } from "vitest";
import { neutralPath, paperAlternates, paperLocale, paperPath } from "@/lib/i18n/paper-locale";

describe("the paper's URL languages", () => {
  it("puts English under /en and leaves Chinese at the plain path", () => {
    expect(paperPath("zh-CN", "/stories/5")).toBe("/stories/5");
    expect(paperPath("en", "/stories/5")).toBe("/en/stories/5");
    expect(paperPath("en", "/")).toBe("/en");
    expect(paperPath("en", "/?x=1")).toBe("/en?x=1");
    expect(paperPath("en", "/search?q=%E5%B7%A5")).toBe("/en/search?q=%E5%B7%A5");
  });

  it("finds the language-neutral path of any paper pathname", () => {
    expect(neutralPath("/en/stories/5")).toBe("/stories/5");
    expect(neutralPath("/en")).toBe("/");
    expect(neutralPath("/zh-CN/archive")).toBe("/archive");
    expect(neutralPath("/zh-CN")).toBe("/");
    expect(neutralPath("/stories/5")).toBe("/stories/5");
    // Only a whole first segment is a language.
    expect(neutralPath("/entertainment")).toBe("/entertainment");
    expect(neutralPath("")).toBe("/");
  });

  it("reads the internal segment, Chinese for anything else", () => {
    expect(paperLocale("en")).toBe("en");
    expect(paperLocale("zh-CN")).toBe("zh-CN");
    expect(paperLocale("default")).toBe("zh-CN");
  });

  it("gives each page its canonical URL and both languages with x-default", () => {
    expect(paperAlternates("en", "/issues/2023-02-22/1")).toEqual({
      canonical: "/en/issues/2023-02-22/1",
      languages: {
        "zh-CN": "/issues/2023-02-22/1",
        en: "/en/issues/2023-02-22/1",
        "x-default": "/issues/2023-02-22/1",
      },
    });
    expect(paperAlternates("zh-CN", "/").canonical).toBe("/");
    expect(paperAlternates("zh-CN", "/").languages.en).toBe("/en");
  });
});
