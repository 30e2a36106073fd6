import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { annotatePage, parsePage } from "@/lib/import/parse-page";

const root = process.cwd();
const seedText = fs.readFileSync(path.join(root, "db/fixtures/seed-page.txt"), "utf8");
const seedExpected = JSON.parse(
  fs.readFileSync(path.join(root, "db/fixtures/seed-page.expected.json"), "utf8"),
);

describe("the seed page", () => {
  it("parses to exactly the expected stories", () => {
    // `source` and `notes` describe the fixture file; everything the parser produces is compared.
    const { source: _source, notes: _notes, ...expected } = seedExpected;
    expect(Object.keys(expected).sort()).toEqual(["articles", "page"]);
    expect(parsePage(seedText)).toStrictEqual(expected);
  });

  it("annotates every source line, and the roles agree with the parse", () => {
    const lines = annotatePage(seedText);
    const source = seedText.split("\n");
    expect(lines.map((l) => l.text)).toEqual(source);
    expect(lines.filter((l) => l.role === "banner").map((l) => l.text)).toEqual([
      seedExpected.page.banner,
    ]);
    const headlines = lines.filter((l) => l.role === "headline");
    expect(headlines.map((l) => l.text)).toEqual(
      seedExpected.articles.map((a: { headline: string }) => a.headline),
    );
    expect(headlines.map((l) => l.article)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const duplicate = lines.filter((l) => l.role === "duplicate");
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]?.article).toBeUndefined();
    expect(lines.filter((l) => l.role === "byline").map((l) => l.article)).toEqual([4, 4]);
  });
});

describe("pages the fixtures do not cover", () => {
  it("keeps 编者按 under a headline with its story, and reads 开栏的话 over a headline as a kicker", () => {
    const page = parsePage(
      [
        "开栏的话",
        "让劳动者的故事被看见",
        "即日起，本版推出“劳动者之歌”栏目，讲述普通劳动者的故事。",
        "",
        "一条公交线的十五年",
        "编者按：她是公交线路上的“活地图”。",
        "本报讯（记者 田野）早上五点，李红梅已经坐进了驾驶室。",
      ].join("\n"),
    );
    expect(page.articles.map((a) => [a.kind, a.kicker, a.headline])).toEqual([
      ["editors_note", "开栏的话", "让劳动者的故事被看见"],
      ["news", null, "一条公交线的十五年"],
    ]);
    expect(page.articles[1]?.paragraphs[0]).toBe("编者按：她是公交线路上的“活地图”。");
  });

  it("reads a story without a headline as a brief, and an agency photo credit", () => {
    const page = parsePage(
      [
        "本报讯（通讯员 王飞）日前，顺义区总工会为一线职工送去防暑降温物资。",
        "",
        "会场一角",
        "2月17日，代表们在分组讨论中发言。新华社发（李明 摄）",
      ].join("\n"),
    );
    expect(page.articles[0]).toMatchObject({ kind: "brief", headline: null });
    expect(page.articles[0]?.byline.correspondents).toEqual(["王飞"]);
    expect(page.articles[1]).toMatchObject({
      kind: "photo",
      headline: "会场一角",
      paragraphs: ["2月17日，代表们在分组讨论中发言。"],
    });
    expect(page.articles[1]?.byline).toMatchObject({ agency: "新华社", photographers: ["李明"] });
  });

  it("drops jump lines and reads a byline alone in brackets at the end", () => {
    const page = parsePage(
      [
        "市总工会部署全年工作",
        "本报讯 会议要求，各级工会要抓好落实。（下转第2版）",
        "会议还部署了其他工作。",
        "（记者 陈曦）",
      ].join("\n"),
    );
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]?.paragraphs).toEqual([
      "会议要求，各级工会要抓好落实。",
      "会议还部署了其他工作。",
    ]);
    expect(page.articles[0]?.byline.reporters).toEqual(["陈曦"]);
  });

  it("never loses text: every non-blank, non-furniture line lands in a story or is a marked duplicate", () => {
    const lines = annotatePage(seedText);
    for (const line of lines) {
      if (line.text.trim() === "") expect(line.role).toBe("blank");
      else if (!["banner", "chrome", "duplicate", "label"].includes(line.role)) {
        expect(line.article).toBeTypeOf("number");
      }
    }
  });

  it("returns no stories for text with none, rather than failing", () => {
    expect(parsePage("第03版：要闻\n上一篇\n放大 缩小 默认\n")).toEqual({
      page: { banner: null },
      articles: [],
    });
  });
});
