import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { errorText } from "@/lib/errors";
import {
  type Dictionary,
  formatMessage,
  lookup,
  type Message,
  translator,
} from "@/lib/i18n/dictionary";
import { en } from "@/lib/i18n/en";
import type { Locale } from "@/lib/i18n/locales";
import { zhCN } from "@/lib/i18n/zh-CN";

/** Every leaf of a dictionary as [dotted key, value]. */
function leaves(node: unknown, prefix = ""): [string, unknown][] {
  if (node === null || typeof node !== "object") return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

// Element types of @formatjs/icu-messageformat-parser's AST.
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
type Element = {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
};
const KIND: Record<number, string> = {
  [ARGUMENT]: "any",
  [NUMBER]: "number",
  [PLURAL]: "number",
  [DATE]: "date",
  [TIME]: "date",
  [SELECT]: "select",
};

/** The arguments a message takes, each with its kind ("any", "number", "date", "select"). */
function argumentsOf(message: string, locale: Locale): string[] {
  const ast = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst();
  const found = new Map<string, string>();
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      const kind = KIND[element.type];
      if (kind && element.value) found.set(element.value, kind);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(ast as Element[]);
  return [...found].map(([name, kind]) => `${name}:${kind}`).sort();
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

  it.each([
    ["zh-CN", zhEntries],
    ["en", enEntries],
  ] as const)("every %s message is valid ICU", (locale, entries) => {
    const broken = entries.filter(([, value]) => {
      try {
        argumentsOf(String(value), locale);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map(([key]) => key)).toEqual([]);
  });

  it("use the same arguments, of the same kind, for the same key in both languages", () => {
    const mismatched = zhEntries.flatMap(([key, value]) => {
      const other = enMap.get(key);
      if (typeof value !== "string" || typeof other !== "string") return [];
      const zh = argumentsOf(value, "zh-CN").join(",");
      const english = argumentsOf(other, "en").join(",");
      return zh === english ? [] : [`${key}: zh-CN ${zh} / en ${english}`];
    });
    expect(mismatched).toEqual([]);
  });

  it("count things with plurals, never a bare {count} before a noun", () => {
    // The hand-written format() this replaced gave "Imported 1 stories".
    const bare = enEntries
      .filter(([, value]) => /\{(count|n|total|pages|stories)\} [a-z]/.test(String(value)))
      .map(([key]) => key);
    expect(bare).toEqual([]);
  });
});

describe("formatMessage", () => {
  it("fills simple arguments", () => {
    expect(formatMessage("zh-CN", "第{number}版：{name}", { number: 3, name: "要闻" })).toBe(
      "第3版：要闻",
    );
    expect(formatMessage("en", "{a}{a}", { a: "x" })).toBe("xx");
  });

  it("chooses the plural form of the language", () => {
    const m = en.importDesk.imported as Message;
    const vars = { page: 2, date: "2023-02-22" };
    expect(formatMessage("en", m, { count: 1, ...vars })).toBe(
      "Imported 1 story onto page 2 of 2023-02-22.",
    );
    expect(formatMessage("en", m, { count: 3, ...vars })).toBe(
      "Imported 3 stories onto page 2 of 2023-02-22.",
    );
    expect(formatMessage("zh-CN", zhCN.importDesk.imported as Message, { count: 1, ...vars })).toBe(
      "已把 1 篇稿件导入到 2023-02-22 第 2 版。",
    );
    expect(formatMessage("en", en.archive.issueCount as Message, { count: 1, year: 2023 })).toBe(
      "1 issue in 2023",
    );
  });

  it("writes numbers the language's way in plurals, years as they are", () => {
    expect(
      formatMessage("en", "{n, plural, other {# stories}} in {year}", { n: 12345, year: 2026 }),
    ).toBe("12,345 stories in 2026");
  });

  it("leaves markup-like text alone", () => {
    expect(formatMessage("en", "<b>{x}</b>", { x: 1 })).toBe("<b>1</b>");
  });

  it("shows the text instead of failing when a value is missing at run time", () => {
    expect(formatMessage("en", "Page {number}" as Message)).toBe("Page {number}");
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
    expect(lookup(en, "common.toString")).toBe("common.toString");
  });

  it("returns the key when it names a group or goes past a message", () => {
    expect(lookup(en, "common")).toBe("common");
    expect(lookup(en, "common.save.more")).toBe("common.save.more");
  });
});

describe("errorText", () => {
  it("gives the error's message, or the internal one for a key it does not know", () => {
    expect(errorText(en.errors, "internal")).toBe(en.errors.internal);
    expect(errorText(zhCN.errors, "forbidden")).toBe(zhCN.errors.forbidden);
    expect(errorText(en.errors, "no_such_error")).toBe(en.errors.internal);
    expect(errorText(en.errors, "toString")).toBe(en.errors.internal);
    expect(errorText(en.errors, undefined)).toBe(en.errors.internal);
  });
});

describe("translator", () => {
  it("looks up and fills in, in its language", () => {
    const t = translator("en", en as Dictionary);
    expect(t("paper.pageNumber", { number: 4 })).toBe("Page 4");
    expect(t("importDesk.import", { count: 1 })).toBe("Import 1 story");
    expect(translator("zh-CN", zhCN)("importDesk.import", { count: 1 })).toBe("导入 1 篇稿件");
  });
});

describe("typed keys and arguments (checked by tsc --noEmit)", () => {
  it("refuses unknown keys and wrong or missing values", () => {
    const t = translator("en", en);
    // @ts-expect-error: no such key
    expect(t("paper.noSuchKey")).toBe("paper.noSuchKey");
    // @ts-expect-error: pageLabel needs name as well as number
    expect(t("paper.pageLabel", { number: 1 })).toBe("Page {number}: {name}");
    // @ts-expect-error: a plural's count is a number
    expect(t("importDesk.import", { count: "2" })).toBe("Import 2 stories");
    // @ts-expect-error: save takes no values
    expect(t("common.save", { x: 1 })).toBe("Save");
    expect(formatMessage("en", en.archive.issueCount, { count: 2, year: 2020 })).toBe(
      "2 issues in 2020",
    );
    // @ts-expect-error: issueCount needs the year
    formatMessage("en", en.archive.issueCount, { count: 2 });
  });
});
