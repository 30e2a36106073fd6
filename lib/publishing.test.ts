import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, issues, stories, storyCorrections, storyRevisions } from "@/db/schema";
import { passAllLevels } from "@/db/testing/review";
import { signOffIssueForTest } from "@/db/testing/sign-off";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import {
  addPage,
  arrangePage,
  createIssue,
  listIssues,
  placeStory,
  previewPage,
  removePage,
  reorderPages,
  suggestIssueNumber,
} from "@/lib/issues";
import { getPageView, getStoryView } from "@/lib/paper";
import {
  cancelSchedule,
  correctStory,
  publishDueIssues,
  publishIssueNow,
  scheduleIssue,
  unpublishIssue,
} from "@/lib/publishing";
import { createStory, transitionStory } from "@/lib/stories";

withTempDatabase();
const t0 = new Date("2026-05-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

async function newsroom() {
  const reporter = { ...(await insertUser("reporter")), displayName: "记者甲" };
  // The duty/chief editor both lays out (issue:plan) and publishes (issue:publish).
  const editor = { ...(await insertUser("chief_editor")), displayName: "编辑乙" };
  return { reporter, editor };
}

async function approvedStory(headline: string) {
  const { reporter, editor } = await newsroom();
  const story = createStory(reporter, { headline, kind: "news" }, t0);
  transitionStory(reporter, { storyId: story.id, action: "submit" }, t0);
  await passAllLevels(story.id, t0);
  return { reporter, editor, storyId: story.id };
}

async function laidOutIssue(date: string) {
  const setup = await approvedStory(`稿件 ${date}`);
  const { id: issueId } = createIssue(setup.editor, { date }, t0);
  const page = addPage(setup.editor, { issueId, name: "要闻", banner: null, editorId: null }, t0);
  placeStory(setup.editor, { pageId: page.id, storyId: setup.storyId, slot: "lead" }, t0);
  await signOffIssueForTest(issueId, t0);
  return { ...setup, issueId };
}

describe("issues and layout", () => {
  it("numbers a new issue after the previous one, refuses a second issue on a date, and only editors plan", async () => {
    const { reporter, editor } = await newsroom();
    createIssue(editor, { date: "2026-05-01", number: 41 }, t0);
    expect(suggestIssueNumber("2026-05-02")).toBe(42);
    const { id } = createIssue(editor, { date: "2026-05-02" }, t0);
    expect(db().select().from(issues).where(eq(issues.id, id)).get()?.number).toBe(42);
    expect(() => createIssue(editor, { date: "2026-05-02" }, t0)).toThrow(
      expect.objectContaining({ messageKey: "issue_exists" }),
    );
    expect(() => createIssue(editor, { date: "2026-02-30" }, t0)).toThrow(
      expect.objectContaining({ messageKey: "date_invalid" }),
    );
    expect(() => createIssue(reporter, { date: "2026-05-03" }, t0)).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
  });

  it("places only approved stories, once, and orders and renumbers pages", async () => {
    const { editor, storyId, reporter } = await approvedStory("头条");
    const draft = createStory(reporter, { headline: "草稿", kind: "news" }, t0);
    const { id: issueId } = createIssue(editor, { date: "2026-05-04" }, t0);
    const p1 = addPage(editor, { issueId, name: "要闻", banner: null, editorId: editor.id }, t0);
    const p2 = addPage(editor, { issueId, name: "综合新闻", banner: null, editorId: null }, t0);
    expect(() =>
      placeStory(editor, { pageId: p1.id, storyId: draft.id, slot: "main" }, t0),
    ).toThrow(expect.objectContaining({ messageKey: "story_not_approved" }));
    placeStory(editor, { pageId: p1.id, storyId, slot: "lead" }, t0);
    expect(() => placeStory(editor, { pageId: p2.id, storyId, slot: "main" }, t0)).toThrow(
      expect.objectContaining({ messageKey: "story_already_placed" }),
    );
    expect(() => placeStory(reporter, { pageId: p2.id, storyId, slot: "main" }, t0)).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    reorderPages(editor, { issueId, pageIds: [p2.id, p1.id] }, t0);
    expect(() => reorderPages(editor, { issueId, pageIds: [p2.id] }, t0)).toThrow(
      expect.objectContaining({ messageKey: "layout_changed" }),
    );
    expect(() => arrangePage(editor, { pageId: p1.id, items: [] }, t0)).toThrow(
      expect.objectContaining({ messageKey: "layout_changed" }),
    );
    removePage(editor, { pageId: p2.id }, t0);
    const actions = db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "issue.create",
        "page.add",
        "placement.add",
        "page.reorder",
        "page.remove",
      ]),
    );
  });
});

describe("publishing", () => {
  it("publishes now: the issue and its stories go live together, and readers can read them", async () => {
    const { editor, reporter, issueId, storyId } = await laidOutIssue("2026-05-05");
    expect(getStoryView(storyId, t0)).toBeNull();
    expect(() => publishIssueNow(reporter, { issueId }, at(1))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    publishIssueNow(editor, { issueId }, at(1));
    expect(db().select().from(stories).where(eq(stories.id, storyId)).get()?.status).toBe(
      "published",
    );
    expect(getPageView("2026-05-05", 1, t0)?.stories.map((s) => s.id)).toEqual([storyId]);
    expect(getStoryView(storyId, t0)?.headline).toBe("稿件 2026-05-05");
    expect(() => publishIssueNow(editor, { issueId }, at(2))).toThrow(
      expect.objectContaining({ messageKey: "issue_published" }),
    );
  });

  it("a scheduled issue is published by the clock once, at or after its time, never before", async () => {
    const { editor, issueId, storyId } = await laidOutIssue("2026-05-06");
    expect(() => scheduleIssue(editor, { issueId, publishAt: at(-1) }, t0)).toThrow(
      expect.objectContaining({ messageKey: "schedule_in_past" }),
    );
    scheduleIssue(editor, { issueId, publishAt: at(60_000) }, t0);
    expect(publishDueIssues(at(59_999))).toEqual([]);
    expect(getStoryView(storyId, t0)).toBeNull();
    expect(publishDueIssues(at(60_000))).toEqual([issueId]);
    expect(publishDueIssues(at(90_000))).toEqual([]);
    const events = db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "issue.publish"))
      .all();
    expect(events).toHaveLength(1);
    expect(events[0]?.actorId).toBeNull();
    expect(
      db().select().from(storyRevisions).where(eq(storyRevisions.reason, "publish")).all(),
    ).toHaveLength(1);
  });

  it("a cancelled schedule is not published", async () => {
    const { editor, issueId } = await laidOutIssue("2026-05-07");
    scheduleIssue(editor, { issueId, publishAt: at(1000) }, t0);
    cancelSchedule(editor, { issueId }, at(10));
    expect(publishDueIssues(at(5000))).toEqual([]);
    expect(db().select().from(issues).where(eq(issues.id, issueId)).get()?.status).toBe("planned");
  });

  it("unpublishing needs a reason and withdraws every story from readers", async () => {
    const { editor, issueId, storyId } = await laidOutIssue("2026-05-08");
    publishIssueNow(editor, { issueId }, at(1));
    expect(() => unpublishIssue(editor, { issueId, reason: " " }, at(2))).toThrow(
      expect.objectContaining({ messageKey: "note_required" }),
    );
    unpublishIssue(editor, { issueId, reason: "数据有误" }, at(3));
    expect(db().select().from(stories).where(eq(stories.id, storyId)).get()?.status).toBe(
      "withdrawn",
    );
    // Taking down writes the story's revision and audit row, like every other step.
    const kept = db()
      .select({ reason: storyRevisions.reason, authorId: storyRevisions.authorId })
      .from(storyRevisions)
      .where(eq(storyRevisions.storyId, storyId))
      .all();
    expect(kept.at(-1)).toEqual({ reason: "unpublish", authorId: editor.id });
    const audit = db()
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "story"), eq(auditEvents.subjectId, String(storyId))))
      .all();
    expect(audit.at(-1)).toMatchObject({
      action: "story.unpublish",
      detail: { note: "数据有误", issueId },
    });
    expect(getStoryView(storyId, t0)).toBeNull();
    expect(getPageView("2026-05-08", 1, t0)).toBeNull();
  });

  it("a correction changes the published text, appends a public note and keeps the old text", async () => {
    const { editor, reporter, issueId, storyId } = await laidOutIssue("2026-05-09");
    publishIssueNow(editor, { issueId }, at(1));
    const version = db().select().from(stories).where(eq(stories.id, storyId)).get()?.version ?? 0;
    const fields = {
      kind: "news" as const,
      kicker: null,
      headline: "稿件 2026-05-09（更正）",
      subheadline: null,
      byline: {
        dateline: "本报讯",
        agency: null,
        reporters: ["记者甲"],
        correspondents: [],
        photographers: [],
        credit: null,
      },
      body: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "更正后的正文" }] }],
      },
    };
    expect(() =>
      correctStory(reporter, { storyId, baseVersion: version, fields, note: "x" }, at(2)),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() =>
      correctStory(editor, { storyId, baseVersion: version - 1, fields, note: "更正" }, at(2)),
    ).toThrow(expect.objectContaining({ code: "conflict" }));
    correctStory(
      editor,
      { storyId, baseVersion: version, fields, note: "原稿人数有误，已更正。" },
      at(3),
    );
    const view = getStoryView(storyId, t0);
    expect(view?.headline).toBe("稿件 2026-05-09（更正）");
    expect(view?.corrections.map((c) => c.note)).toEqual(["原稿人数有误，已更正。"]);
    expect(db().select().from(storyCorrections).all()).toHaveLength(1);
    expect(
      db().select().from(storyRevisions).where(eq(storyRevisions.reason, "correct")).all(),
    ).toHaveLength(1);
  });
});

describe("the issues list", () => {
  it("counts each issue's pages and placed stories", async () => {
    const { editor, storyId } = await approvedStory("列表");
    const { id: issueId } = createIssue(editor, { date: "2026-06-01" }, t0);
    const page = addPage(editor, { issueId, name: "要闻", banner: null, editorId: null }, t0);
    addPage(editor, { issueId, name: "文体", banner: null, editorId: null }, t0);
    placeStory(editor, { pageId: page.id, storyId, slot: "lead" }, t0);
    createIssue(editor, { date: "2026-06-02" }, t0);
    expect(listIssues(editor).map((i) => [i.date, i.pageCount, i.storyCount])).toEqual([
      ["2026-06-02", 0, 0],
      ["2026-06-01", 2, 1],
    ]);
  });
});

describe("the layout preview", () => {
  it("shows a page's stories before the issue is published, in order and by slot", async () => {
    const { editor, storyId } = await approvedStory("预览头条");
    const second = await approvedStory("预览图片");
    const { id: issueId } = createIssue(editor, { date: "2026-06-10" }, t0);
    const page = addPage(editor, { issueId, name: "要闻", banner: "通栏", editorId: null }, t0);
    placeStory(editor, { pageId: page.id, storyId, slot: "lead" }, t0);
    placeStory(editor, { pageId: page.id, storyId: second.storyId, slot: "photo" }, t0);
    const preview = previewPage(editor, issueId, 1);
    expect(preview?.stories.map((s) => [s.headline, s.slot])).toEqual([
      ["预览头条", "lead"],
      ["预览图片", "photo"],
    ]);
    expect(getPageView("2026-06-10", 1, t0)).toBeNull();
    const { reporter } = await newsroom();
    expect(() => previewPage(reporter, issueId, 1)).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
  });
});

describe("publishing through the engine", () => {
  it("a plain editor lays out but neither publishes, schedules nor takes down", async () => {
    const { editor: chief, issueId } = await laidOutIssue("2026-05-20");
    const editor = { ...(await insertUser("editor")), displayName: "版面编辑" };
    const before = db().select().from(issues).where(eq(issues.id, issueId)).get();
    expect(() => publishIssueNow(editor, { issueId }, at(1))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() =>
      scheduleIssue(editor, { issueId, publishAt: new Date(at(0).getTime() + 3_600_000) }, at(1)),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
    publishIssueNow(chief, { issueId }, at(2));
    expect(() => unpublishIssue(editor, { issueId, reason: "撤" }, at(3))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(before?.status).toBe("planned");
  });

  it("republishing a taken-down issue brings its withdrawn stories back, each with a revision", async () => {
    const { editor, issueId, storyId } = await laidOutIssue("2026-05-21");
    publishIssueNow(editor, { issueId }, at(1));
    unpublishIssue(editor, { issueId, reason: "核实" }, at(2));
    publishIssueNow(editor, { issueId }, at(3));
    expect(db().select().from(stories).where(eq(stories.id, storyId)).get()?.status).toBe(
      "published",
    );
    const reasons = db()
      .select({ reason: storyRevisions.reason })
      .from(storyRevisions)
      .where(eq(storyRevisions.storyId, storyId))
      .all()
      .map((r) => r.reason);
    expect(reasons.slice(-3)).toEqual(["publish", "unpublish", "republish"]);
  });
});
