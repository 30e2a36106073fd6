import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, notifications, stories, storyPhotos, storyRevisions } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { AppError } from "@/lib/errors";
import { createStory, restoreRevision, saveStory, transitionStory } from "@/lib/stories";
import type { StoryFields } from "@/lib/story-input";
import { getDeskStory, listMyStories } from "@/lib/story-reads";
import { listRevisions, REVISION_WINDOW_MS } from "@/lib/story-revisions";

withTempDatabase();
const t0 = new Date("2026-03-01T02:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

async function people() {
  const reporter = { ...(await insertUser("reporter")), displayName: "边磊" };
  const other = { ...(await insertUser("reporter")), displayName: "张晶" };
  const editor = { ...(await insertUser("editor")), displayName: "值班编辑" };
  return { reporter, other, editor };
}

function fields(headline: string, text: string): StoryFields {
  return {
    kind: "news",
    kicker: null,
    headline,
    subheadline: null,
    byline: {
      dateline: "本报讯",
      agency: null,
      reporters: ["边磊"],
      correspondents: [],
      photographers: [],
      credit: null,
    },
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
  };
}

describe("stories", () => {
  it("a new story is the author's draft with a default byline", async () => {
    const { reporter } = await people();
    const story = createStory(reporter, { headline: "", kind: "news" }, t0);
    expect(story).toMatchObject({ status: "draft", version: 1, authorId: reporter.id });
    expect(story.byline).toMatchObject({ dateline: "本报讯", reporters: ["边磊"] });
  });

  it("saves against the version it edited; a stale save changes nothing and returns the newer story", async () => {
    const { reporter, editor } = await people();
    const story = createStory(reporter, { headline: "", kind: "news" }, t0);
    const first = saveStory(
      reporter,
      { storyId: story.id, baseVersion: 1, fields: fields("初稿", "第一段") },
      at(1000),
    );
    expect(first).toMatchObject({ ok: true, version: 2 });
    const byEditor = saveStory(
      editor,
      { storyId: story.id, baseVersion: 2, fields: fields("编辑改过", "编辑的文字") },
      at(2000),
    );
    expect(byEditor).toMatchObject({ ok: true, version: 3 });
    const stale = saveStory(
      reporter,
      { storyId: story.id, baseVersion: 2, fields: fields("记者的新稿", "记者的文字") },
      at(3000),
    );
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.conflict).toMatchObject({ version: 3, headline: "编辑改过" });
    const row = db().select().from(stories).where(eq(stories.id, story.id)).get();
    expect(row).toMatchObject({
      version: 3,
      headline: "编辑改过",
      bodyText: "编辑的文字",
      charCount: 5,
    });
  });

  it("refuses bodies that are not documents of the schema and strips unsafe content", async () => {
    const { reporter } = await people();
    const story = createStory(reporter, { headline: "", kind: "news" }, t0);
    const bad = {
      ...fields("x", "y"),
      body: {
        type: "doc",
        content: [{ type: "bulletList", content: [{ type: "text", text: "裸文本" }] }],
      },
    };
    expect(() =>
      saveStory(reporter, { storyId: story.id, baseVersion: 1, fields: bad }, t0),
    ).toThrow(expect.objectContaining({ code: "invalid_input", messageKey: "body_invalid" }));
    const unsafe = {
      ...fields("x", "y"),
      body: {
        type: "doc",
        content: [
          { type: "script", content: [{ type: "text", text: "alert(1)" }] },
          {
            type: "paragraph",
            attrs: { onclick: "x" },
            content: [
              {
                type: "text",
                text: "点我",
                marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
              },
            ],
          },
        ],
      },
    };
    expect(saveStory(reporter, { storyId: story.id, baseVersion: 1, fields: unsafe }, t0).ok).toBe(
      true,
    );
    const stored = JSON.stringify(
      db().select().from(stories).where(eq(stories.id, story.id)).get()?.body,
    );
    expect(stored).not.toContain("script");
    expect(stored).not.toContain("javascript");
    expect(stored).not.toContain("onclick");
    expect(stored).toContain("点我");
  });

  it("a reporter cannot open or save another reporter's story, nor their own once submitted", async () => {
    const { reporter, other } = await people();
    const story = createStory(reporter, { headline: "我的稿", kind: "news" }, t0);
    expect(() => getDeskStory(other, story.id)).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(() =>
      saveStory(other, { storyId: story.id, baseVersion: 1, fields: fields("抢", "抢") }, t0),
    ).toThrow(expect.objectContaining({ code: "not_found" }));
    transitionStory(reporter, { storyId: story.id, action: "submit" }, at(1000));
    expect(() =>
      saveStory(
        reporter,
        { storyId: story.id, baseVersion: 2, fields: fields("改", "改") },
        at(2000),
      ),
    ).toThrow(expect.objectContaining({ code: "forbidden", messageKey: "story_locked" }));
    expect(db().select().from(stories).where(eq(stories.id, story.id)).get()?.headline).toBe(
      "我的稿",
    );
  });

  it("autosaves fold into one revision per few minutes; workflow steps always make one", async () => {
    const { reporter } = await people();
    const story = createStory(reporter, { headline: "", kind: "news" }, t0);
    let version = 1;
    for (let i = 1; i <= 5; i += 1) {
      const r = saveStory(
        reporter,
        { storyId: story.id, baseVersion: version, fields: fields("稿", `第${i}次`) },
        at(i * 10_000),
      );
      if (r.ok) version = r.version;
    }
    const later = saveStory(
      reporter,
      { storyId: story.id, baseVersion: version, fields: fields("稿", "很久以后") },
      at(REVISION_WINDOW_MS + 20_000),
    );
    if (later.ok) version = later.version;
    transitionStory(
      reporter,
      { storyId: story.id, action: "submit" },
      at(REVISION_WINDOW_MS + 30_000),
    );
    const reasons = listRevisions(reporter, story.id).map((r) => r.reason);
    expect(reasons).toEqual(["submit", "autosave", "autosave", "create"]);
    const folded = db()
      .select()
      .from(storyRevisions)
      .where(eq(storyRevisions.storyId, story.id))
      .all()[1];
    expect(folded?.bodyText).toBe("第5次");
  });

  it("submitting needs a headline, notifies editors, and is audited", async () => {
    const { reporter, editor } = await people();
    const story = createStory(reporter, { headline: "", kind: "news" }, t0);
    expect(() => transitionStory(reporter, { storyId: story.id, action: "submit" }, t0)).toThrow(
      expect.objectContaining({ messageKey: "headline_required" }),
    );
    saveStory(
      reporter,
      { storyId: story.id, baseVersion: 1, fields: fields("有标题了", "正文") },
      t0,
    );
    const submitted = transitionStory(
      reporter,
      { storyId: story.id, action: "submit", expectedStatus: "draft" },
      at(1000),
    );
    expect(submitted.status).toBe("submitted");
    expect(
      db().select().from(notifications).where(eq(notifications.userId, editor.id)).all(),
    ).toHaveLength(1);
    const audit = db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "story.submit"))
      .get();
    expect(audit).toMatchObject({ actorId: reporter.id, fromState: "draft", toState: "submitted" });
  });

  it("a return needs a note, which the reporter then sees as the latest editor's note", async () => {
    const { reporter, editor } = await people();
    const story = createStory(reporter, { headline: "待审", kind: "news" }, t0);
    transitionStory(reporter, { storyId: story.id, action: "submit" }, t0);
    expect(() => transitionStory(editor, { storyId: story.id, action: "return" }, at(1))).toThrow(
      expect.objectContaining({ messageKey: "note_required" }),
    );
    transitionStory(
      editor,
      { storyId: story.id, action: "return", note: "导语太长，请压缩。" },
      at(2),
    );
    expect(listMyStories(reporter)[0]).toMatchObject({
      status: "returned",
      latestComment: "导语太长，请压缩。",
    });
    expect(
      db().select().from(notifications).where(eq(notifications.userId, reporter.id)).get(),
    ).toMatchObject({
      kind: "return",
      note: "导语太长，请压缩。",
    });
  });

  it("a step on a story that moved meanwhile is a conflict, not a silent overwrite", async () => {
    const { reporter, editor } = await people();
    const story = createStory(reporter, { headline: "稿", kind: "news" }, t0);
    transitionStory(reporter, { storyId: story.id, action: "submit" }, t0);
    transitionStory(
      editor,
      { storyId: story.id, action: "return", note: "改", expectedStatus: "submitted" },
      at(1),
    );
    expect(() =>
      transitionStory(
        editor,
        { storyId: story.id, action: "pass", expectedStatus: "submitted" },
        at(2),
      ),
    ).toThrow(expect.objectContaining({ code: "conflict", messageKey: "status_changed" }));
    expect(() => transitionStory(reporter, { storyId: story.id, action: "pass" }, at(3))).toThrow(
      AppError,
    );
    expect(db().select().from(stories).where(eq(stories.id, story.id)).get()?.status).toBe(
      "returned",
    );
  });

  it("restoring a revision makes a new revision and keeps the one it replaced", async () => {
    const { reporter } = await people();
    const story = createStory(reporter, { headline: "", kind: "news" }, t0);
    saveStory(
      reporter,
      { storyId: story.id, baseVersion: 1, fields: fields("第一版", "甲") },
      at(1),
    );
    saveStory(
      reporter,
      { storyId: story.id, baseVersion: 2, fields: fields("第二版", "乙") },
      at(REVISION_WINDOW_MS + 10),
    );
    const revisions = listRevisions(reporter, story.id);
    const firstEdit = revisions.find((r) => r.version === 2);
    if (!firstEdit) throw new Error("missing revision");
    expect(
      restoreRevision(
        reporter,
        { storyId: story.id, revisionId: firstEdit.id, baseVersion: 2 },
        at(REVISION_WINDOW_MS + 20),
      ).ok,
    ).toBe(false);
    const restored = restoreRevision(
      reporter,
      { storyId: story.id, revisionId: firstEdit.id, baseVersion: 3 },
      at(REVISION_WINDOW_MS + 30),
    );
    expect(restored).toMatchObject({ ok: true, version: 4 });
    expect(db().select().from(stories).where(eq(stories.id, story.id)).get()).toMatchObject({
      headline: "第一版",
      bodyText: "甲",
    });
    expect(listRevisions(reporter, story.id).map((r) => r.reason)).toEqual([
      "restore",
      "autosave",
      "autosave",
      "create",
    ]);
  });
});

describe("overwriting after a conflict", () => {
  it("keeps the replaced text as its own revision", async () => {
    const { reporter } = await people();
    const story = createStory(reporter, { headline: "", kind: "news" }, t0);
    saveStory(
      reporter,
      { storyId: story.id, baseVersion: 1, fields: fields("稿", "第一个窗口") },
      at(1000),
    );
    const stale = saveStory(
      reporter,
      { storyId: story.id, baseVersion: 1, fields: fields("稿", "第二个窗口") },
      at(2000),
    );
    expect(stale.ok).toBe(false);
    const overwritten = saveStory(
      reporter,
      { storyId: story.id, baseVersion: 2, fields: fields("稿", "第二个窗口"), overwrite: true },
      at(3000),
    );
    expect(overwritten).toMatchObject({ ok: true, version: 3 });
    const texts = db()
      .select({ text: storyRevisions.bodyText })
      .from(storyRevisions)
      .where(eq(storyRevisions.storyId, story.id))
      .all();
    expect(texts.map((r) => r.text)).toEqual(["", "第一个窗口", "第二个窗口"]);
  });
});

describe("a story's photos", () => {
  it("follow the body's photo blocks in order, skipping ids of photos that do not exist", async () => {
    const { storePhoto } = await import("@/lib/media");
    const sharp = (await import("sharp")).default;
    const { reporter } = await people();
    const png = async (color: string) =>
      new Uint8Array(
        await sharp({ create: { width: 400, height: 300, channels: 3, background: color } })
          .png()
          .toBuffer(),
      );
    const first = await storePhoto(
      reporter,
      { bytes: await png("#ff0000"), filename: "a.png", caption: "甲" },
      t0,
    );
    const second = await storePhoto(
      reporter,
      { bytes: await png("#00ff00"), filename: "b.png", caption: "乙" },
      t0,
    );
    const story = createStory(reporter, { headline: "图片新闻", kind: "photo" }, t0);
    const photo = (id: number) => ({
      type: "photo",
      attrs: { mediaId: id, width: 400, height: 300 },
    });
    const body = {
      type: "doc",
      content: [
        photo(second.id),
        photo(first.id),
        photo(999_999),
        { type: "paragraph", content: [{ type: "text", text: "说明" }] },
      ],
    };
    const saved = saveStory(
      reporter,
      {
        storyId: story.id,
        baseVersion: 1,
        fields: { ...fields("图片新闻", ""), kind: "photo", body },
      },
      t0,
    );
    expect(saved.ok).toBe(true);
    const rows = db().select().from(storyPhotos).where(eq(storyPhotos.storyId, story.id)).all();
    expect(rows.sort((a, b) => a.position - b.position).map((r) => r.mediaId)).toEqual([
      second.id,
      first.id,
    ]);
    saveStory(
      reporter,
      { storyId: story.id, baseVersion: 2, fields: fields("图片新闻", "不要图片了") },
      t0,
    );
    expect(db().select().from(storyPhotos).where(eq(storyPhotos.storyId, story.id)).all()).toEqual(
      [],
    );
  });
});
