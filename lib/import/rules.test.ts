import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { zhCN as zh } from "@/lib/i18n/zh-CN";
import { readPage } from "@/lib/import/parse-page";
import { confidenceOf, DOUBT_IDS, REVIEW_THRESHOLD, RULE_IDS } from "@/lib/import/rules";

const seed = fs.readFileSync(path.join(process.cwd(), "db/fixtures/seed-page.txt"), "utf8");

describe("named rules", () => {
  it("every line but a blank one records the rule that decided it", () => {
    const dir = path.join(process.cwd(), "lib/import/fixtures");
    const pages = [
      seed,
      ...fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".txt") && !f.startsWith("gbk"))
        .map((f) => fs.readFileSync(path.join(dir, f), "utf8")),
    ];
    for (const text of pages) {
      for (const line of readPage(text).lines) {
        if (line.role === "blank") expect(line.rule).toBeUndefined();
        else expect(RULE_IDS).toContain(line.rule);
      }
    }
  });

  it("every rule and doubt has a label in both languages", () => {
    for (const dict of [zh, en]) {
      for (const id of RULE_IDS) expect(dict.importDesk.rules[id]).toMatch(/\S/u);
      for (const id of DOUBT_IDS) expect(dict.importDesk.doubts[id]).toMatch(/\S/u);
    }
  });
});

describe("confidence per story", () => {
  it("drops with each doubt and flags what is unsure", () => {
    expect(confidenceOf([])).toBe(1);
    expect(confidenceOf(["ambiguousDeck"])).toBe(0.85);
    expect(confidenceOf(["flattenedUnsplit"])).toBeLessThan(REVIEW_THRESHOLD);
  });

  it("is lower for a guessed byline and a flattened stack than for a plain story", () => {
    const page = readPage(
      [
        "市总工会启动职工疗休养工作",
        "本报讯（记者 刘洋）日前，市总工会印发通知。",
        "",
        "技能提升 助力发展 城南区举办职工技能大赛 三百名选手同台竞技",
        "本报讯 罗兰 昨天，城南区职工技能大赛开幕。",
      ].join("\n"),
    );
    expect(page.stories[0]).toEqual({ confidence: 1, doubts: [] });
    expect(page.stories[1]?.doubts).toEqual(["flattenedSplit", "guessedByline"]);
    expect(page.stories[1]?.confidence).toBeLessThan(REVIEW_THRESHOLD);
  });
});
