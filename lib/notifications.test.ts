import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notifications } from "@/db/schema";
import { passAllLevels } from "@/db/testing/review";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
} from "@/lib/notifications";
import { createStory, transitionStory } from "@/lib/stories";

withTempDatabase();
const t0 = new Date("2026-03-01T02:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function newsroom() {
  const reporter = {
    ...(await insertUser("reporter", { displayName: "边磊" })),
    displayName: "边磊",
  };
  const editor = {
    ...(await insertUser("editor", { displayName: "值班编辑" })),
    displayName: "值班编辑",
  };
  // A second desk editor: both pass 初审 of stories without a desk, so both are told.
  const admin = {
    ...(await insertUser("editor", { displayName: "编辑二" })),
    displayName: "编辑二",
  };
  return { reporter, editor, admin };
}

describe("the inbox", () => {
  it("a reporter is told of return, approval and spike, newest first, with the editor's note", async () => {
    const { reporter, editor } = await newsroom();
    const story = createStory(reporter, { headline: "职工书屋", kind: "news" }, t0);
    transitionStory(reporter, { storyId: story.id, action: "submit" }, at(1));
    transitionStory(editor, { storyId: story.id, action: "return", note: "补充数据" }, at(2));
    transitionStory(reporter, { storyId: story.id, action: "submit" }, at(3));
    await passAllLevels(story.id, at(4));
    const other = createStory(reporter, { headline: "另一篇", kind: "news" }, t0);
    transitionStory(editor, { storyId: other.id, action: "spike", note: "重复" }, at(5));

    const { items, hasMore } = listNotifications(reporter);
    expect(hasMore).toBe(false);
    expect(items.map((n) => [n.kind, n.headline, n.actorName, n.note, n.isRead])).toEqual([
      ["spike", "另一篇", "值班编辑", "重复", false],
      ["approve", "职工书屋", "终审总编", null, false],
      ["return", "职工书屋", "值班编辑", "补充数据", false],
    ]);
    expect(countUnreadNotifications(reporter)).toBe(3);
  });

  it("the passers of the first level (but not the one who submitted) are told of each submission", async () => {
    const { reporter, editor, admin } = await newsroom();
    const story = createStory(reporter, { headline: "待审", kind: "news" }, t0);
    transitionStory(reporter, { storyId: story.id, action: "submit" }, at(1));
    for (const person of [editor, admin]) {
      expect(listNotifications(person).items).toMatchObject([
        { kind: "submitted", storyId: story.id, actorName: "边磊" },
      ]);
      expect(countUnreadNotifications(person)).toBe(1);
    }
    expect(countUnreadNotifications(reporter)).toBe(0);
  });

  it("opening the inbox marks what it showed read, only the viewer's own, and not newer ones", async () => {
    const { reporter, editor, admin } = await newsroom();
    const story = createStory(reporter, { headline: "甲", kind: "news" }, t0);
    transitionStory(reporter, { storyId: story.id, action: "submit" }, at(1));
    const shown = listNotifications(editor).items;
    const second = createStory(reporter, { headline: "乙", kind: "news" }, t0);
    transitionStory(reporter, { storyId: second.id, action: "submit" }, at(2));

    const upTo = Math.max(...shown.map((n) => n.id));
    expect(markNotificationsRead(editor, upTo, at(3))).toBe(1);
    expect(countUnreadNotifications(editor)).toBe(1);
    expect(listNotifications(editor).items.map((n) => [n.headline, n.isRead])).toEqual([
      ["乙", false],
      ["甲", true],
    ]);
    // Marking with a high id touches only the viewer's own rows.
    expect(markNotificationsRead(editor, Number.MAX_SAFE_INTEGER, at(4))).toBe(1);
    expect(countUnreadNotifications(admin)).toBe(2);
    const adminRows = db()
      .select()
      .from(notifications)
      .where(eq(notifications.userId, admin.id))
      .all();
    expect(adminRows.every((n) => n.readAt === null)).toBe(true);
  });

  it("pages from newest to oldest", async () => {
    const { reporter, editor } = await newsroom();
    for (let i = 0; i < 5; i += 1) {
      const story = createStory(reporter, { headline: `稿${i}`, kind: "news" }, t0);
      transitionStory(reporter, { storyId: story.id, action: "submit" }, at(i + 1));
    }
    const first = listNotifications(editor, { limit: 3 });
    const second = listNotifications(editor, { limit: 3, offset: 3 });
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    expect([...first.items, ...second.items].map((n) => n.headline)).toEqual([
      "稿4",
      "稿3",
      "稿2",
      "稿1",
      "稿0",
    ]);
  });
});
