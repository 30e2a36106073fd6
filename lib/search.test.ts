import { describe, expect, it } from "vitest";
import { db, sqlite } from "@/db/client";
import { issues, pages, placements, stories } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import type { Byline } from "@/lib/domain/story";
import {
  highlight,
  MAX_COUNT,
  MAX_QUERY_LENGTH,
  PAGE_SIZE,
  parseQuery,
  SPARSE_MATCHES,
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
    expect(outcome.total).toBe(2);
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
    expect(outcome.total).toBe(3);
    expect(outcome.hits.find((h) => h.id === inHeadline)?.headlineHtml).toBe(
      "全国总工会赴<mark>东城</mark>调研",
    );
  });

  it("finds one-character terms and counts the hits", async () => {
    const older = await insertStory(insertIssue("2019-05-01"), {
      headline: "个税改革",
      bodyText: "",
    });
    const newer = await insertStory(insertIssue("2024-05-01"), {
      headline: "其他",
      bodyText: "减税",
    });
    await insertStory(insertIssue("2024-05-02"), { headline: "无关", bodyText: "工会" });
    const outcome = searchStories({ q: "税", now: NOW });
    expect(ids(outcome)).toEqual([newer, older]);
    expect(outcome.kind === "results" && outcome.total).toBe(2);
    expect(outcome.kind === "results" && outcome.moreThanTotal).toBe(false);
  });

  it("finds Latin words and numbers, short and long, whatever their case", async () => {
    const page = insertIssue("2023-02-22");
    const ai = await insertStory(page, {
      headline: "AI 进车间",
      bodyText: "Beijing 5G 工厂，2023 年",
    });
    const other = await insertStory(page, { headline: "其他", bodyText: "said 19 times" });
    expect(ids(searchStories({ q: "ai", now: NOW })).sort()).toEqual([ai, other].sort());
    expect(ids(searchStories({ q: "AI 工厂", now: NOW }))).toEqual([ai]);
    expect(ids(searchStories({ q: "5g", now: NOW }))).toEqual([ai]);
    expect(ids(searchStories({ q: "BEIJING", now: NOW }))).toEqual([ai]);
    expect(ids(searchStories({ q: "2023", now: NOW }))).toEqual([ai]);
    expect(ids(searchStories({ q: "19", now: NOW }))).toEqual([other]);
    expect(ids(searchStories({ q: "9", now: NOW }))).toEqual([other]);
    expect(ids(searchStories({ q: "2024", now: NOW }))).toEqual([]);
    const outcome = searchStories({ q: "beijing 5G", now: NOW });
    expect(outcome.kind === "results" && outcome.hits[0]?.snippetHtml).toContain(
      "<mark>Beijing</mark> <mark>5G</mark>",
    );
  });

  it("highlights terms in escaped text", async () => {
    const page = insertIssue("2023-02-22");
    await insertStory(page, {
      headline: "<b>东城</b> & 加强年",
      bodyText: '<img src=x onerror="alert(1)">东城区 加强年',
    });
    const outcome = searchStories({ q: "东城 加强年", now: NOW });
    if (outcome.kind !== "results") throw new Error("no results");
    expect(outcome.hits[0]?.headlineHtml).toBe(
      "&lt;b&gt;<mark>东城</mark>&lt;/b&gt; &amp; <mark>加强年</mark>",
    );
    expect(outcome.hits[0]?.snippetHtml).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<mark>东城</mark>区 <mark>加强年</mark>",
    );
  });

  it("keeps to a range of issue dates, both ends included", async () => {
    const [d1, d2, d3] = ["2020-06-30", "2020-07-01", "2020-07-31"];
    const first = await insertStory(insertIssue(d1), { headline: "东城 一" });
    const second = await insertStory(insertIssue(d2), { headline: "东城 二" });
    const third = await insertStory(insertIssue(d3), { headline: "东城 三" });
    const search = (from: unknown, to: unknown, q = "东城") =>
      searchStories({ q, from, to, now: NOW });
    expect(ids(search("2020-07-01", "2020-07-31"))).toEqual([third, second]);
    expect(ids(search("2020-07-01", undefined))).toEqual([third, second]);
    expect(ids(search(undefined, "2020-07-01"))).toEqual([second, first]);
    expect(ids(search("2020-07-31", "2020-07-01"))).toEqual([third, second]);
    expect(ids(search("2020-07-02", "2020-07-30"))).toEqual([]);
    expect(ids(search("2020-07-01", "2020-07-01", "东城 二"))).toEqual([second]);
    const bad = search("2020-02-30", "'; DROP TABLE issues; --");
    expect(ids(bad)).toEqual([third, second, first]);
    expect(bad.invalidRange).toBe(true);
    expect(search("", "").invalidRange).toBe(false);
    expect(search(["2020-07-01", "x"], ["2020-07-01"]).range).toEqual({
      from: "2020-07-01",
      to: "2020-07-01",
    });
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

  it("finds a two-character term in a story years older than 5,000 newer ones without it", async () => {
    // The old design scanned only the newest 5,000 stories for a short term: this story was
    // out of its reach.
    const old = await insertStory(insertIssue("2016-03-08"), {
      headline: "旧闻",
      bodyText: "当年东城区的职工书屋。",
    });
    const author = await insertUser("editor");
    const insert = sqlite().prepare(
      "INSERT INTO stories (headline, body_text, status, author_id) VALUES (?, ?, 'published', ?) RETURNING id",
    );
    const place = sqlite().prepare(
      "INSERT INTO placements (page_id, story_id, position) VALUES (?, ?, ?)",
    );
    const pagesByDay = Array.from({ length: 100 }, (_, d) =>
      insertIssue(new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10)),
    );
    const NEWER = 5_100;
    sqlite().transaction(() => {
      for (let i = 0; i < NEWER; i += 1) {
        const { id } = insert.get(`新闻${i}`, "西城区的职工之家。", author.id) as { id: number };
        place.run(pagesByDay[i % 100], id, 1000 + i);
      }
    })();
    const outcome = searchStories({ q: "东城", now: NOW });
    expect(ids(outcome)).toEqual([old]);
    expect(outcome.kind === "results" && outcome.total).toBe(1);
    expect(ids(searchStories({ q: "东", now: NOW }))).toEqual([old]);
    // The many newer stories are all found by what they do hold, newest first, and counted.
    const west = searchStories({ q: "西城", now: NOW });
    if (west.kind !== "results") throw new Error("no results");
    expect(west.total).toBe(MAX_COUNT);
    expect(west.moreThanTotal).toBe(true);
    expect(west.hits[0]?.date).toBe("2023-04-10");
  });

  it("walks the archive newest-first, slice by slice, when every term matches many stories", async () => {
    const author = await insertUser("editor");
    const insert = sqlite().prepare(
      "INSERT INTO stories (headline, status, author_id) VALUES (?, ?, ?) RETURNING id",
    );
    const place = sqlite().prepare(
      "INSERT INTO placements (page_id, story_id, position) VALUES (?, ?, ?)",
    );
    // 100 issues created out of date order; stories dealt round-robin across them, so neither
    // issue ids nor story ids follow the dates.
    const ISSUES = 100;
    const dates = Array.from({ length: ISSUES }, (_, d) =>
      new Date(Date.UTC(2021, 0, 1 + ((d * 37) % ISSUES))).toISOString().slice(0, 10),
    );
    const pagesByIssue = dates.map((d) => insertIssue(d));
    // 东城 only in the oldest 60 issues: the newest-first walk passes slices without it.
    const oldest = new Set([...dates].sort().slice(0, 60));
    const expected = new Map<string, number[]>(dates.map((d) => [d, []]));
    const STORIES = 2 * SPARSE_MATCHES.gram + 200;
    sqlite().transaction(() => {
      for (let i = 0; i < STORIES; i += 1) {
        const d = i % ISSUES;
        const date = dates[d] as string;
        const east = oldest.has(date) ? "东城" : "西城";
        const status = i % 7 === 0 ? "draft" : "published";
        const { id } = insert.get(`密集测试${east}${i}`, status, author.id) as { id: number };
        place.run(pagesByIssue[d], id, i);
        if (status === "published" && east === "东城") expected.get(date)?.push(id);
      }
    })();
    const newestFirst = [...dates]
      .sort()
      .reverse()
      .flatMap((d) => expected.get(d) ?? []);
    expect(newestFirst.length).toBeGreaterThan(SPARSE_MATCHES.gram);
    const first = searchStories({ q: "密集测试 东城", now: NOW });
    const third = searchStories({ q: "密集测试 东城", page: "3", now: NOW });
    const last = searchStories({ q: "密集测试 东城", page: "50", now: NOW });
    expect(ids(first)).toEqual(newestFirst.slice(0, PAGE_SIZE));
    expect(ids(third)).toEqual(newestFirst.slice(2 * PAGE_SIZE, 3 * PAGE_SIZE));
    expect(ids(last)).toEqual(newestFirst.slice(49 * PAGE_SIZE, 50 * PAGE_SIZE));
    expect(first.kind === "results" && [first.total, first.moreThanTotal]).toEqual([
      MAX_COUNT,
      true,
    ]);
    // A date range inside the walk: only its issues, counted exactly.
    const [to, from] = [...oldest].sort().reverse();
    const ranged = searchStories({ q: "东城 密集测试", from, to, now: NOW });
    const inRange = [
      ...(expected.get(to as string) ?? []),
      ...(expected.get(from as string) ?? []),
    ];
    expect(ids(ranged)).toEqual(inRange.slice(0, PAGE_SIZE));
    expect(ranged.kind === "results" && ranged.total).toBe(inRange.length);
  }, 60_000);
});
