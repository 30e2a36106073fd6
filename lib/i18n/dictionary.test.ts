import { describe, expect, it } from "vitest";
import { type Dictionary, format, lookup, translator } from "@/lib/i18n/dictionary";
import { en } from "@/lib/i18n/en";
import { zhCN } from "@/lib/i18n/zh-CN";

/** Every leaf of a dictionary as [dotted key, value]. */
function leaves(node: unknown, prefix = ""): [string, unknown][] {
  if (node === null || typeof node !== "object") return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ""))].sort();
}

const zhEntries = leaves(zhCN);
const enEntries = leaves(en);
const zhMap = new Map(zhEntries);
const enMap = new Map(enEntries);

describe("the dictionaries", () => {
  it("have messages", () => {
    expect(zhEntries.length).toBeGreaterThan(10);
  });

  it("have the same keys in zh-CN and en", () => {
    const missingInEn = zhEntries.map(([key]) => key).filter((key) => !enMap.has(key));
    const missingInZh = enEntries.map(([key]) => key).filter((key) => !zhMap.has(key));
    expect(missingInEn).toEqual([]);
    expect(missingInZh).toEqual([]);
  });

  it.each([
    ["zh-CN", zhEntries],
    ["en", enEntries],
  ] as const)("%s has only non-empty string messages", (_locale, entries) => {
    const bad = entries
      .filter(([, value]) => typeof value !== "string" || value.trim() === "")
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it("use the same placeholders for the same key in both languages", () => {
    const mismatched = zhEntries
      .filter(([key, value]) => {
        const other = enMap.get(key);
        if (typeof value !== "string" || typeof other !== "string") return false;
        return placeholders(value).join(",") !== placeholders(other).join(",");
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

describe("format", () => {
  it("fills placeholders", () => {
    expect(format("第{number}版：{name}", { number: 3, name: "要闻" })).toBe("第3版：要闻");
    expect(format("{a}{a}", { a: "x" })).toBe("xx");
  });

  it("leaves unknown placeholders as they are", () => {
    expect(format("Page {number}: {name}", { number: 2 })).toBe("Page 2: {name}");
  });

  it("returns the template without vars", () => {
    expect(format("Page {number}")).toBe("Page {number}");
  });

  it("does not treat inherited properties as vars", () => {
    expect(format("{toString}", { a: 1 })).toBe("{toString}");
  });
});

describe("lookup", () => {
  it("finds a message by its dotted key", () => {
    expect(lookup(zhCN, "common.save")).toBe("保存");
    expect(lookup(en, "common.save")).toBe("Save");
  });

  it("returns the key for unknown keys", () => {
    expect(lookup(en, "common.nope")).toBe("common.nope");
    expect(lookup(en, "nope")).toBe("nope");
    expect(lookup(en, "")).toBe("");
  });

  it("returns the key when it names a group or goes past a message", () => {
    expect(lookup(en, "common")).toBe("common");
    expect(lookup(en, "common.save.more")).toBe("common.save.more");
  });
});

describe("translator", () => {
  it("looks up and fills in", () => {
    const t = translator(en as Dictionary);
    expect(t("paper.pageNumber", { number: 4 })).toBe("Page 4");
  });
});
