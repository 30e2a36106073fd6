import { describe, expect, it } from "vitest";
import { db, sqlite } from "@/db/client";
import { issues, pages, placements, stories } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import type { Byline } from "@/lib/domain/story";
import {
  highlight,
  MAX_QUERY_LENGTH,
  PAGE_SIZE,
  parseQuery,
  SPARSE_MATCHES,
  SUBSTRING_SCAN_LIMIT,
  searchStories,
  snippet,
} from "@/lib/search";

withTempDatabase();
const NOW = new Date("2026-12-01T00:00:00Z");

type IssueStatus = "planned" | "scheduled" | "published" | "withdrawn";
type StoryStatus = "draft" | "approved" | "published" | "spiked" | "withdrawn";

const byline = (reporters: string[] = []): Byline => ({
  dateline: "本报讯",
  reporters,
  correspondents: [],
  photographers: [],
});

let issueNumber = 0;
function insertIssue(date: string, status: IssueStatus = "published"): number {
  issueNumber += 1;
  const issue = db()
    .insert(issues)
    .values({ date, number: issueNumber, status })
    .returning({ id: issues.id })
    .get();
  return db()
    .insert(pages)
    .values({ issueId: issue.id, number: 1, name: "要闻" })
    .returning({ id: pages.id })
    .get().id;
}

let position = 0;
async function insertStory(
  pageId: number,
  fields: { headline: string; bodyText?: string; kicker?: string; reporters?: string[] },
  status: StoryStatus = "published",
): Promise<number> {
  const author = await insertUser("editor");
  const story = db()
    .insert(stories)
    .values({
      headline: fields.headline,
      kicker: fields.kicker ?? null,
      bodyText: fields.bodyText ?? "",
      byline: byline(fields.reporters),
      status,
      authorId: author.id,
    })
    .returning({ id: stories.id })
    .get();
  position += 1;
  db().insert(placements).values({ pageId, storyId: story.id, position }).run();
  return story.id;
}

function ids(outcome: ReturnType<typeof searchStories>): number[] {
  if (outcome.kind !== "results") throw new Error(`expected results, got ${outcome.kind}`);
  return outcome.hits.map((h) => h.id);
}

describe("parseQuery", () => {
  it("keeps terms literal and drops readers' quotes", () => {
    expect(parseQuery('"县级工会 加强年').terms).toEqual(["县级工会", "加强年"]);
    expect(parseQuery("a AND b OR NOT c*").terms).toEqual(["a", "AND", "b", "OR", "NOT", "c*"]);
    expect(parseQuery("Covid covid COVID").terms).toEqual(["Covid"]);
  });

  it("cuts huge input and says so", () => {
    const q = parseQuery("工".repeat(10_000));
    expect(Array.from(q.text)).toHaveLength(MAX_QUERY_LENGTH);
    expect(q.truncated).toBe(true);
  });

  it("treats non-strings and blank input as empty", () => {
    expect(parseQuery(undefined).terms).toEqual([]);
    expect(parseQuery(["东城", "x"]).terms).toEqual(["东城"]);
    expect(parseQuery(" \u3000\n\t ").terms).toEqual([]);
  });
});

describe("highlight and snippet", () => {
  it("escapes HTML and marks every term", () => {
    expect(highlight("<b>工会</b> & 工会", ["工会"])).toBe(
      "&lt;b&gt;<mark>工会</mark>&lt;/b&gt; &amp; <mark>工会</mark>",
    );
  });

  it("centres the passage on the first match", () => {
    const text = `${"甲".repeat(200)}东城区${"乙".repeat(200)}`;
    const html = snippet(text, ["东城"]);
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html).toContain("<mark>东城</mark>区");
  });

  it("treats regular-expression characters as text", () => {
    expect(highlight("a.b a+b (x)", ["a+b", "(x)"])).toBe("a.b <mark>a+b</mark> <mark>(x)</mark>");
  });
});

describe("searchStories", () => {
  it("finds three-character terms through the index, newest issue first", async () => {
    const older = await insertStory(insertIssue("2023-02-21"), {
      headline: "旧闻",
      bodyText: "县级工会加强年专项工作启动。",
    });
    const newer = await insertStory(insertIssue("2023-02-22"), {
      headline: "全国总工会赴东城调研",
      bodyText: "昨天，全国总工会到东城区调研“县级工会加强年”专项工作。",
    });
    const outcome = searchStories({ q: "加强年", now: NOW });
    expect(ids(outcome)).toEqual([newer, older]);
    if (outcome.kind !== "results") throw new Error("no results");
    expect(outcome.scope).toBe("archive");
    expect(outcome.hits[0]?.snippetHtml).toContain("<mark>加强年</mark>");
    expect(outcome.hits[0]?.date).toBe("2023-02-22");
    expect(outcome.hits[0]?.pageName).toBe("要闻");
  });

  it("finds two-character terms by substring, in any text column and the byline", async () => {
    const page = insertIssue("2023-02-22");
    const inHeadline = await insertStory(page, { headline: "全国总工会赴东城调研" });
    const inBody = await insertStory(page, { headline: "其他", bodyText: "东城区的职工之家" });
    const inByline = await insertStory(page, { headline: "第三篇", reporters: ["东城"] });
    await insertStory(page, { headline: "无关", bodyText: "西城区" });
    const outcome = searchStories({ q: "东城", now: NOW });
    expect(ids(outcome).sort()).toEqual([inHeadline, inBody, inByline].sort());
    if (outcome.kind !== "results") throw new Error("no results");
    expect(outcome.scope).toBe("recent");
    expect(outcome.hits.find((h) => h.id === inHeadline)?.headlineHtml).toBe(
      "全国总工会赴<mark>东城</mark>调研",
    );
  });

  it("requires every term, long and short together", async () => {
    const page = insertIssue("2023-02-22");
    const both = await insertStory(page, { headline: "东城 加强年" });
    await insertStory(page, { headline: "西城 加强年" });
    expect(ids(searchStories({ q: "加强年 东城", now: NOW }))).toEqual([both]);
  });

  it("finds a reporter's name in the byline through the index", async () => {
    const page = insertIssue("2023-02-22");
    const story = await insertStory(page, { headline: "新闻", reporters: ["欧阳边磊"] });
    expect(ids(searchStories({ q: "欧阳边磊", now: NOW }))).toEqual([story]);
  });

  it("never shows what is not published", async () => {
    const published = insertIssue("2023-02-20");
    const scheduled = insertIssue("2023-02-21", "scheduled");
    const withdrawnIssue = insertIssue("2023-02-22", "withdrawn");
    const visible = await insertStory(published, { headline: "机密消息公开版" });
    await insertStory(published, { headline: "机密消息草稿" }, "draft");
    await insertStory(published, { headline: "机密消息撤稿" }, "spiked");
    await insertStory(published, { headline: "机密消息下线" }, "withdrawn");
    await insertStory(published, { headline: "机密消息待发" }, "approved");
    await insertStory(scheduled, { headline: "机密消息明日" });
    await insertStory(withdrawnIssue, { headline: "机密消息整期下线" });
    // A published story that sits on no page is not part of any published issue.
    const author = await insertUser("editor");
    db()
      .insert(stories)
      .values({ headline: "机密消息未排版", status: "published", authorId: author.id })
      .run();
    expect(ids(searchStories({ q: "机密消息", now: NOW }))).toEqual([visible]);
    expect(ids(searchStories({ q: "机密", now: NOW }))).toEqual([visible]);
  });

  it.each([
    ['"', "quote alone"],
    ['"东城', "unbalanced quote"],
    ["工会 AND", "trailing operator"],
    ["NEAR(东城 工会, 2)", "NEAR group"],
    ["东城*", "prefix star"],
    ["^东城", "caret"],
    ["NOT", "bare NOT"],
    ["OR OR OR", "bare ORs"],
    ["'; DROP TABLE stories; --", "SQL"],
    ["%_\\", "LIKE wildcards"],
    ["stories_fts:东城", "column filter"],
    ["(东城", "open parenthesis"],
    ["\u0000东城\u0007", "control characters"],
    ["\ud800东城", "lone surrogate"],
    ["工".repeat(10_000), "10,000 characters"],
    [Array.from({ length: 500 }, (_, i) => `词${i}`).join(" "), "500 terms"],
  ])("answers %j (%s) without an error", async (q) => {
    const page = insertIssue("2023-02-22");
    await insertStory(page, { headline: "全国总工会赴东城调研", bodyText: "东城区 工会" });
    expect(() => searchStories({ q, now: NOW })).not.toThrow();
    expect(["empty", "results"]).toContain(searchStories({ q, now: NOW }).kind);
  });

  it("treats operators and wildcards as literal text", async () => {
    const page = insertIssue("2023-02-22");
    const literal = await insertStory(page, { headline: "100%_完成 NOT 东城" });
    await insertStory(page, { headline: "100x完成" });
    expect(ids(searchStories({ q: "%_", now: NOW }))).toEqual([literal]);
    expect(ids(searchStories({ q: "100%_完成", now: NOW }))).toEqual([literal]);
    expect(ids(searchStories({ q: "NOT 东城", now: NOW }))).toEqual([literal]);
    expect(ids(searchStories({ q: '"NOT"', now: NOW }))).toEqual([literal]);
  });

  it("pages through results and clamps bad page numbers", async () => {
    const page = insertIssue("2023-02-22");
    for (let i = 0; i < PAGE_SIZE + 3; i += 1) {
      await insertStory(page, { headline: `分页测试第${i}篇` });
    }
    const first = searchStories({ q: "分页测试", now: NOW });
    const second = searchStories({ q: "分页测试", page: "2", now: NOW });
    if (first.kind !== "results" || second.kind !== "results") throw new Error("no results");
    expect(first.hits).toHaveLength(PAGE_SIZE);
    expect(first.hasNext).toBe(true);
    expect(second.hits).toHaveLength(3);
    expect(second.hasNext).toBe(false);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(PAGE_SIZE + 3);
    for (const bad of ["-1", "abc", "1e9", "2.5"]) {
      const outcome = searchStories({ q: "分页测试", page: bad, now: NOW });
      expect(outcome.kind === "results" && outcome.page >= 1 && outcome.page <= 50).toBe(true);
    }
  });

  it("bounds the substring scan to the newest stories; the index still covers the archive", async () => {
    const old = await insertStory(insertIssue("2020-01-01"), { headline: "东城区旧闻" });
    const page = insertIssue("2023-02-22");
    const author = await insertUser("editor");
    const insert = sqlite().prepare(
      "INSERT INTO stories (headline, status, author_id) VALUES (?, 'published', ?) RETURNING id",
    );
    const place = sqlite().prepare(
      "INSERT INTO placements (page_id, story_id, position) VALUES (?, ?, ?)",
    );
    sqlite().transaction(() => {
      for (let i = 0; i < SUBSTRING_SCAN_LIMIT; i += 1) {
        const { id } = insert.get(`新闻${i}`, author.id) as { id: number };
        place.run(page, id, 1000 + i);
      }
    })();
    expect(ids(searchStories({ q: "东城", now: NOW }))).toEqual([]);
    expect(ids(searchStories({ q: "东城区", now: NOW }))).toEqual([old]);
  });

  it("walks the archive newest-first when a term matches many stories", async () => {
    const author = await insertUser("editor");
    const insert = sqlite().prepare(
      "INSERT INTO stories (headline, status, author_id) VALUES (?, ?, ?) RETURNING id",
    );
    const place = sqlite().prepare(
      "INSERT INTO placements (page_id, story_id, position) VALUES (?, ?, ?)",
    );
    const days = ["2023-01-01", "2023-01-03", "2023-01-02"].map((d) => insertIssue(d));
    const expected: number[][] = [[], [], []];
    sqlite().transaction(() => {
      for (let i = 0; i < SPARSE_MATCHES + 100; i += 1) {
        const day = i % 3;
        const east = i % 2 === 0 ? "东城" : "西城";
        const status = i % 7 === 0 ? "draft" : "published";
        const { id } = insert.get(`密集测试${east}${i}`, status, author.id) as { id: number };
        place.run(days[day], id, i);
        if (status === "published" && east === "东城") expected[day]?.push(id);
      }
    })();
    // Newest issue (2023-01-03, the second page) first, each issue in position order.
    const newestFirst = [...(expected[1] ?? []), ...(expected[2] ?? []), ...(expected[0] ?? [])];
    const first = searchStories({ q: "密集测试 东城", now: NOW });
    const third = searchStories({ q: "密集测试 东城", page: "3", now: NOW });
    expect(ids(first)).toEqual(newestFirst.slice(0, PAGE_SIZE));
    expect(ids(third)).toEqual(newestFirst.slice(2 * PAGE_SIZE, 3 * PAGE_SIZE));
    const all = searchStories({ q: "密集测试", now: NOW });
    expect(all.kind === "results" && all.hasNext).toBe(true);
  });
});
