import { describe, expect, it } from "vitest";
import { sqlite } from "@/db/client";
import { passAllLevels } from "@/db/testing/review";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { AppError } from "@/lib/errors";
import { listReviewQueue, reviewCountSql, reviewQueueSql } from "@/lib/review";
import { createStory, transitionStory } from "@/lib/stories";

withTempDatabase();
const t0 = new Date("2026-03-01T02:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function body(text: string) {
  return {
    type: "doc" as const,
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  };
}

describe("the review queue", () => {
  it("lists submitted stories only, the longest-waiting first, with author and length", async () => {
    const reporter = {
      ...(await insertUser("reporter", { displayName: "边磊" })),
      displayName: "边磊",
    };
    const editor = { ...(await insertUser("editor")), displayName: "值班编辑" };
    const later = createStory(
      reporter,
      { headline: "后交的稿", kind: "news" },
      at(0),
      body("三个字"),
    );
    const earlier = createStory(
      reporter,
      { headline: "先交的稿", kind: "news" },
      at(0),
      body("一二三四五"),
    );
    const draft = createStory(reporter, { headline: "还在写", kind: "news" }, at(0));
    transitionStory(reporter, { storyId: earlier.id, action: "submit" }, at(1));
    transitionStory(reporter, { storyId: later.id, action: "submit" }, at(5));
    const approved = createStory(reporter, { headline: "已签发", kind: "news" }, at(0));
    transitionStory(reporter, { storyId: approved.id, action: "submit" }, at(2));
    await passAllLevels(approved.id, at(3));

    const queue = listReviewQueue(editor);
    expect(queue.total).toBe(2);
    expect(queue.items.map((s) => s.headline)).toEqual(["先交的稿", "后交的稿"]);
    expect(queue.items[0]).toMatchObject({
      id: earlier.id,
      authorName: "边磊",
      charCount: 5,
      submittedAt: at(1).getTime(),
    });
    expect(queue.items.some((s) => s.id === draft.id)).toBe(false);

    // A returned and resubmitted story waits from its new submission.
    transitionStory(editor, { storyId: earlier.id, action: "return", note: "补充数据" }, at(6));
    transitionStory(reporter, { storyId: earlier.id, action: "submit" }, at(7));
    expect(listReviewQueue(editor).items.map((s) => s.id)).toEqual([later.id, earlier.id]);
  });

  it("pages through the queue", async () => {
    const reporter = { ...(await insertUser("reporter")), displayName: "记者" };
    const admin = { ...(await insertUser("admin")), displayName: "管理员" };
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const story = createStory(reporter, { headline: `稿件${i}`, kind: "news" }, at(0));
      transitionStory(reporter, { storyId: story.id, action: "submit" }, at(i + 1));
      ids.push(story.id);
    }
    const first = listReviewQueue(admin, { limit: 2, offset: 0 });
    const second = listReviewQueue(admin, { limit: 2, offset: 2 });
    const third = listReviewQueue(admin, { limit: 2, offset: 4 });
    expect(first.total).toBe(5);
    expect([...first.items, ...second.items, ...third.items].map((s) => s.id)).toEqual(ids);
    expect(third.items).toHaveLength(1);
  });

  it("is refused to reporters", async () => {
    const reporter = { ...(await insertUser("reporter")), displayName: "记者" };
    expect(() => listReviewQueue(reporter)).toThrow(new AppError("forbidden"));
  });

  it("stays an index search over 100,000 stories", async () => {
    const reporter = await insertUser("reporter");
    const editor = { ...(await insertUser("editor")), displayName: "值班编辑" };
    const statuses = ["draft", "approved", "published", "returned", "spiked"];
    const insert = sqlite().prepare(
      "INSERT INTO stories (headline, status, review_passer, author_id, submitted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    sqlite().transaction(() => {
      for (let i = 0; i < 100_000; i += 1) {
        const submitted = i % 50 === 0;
        const time = t0.getTime() + i * 1000;
        insert.run(
          `稿件${i}`,
          submitted ? "submitted" : statuses[i % statuses.length],
          submitted ? "desk_editor" : null,
          reporter.id,
          submitted || i % 3 === 0 ? time : null,
          time,
          time,
        );
      }
    })();
    sqlite().exec("ANALYZE");
    const { sql, params } = reviewQueueSql(editor, 50, 1000);
    const plan = sqlite()
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => (row as { detail: string }).detail);
    expect(plan.join("\n")).toMatch(
      /SEARCH stories USING INDEX stories_desk_queue_idx \(status=\? AND desk_id=\?\)/,
    );
    expect(plan.join("\n")).not.toMatch(/TEMP B-TREE/);
    // The total never reads the stories' rows (their bodies are long).
    const counted = reviewCountSql(editor);
    const countPlan = sqlite()
      .prepare(`EXPLAIN QUERY PLAN ${counted.sql}`)
      .all(...counted.params)
      .map((row) => (row as { detail: string }).detail);
    expect(countPlan.join("\n")).toMatch(
      /SEARCH stories USING COVERING INDEX stories_review_count_idx/,
    );

    // Speed itself is measured by `npm run bench:desk`, not asserted here.
    const queue = listReviewQueue(editor, { limit: 50, offset: 1950 });
    expect(queue.total).toBe(2000);
    expect(queue.items).toHaveLength(50);
    const times = queue.items.map((s) => s.submittedAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  }, 60_000);
});
