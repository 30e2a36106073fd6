import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, notifications, stories, storyReviewPasses } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { createDesk, setDeskMember } from "@/lib/desks";
import type { Role } from "@/lib/permissions";
import { listReviewQueue } from "@/lib/review";
import { updateSettings } from "@/lib/settings";
import { createStory, transitionStory } from "@/lib/stories";

withTempDatabase();
const t0 = new Date("2026-06-01T01:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function person(role: Role, name: string) {
  return { ...(await insertUser(role, { displayName: name })), displayName: name };
}

/** 要闻部 with a reporter, two desk editors and a desk head; a chief; an editor of 经济部. */
async function newsroom() {
  const admin = await person("admin", "管理员");
  const reporter = await person("reporter", "记者");
  const editor = await person("editor", "编辑甲");
  const editor2 = await person("editor", "编辑乙");
  const head = await person("desk_head", "主任");
  const chief = await person("chief_editor", "总编");
  const outsider = await person("editor", "经济部编辑");
  const news = createDesk(admin, { name: "要闻部" }, t0).id;
  const economy = createDesk(admin, { name: "经济部" }, t0).id;
  setDeskMember(admin, { deskId: news, userId: reporter.id, role: "reporter" }, t0);
  setDeskMember(admin, { deskId: news, userId: editor.id, role: "editor" }, t0);
  setDeskMember(admin, { deskId: news, userId: editor2.id, role: "editor" }, t0);
  setDeskMember(admin, { deskId: news, userId: head.id, role: "desk_head" }, t0);
  setDeskMember(admin, { deskId: economy, userId: outsider.id, role: "editor" }, t0);
  return { admin, reporter, editor, editor2, head, chief, outsider, news, economy };
}

function row(id: number) {
  return db().select().from(stories).where(eq(stories.id, id)).get();
}

function inbox(userId: number) {
  return db()
    .select({ kind: notifications.kind, storyId: notifications.storyId })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.id))
    .all();
}

describe("三审 through the engine, against a real database", () => {
  it("a story on a desk passes three levels by three people, each pass recorded and the next holder told", async () => {
    const n = await newsroom();
    const story = createStory(n.reporter, { headline: "职工运动会开幕", kind: "news" }, t0);
    expect(row(story.id)?.deskId).toBe(n.news);
    transitionStory(n.reporter, { storyId: story.id, action: "submit" }, at(1));
    expect(row(story.id)).toMatchObject({ status: "submitted", reviewLevel: 1, reviewRound: 1 });
    // 初审 holders: the desk's editors and head, not the other desk's editor nor the chief.
    expect(inbox(n.editor.id)).toEqual([{ kind: "submitted", storyId: story.id }]);
    expect(inbox(n.head.id)).toEqual([{ kind: "submitted", storyId: story.id }]);
    expect(inbox(n.outsider.id)).toEqual([]);
    expect(inbox(n.chief.id)).toEqual([]);
    expect(listReviewQueue(n.outsider).items).toEqual([]);
    expect(listReviewQueue(n.editor, { waitingForMe: true }).items.map((s) => s.id)).toEqual([
      story.id,
    ]);

    const v1 = row(story.id)?.version ?? 0;
    transitionStory(n.editor, { storyId: story.id, action: "pass" }, at(2));
    expect(row(story.id)).toMatchObject({ status: "submitted", reviewLevel: 2 });
    expect(inbox(n.head.id).at(-1)).toEqual({ kind: "waiting", storyId: story.id });
    // The editor who passed 初审 no longer has it waiting; the other editor cannot pass 复审.
    expect(listReviewQueue(n.editor, { waitingForMe: true }).items).toEqual([]);
    expect(() => transitionStory(n.editor2, { storyId: story.id, action: "pass" }, at(3))).toThrow(
      expect.objectContaining({ code: "forbidden", messageKey: "wrong_level" }),
    );
    transitionStory(n.head, { storyId: story.id, action: "pass" }, at(4));
    expect(inbox(n.chief.id)).toEqual([{ kind: "waiting", storyId: story.id }]);
    transitionStory(n.chief, { storyId: story.id, action: "pass" }, at(5));
    expect(row(story.id)).toMatchObject({ status: "approved", reviewLevel: null });
    expect(inbox(n.reporter.id).at(-1)).toEqual({ kind: "approve", storyId: story.id });

    const passes = db()
      .select()
      .from(storyReviewPasses)
      .where(eq(storyReviewPasses.storyId, story.id))
      .orderBy(asc(storyReviewPasses.level))
      .all();
    expect(passes.map((p) => [p.level, p.userId, p.round])).toEqual([
      [1, n.editor.id, 1],
      [2, n.head.id, 1],
      [3, n.chief.id, 1],
    ]);
    expect(passes[0]?.version).toBe(v1);
    expect(passes[0]?.createdAt).toEqual(at(2));
    const audit = db()
      .select({
        action: auditEvents.action,
        detail: auditEvents.detail,
        actorId: auditEvents.actorId,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "story"), eq(auditEvents.action, "story.pass")))
      .all();
    expect(audit.map((a) => [a.actorId, a.detail?.level])).toEqual([
      [n.editor.id, 1],
      [n.head.id, 2],
      [n.chief.id, 3],
    ]);
  });

  it("one person may not pass two levels unless the paper allows it", async () => {
    const n = await newsroom();
    const story = createStory(n.reporter, { headline: "同一人", kind: "news" }, t0);
    transitionStory(n.reporter, { storyId: story.id, action: "submit" }, at(1));
    transitionStory(n.head, { storyId: story.id, action: "pass" }, at(2));
    const before = row(story.id);
    expect(() => transitionStory(n.head, { storyId: story.id, action: "pass" }, at(3))).toThrow(
      expect.objectContaining({ messageKey: "same_person" }),
    );
    expect(row(story.id)).toEqual(before);
    updateSettings(
      n.admin,
      {
        paperName: "职工时报",
        timezone: "Asia/Shanghai",
        defaultLocale: "zh-CN",
        reviewLevels: [
          { passer: "desk_editor" },
          { passer: "desk_head" },
          { passer: "chief_editor" },
        ],
        allowSamePasser: true,
        proofRounds: 3,
      },
      at(4),
    );
    transitionStory(n.head, { storyId: story.id, action: "pass" }, at(5));
    expect(row(story.id)?.reviewLevel).toBe(3);
  });

  it("a change of the levels applies to stories entering review afterwards", async () => {
    const n = await newsroom();
    const inReview = createStory(n.reporter, { headline: "三级", kind: "news" }, t0);
    transitionStory(n.reporter, { storyId: inReview.id, action: "submit" }, at(1));
    const settings = {
      paperName: "职工时报",
      timezone: "Asia/Shanghai",
      defaultLocale: "zh-CN" as const,
      reviewLevels: [{ passer: "desk_editor" as const }],
      allowSamePasser: false,
      proofRounds: 3,
    };
    expect(() => updateSettings(n.chief, settings, at(2))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    updateSettings(n.admin, settings, at(2));
    const later = createStory(n.reporter, { headline: "一级", kind: "news" }, t0);
    transitionStory(n.reporter, { storyId: later.id, action: "submit" }, at(3));
    transitionStory(n.editor, { storyId: later.id, action: "pass" }, at(4));
    transitionStory(n.editor, { storyId: inReview.id, action: "pass" }, at(4));
    expect(row(later.id)?.status).toBe("approved");
    expect(row(inReview.id)).toMatchObject({ status: "submitted", reviewLevel: 2 });
  });

  it("return from any level goes back to the reporter with a note, and a new round starts afresh", async () => {
    const n = await newsroom();
    const story = createStory(n.reporter, { headline: "退回", kind: "news" }, t0);
    transitionStory(n.reporter, { storyId: story.id, action: "submit" }, at(1));
    transitionStory(n.editor, { storyId: story.id, action: "pass" }, at(2));
    transitionStory(n.head, { storyId: story.id, action: "return", note: "补充数据" }, at(3));
    expect(row(story.id)).toMatchObject({ status: "returned", reviewLevel: null });
    expect(inbox(n.reporter.id).at(-1)).toEqual({ kind: "return", storyId: story.id });
    transitionStory(n.reporter, { storyId: story.id, action: "submit" }, at(4));
    expect(row(story.id)).toMatchObject({ reviewLevel: 1, reviewRound: 2 });
    // The first round's pass does not count: the same editor may pass 初审 again.
    transitionStory(n.editor, { storyId: story.id, action: "pass" }, at(5));
    expect(row(story.id)?.reviewLevel).toBe(2);
  });

  it("a story takes the desk its writer chose among their own, else their first", async () => {
    const n = await newsroom();
    setDeskMember(n.admin, { deskId: n.economy, userId: n.reporter.id, role: "reporter" }, t0);
    const chosen = createStory(
      n.reporter,
      { headline: "经济稿", kind: "news", deskId: n.economy },
      t0,
    );
    expect(row(chosen.id)?.deskId).toBe(n.economy);
    const foreign = await person("reporter", "别人");
    const fallback = createStory(foreign, { headline: "无部门", kind: "news", deskId: n.news }, t0);
    expect(row(fallback.id)?.deskId).toBeNull();
    const home = createStory(n.reporter, { headline: "要闻稿", kind: "news", deskId: 9999 }, t0);
    expect(row(home.id)?.deskId).toBe(n.news);
  });

  it("only admins manage desks", async () => {
    const n = await newsroom();
    expect(() => createDesk(n.chief, { name: "摄影部" }, t0)).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() => createDesk(n.admin, { name: "要闻部" }, t0)).toThrow(
      expect.objectContaining({ messageKey: "desk_exists" }),
    );
    expect(() =>
      setDeskMember(n.editor, { deskId: n.news, userId: n.editor.id, role: "desk_head" }, t0),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});
