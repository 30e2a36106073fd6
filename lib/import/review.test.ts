import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodePageBytes } from "@/lib/import/decode";
import { parsePage } from "@/lib/import/parse-page";
import {
  editStory,
  mergeWithPrevious,
  type Review,
  reviewedArticles,
  reviewedPage,
  setLineRole,
  splitStory,
  startReview,
} from "@/lib/import/review";

const root = process.cwd();
const seedText = fs.readFileSync(path.join(root, "db/fixtures/seed-page.txt"), "utf8");
const fixtureDir = path.join(root, "lib/import/fixtures");

function lineOf(review: Review, text: string): number {
  const index = review.lines.findIndex((l) => l.text.trim() === text);
  if (index < 0) throw new Error(`no line ${text}`);
  return index;
}

function lineStarting(review: Review, start: string): number {
  const index = review.lines.findIndex((l) => l.text.trim().startsWith(start));
  if (index < 0) throw new Error(`no line starting ${start}`);
  return index;
}

describe("stories derived from the lines as the parser read them", () => {
  const pages = [
    ["seed-page", seedText] as const,
    ...fs
      .readdirSync(fixtureDir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => {
        const decoded = decodePageBytes(new Uint8Array(fs.readFileSync(path.join(fixtureDir, f))));
        if (!decoded.ok) throw new Error(decoded.message);
        return [f, decoded.text] as const;
      }),
  ];
  it("covers the seed page and every fixture page", () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });
  for (const [name, text] of pages) {
    it(`equal the parse of ${name}`, () => {
      expect(reviewedPage(startReview(text))).toStrictEqual(parsePage(text));
    });
  }
});

describe("correcting the seed page", () => {
  const start = startReview(seedText);

  it("marks the subheadline of story 2 as text: it becomes the first paragraph, byline kept", () => {
    const index = lineOf(start, "中建一局劳动和技能竞赛同时启动");
    const review = setLineRole(start, index, "body");
    const articles = reviewedArticles(review);
    expect(articles).toHaveLength(7);
    const story = articles[1];
    expect(story?.subheadline).toBeNull();
    expect(story?.headline).toBe("全总文工团走进项目工地慰问一线建设者");
    expect(story?.paragraphs[0]).toBe("中建一局劳动和技能竞赛同时启动");
    expect(story?.paragraphs).toHaveLength(5);
    expect(story?.byline).toMatchObject({
      dateline: "本报讯",
      reporters: ["邱勇"],
      correspondents: ["吴洋"],
    });
    // The other stories are untouched.
    const before = reviewedArticles(start);
    for (const i of [0, 2, 3, 4, 5, 6]) expect(articles[i]).toStrictEqual(before[i]);
  });

  it("marks a story's first line of text as its kicker, and back again", () => {
    const index = lineOf(start, "全国总工会赴东城调研 “县级工会加强年”专项工作");
    const kicker = setLineRole(start, index, "kicker");
    expect(reviewedArticles(kicker)[0]).toMatchObject({
      kicker: "全国总工会赴东城调研 “县级工会加强年”专项工作",
      headline: null,
    });
    const back = setLineRole(kicker, index, "headline");
    expect(reviewedArticles(back)).toStrictEqual(reviewedArticles(start));
  });

  it("a headline marked inside a story's text starts a new story there", () => {
    const index = lineStarting(start, "随后召开的座谈会");
    const review = setLineRole(start, index, "headline");
    const articles = reviewedArticles(review);
    expect(articles).toHaveLength(8);
    expect(articles[0]?.paragraphs).toHaveLength(2);
    expect(articles[1]?.headline).toMatch(/^随后召开的座谈会/u);
    expect(articles[1]?.paragraphs).toHaveLength(1);
    expect(articles[2]?.headline).toBe("全总文工团走进项目工地慰问一线建设者");
  });

  it("merges a story into the one before: its headline stays as a paragraph, names add up", () => {
    const third = start.stories[2]?.id ?? -1;
    const review = mergeWithPrevious(start, third);
    const articles = reviewedArticles(review);
    expect(articles).toHaveLength(6);
    const merged = articles[1];
    expect(merged?.headline).toBe("全总文工团走进项目工地慰问一线建设者");
    expect(merged?.paragraphs).toHaveLength(4 + 1 + 5);
    expect(merged?.paragraphs[4]).toBe("市推进产业工人队伍建设改革工作评价组赴石景山调研");
    expect(merged?.byline.reporters).toEqual(["邱勇", "张晶"]);
    // The first story cannot merge: nothing is before it.
    expect(mergeWithPrevious(start, start.stories[0]?.id ?? -1)).toBe(start);
  });

  it("splits a story at a paragraph, and merging it back restores the story", () => {
    const first = reviewedArticles(start)[0];
    const at = first?.paragraphLines[2] ?? -1;
    const split = splitStory(start, first?.id ?? -1, at);
    const articles = reviewedArticles(split);
    expect(articles).toHaveLength(8);
    expect(articles[0]?.paragraphs).toEqual(first?.paragraphs.slice(0, 2));
    expect(articles[1]).toMatchObject({
      headline: null,
      kind: "news",
      paragraphs: first?.paragraphs.slice(2),
    });
    const back = mergeWithPrevious(split, split.stories[1]?.id ?? -1);
    expect(reviewedArticles(back)[0]?.paragraphs).toEqual(first?.paragraphs);
    // Splitting at the first line, or a line of another story, changes nothing.
    expect(splitStory(start, first?.id ?? -1, first?.paragraphLines[0] ?? -1)).toBe(start);
    expect(splitStory(start, first?.id ?? -1, articles[3]?.paragraphLines[0] ?? -1)).toBe(start);
  });

  it("marks a line as a byline: the names are read, or taken as reporters", () => {
    const credit = lineOf(start, "本报记者 盛丽");
    const asText = reviewedArticles(setLineRole(start, credit, "body"))[4];
    expect(asText?.paragraphs).toHaveLength(2);
    expect(asText?.paragraphs[1]).toBe("本报记者 盛丽");
    expect(asText?.byline.photographers).toEqual(["刘淑青"]);
    const back = setLineRole(setLineRole(start, credit, "body"), credit, "byline");
    expect(reviewedArticles(back)).toStrictEqual(reviewedArticles(start));

    // A line no rule reads as a byline: its words become reporters, for the editor to fix.
    const last = lineStarting(start, "对工会组织有更全面的了解");
    const after = reviewedArticles(setLineRole(start, last, "byline"))[6];
    expect(after?.paragraphs).toHaveLength(2);
    expect(after?.paragraphs[1]).toMatch(/^沟通会上.*如何加入/u);
    expect(after?.byline.reporters[0]).toBe("马超");
    expect(after?.byline.reporters.length).toBeGreaterThan(1);
  });

  it("drops a line as furniture, and a dropped line marked as text joins the story around it", () => {
    const story = reviewedArticles(start)[6];
    const line = story?.paragraphLines[1] ?? -1;
    const dropped = setLineRole(start, line, "chrome");
    expect(reviewedArticles(dropped)[6]?.paragraphs).toHaveLength(1);
    const restored = setLineRole(dropped, line, "body");
    expect(reviewedArticles(restored)[6]?.paragraphs).toEqual(story?.paragraphs);
    // The duplicate paragraph of story 6, marked as text, joins that story.
    const duplicate = start.lines.findIndex((l) => l.role === "duplicate");
    const kept = reviewedArticles(setLineRole(start, duplicate, "body"));
    expect(kept[5]?.paragraphs).toHaveLength(2);
  });

  it("the banner line marked as a headline is no longer the banner", () => {
    const banner = start.lines.findIndex((l) => l.role === "banner");
    const review = setLineRole(start, banner, "headline");
    expect(reviewedPage(review).page.banner).toBeNull();
    expect(reviewedArticles(review)[0]?.headline).toBe(
      "深入学习贯彻党的二十大精神 奋力开拓首都工会工作新局面全国总工会赴东城调研 “县级工会加强年”专项工作",
    );
  });

  it("keeps typed edits over the derived fields until the deck lines are read again", () => {
    const id = start.stories[0]?.id ?? -1;
    const edited = editStory(start, id, {
      headline: "全总赴东城调研",
      kind: "brief",
      byline: { reporters: ["边磊", "王一"], dateline: "" },
    });
    expect(reviewedArticles(edited)[0]).toMatchObject({
      headline: "全总赴东城调研",
      kind: "brief",
      byline: { dateline: null, reporters: ["边磊", "王一"] },
    });
    const relined = setLineRole(edited, lineStarting(edited, "本报讯（记者 边磊）"), "kicker");
    const article = reviewedArticles(relined)[0];
    expect(article?.headline).toBe("全国总工会赴东城调研 “县级工会加强年”专项工作");
    expect(article?.byline.reporters).toEqual(["边磊", "王一"]);
  });
});
