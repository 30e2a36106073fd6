import { describe, expect, it } from "vitest";
import { diffWords, words } from "@/lib/diff";

describe("diffWords", () => {
  it("finds Chinese word-level changes without spaces to split on", () => {
    expect(words("全国总工会到东城区调研")).toContain("工会");
    const parts = diffWords("全国总工会到东城区调研。", "全国总工会昨天到西城区调研。");
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["昨天", "西"]);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["东"]);
    expect(parts.map((p) => (p.kind === "removed" ? "" : p.text)).join("")).toBe(
      "全国总工会昨天到西城区调研。",
    );
  });

  it("handles English words and identical texts", () => {
    const parts = diffWords("the union met today", "the union met on Monday");
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual([
      "on Monday",
    ]);
    expect(diffWords("同样的文字", "同样的文字")).toEqual([
      { kind: "same", text: "同样的文字", at: 0 },
    ]);
  });
});
