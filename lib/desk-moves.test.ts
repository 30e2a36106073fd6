import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import {
  auditEvents,
  issues,
  notifications,
  pages,
  settings,
  stories,
  storyReviewPasses,
} from "@/db/schema";
import { passAllLevels } from "@/db/testing/review";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { createDesk, setDeskMember } from "@/lib/desks";
import { addPage, createIssue, getIssueLayout, placeStory, updatePage } from "@/lib/issues";
import type { Role } from "@/lib/permissions";
import { signOffPage } from "@/lib/sign-off";
import { createStory, transitionStory } from "@/lib/stories";
import { getStoryDeskChoice, moveStoryDesk } from "@/lib/story-desk";
import type { DeskRoleName } from "@/lib/workflow/levels";

withTempDatabase();
const t0 = new Date("2026-07-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

async function person(role: Role, displayName: string) {
  return { ...(await insertUser(role, { displayName })), displayName };
}

async function newsroom() {
  const admin = await person("admin", "管理员");
  const politics = createDesk(admin, { name: "要闻部" }, t0).id;
  const economy = createDesk(admin, { name: "经济部" }, t0).id;
  const join = (userId: number, deskId: number, role: DeskRoleName) =>
    setDeskMember(admin, { deskId, userId, role }, t0);
  const people = {
    admin,
    reporter: await person("reporter", "记者"),
    // In no desk: passAllLevels takes such a story through the paper's editors.
    loner: await person("reporter", "特约记者"),
    editor: await person("editor", "要闻编辑"),
    economyEditor: await person("editor", "经济编辑"),
    economyHead: await person("desk_head", "经济主任"),
    chief: await person("chief_editor", "值班总编"),
  };
  join(people.reporter.id, politics, "reporter");
  join(people.editor.id, politics, "editor");
  join(people.economyEditor.id, economy, "editor");
  join(people.economyHead.id, economy, "desk_head");
  return { ...people, politics, economy };
}

const issueVersion = (id: number) =>
  db().select().from(issues).where(eq(issues.id, id)).get()?.version ?? 0;
const pageRow = (id: number) => db().select().from(pages).where(eq(pages.id, id)).get();
const storyRow = (id: number) => db().select().from(stories).where(eq(stories.id, id)).get();
const auditOf = (action: string) =>
  db().select().from(auditEvents).where(eq(auditEvents.action, action)).all();
const noticesOf = (userId: number) =>
  db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "desk_moved")))
    .all();

describe("a page's desk", () => {
  it("is set when the page is added and changed when it is edited; the issue's version moves", async () => {
    const { editor, politics, economy } = await newsroom();
    const { id: issueId } = createIssue(editor, { date: "2026-07-02" }, t0);
    const before = issueVersion(issueId);
    const page = addPage(
      editor,
      { issueId, name: "经济", banner: null, editorId: null, deskId: economy },
      at(1),
    );
    expect(pageRow(page.id)?.deskId).toBe(economy);
    expect(issueVersion(issueId)).toBe(before + 1);
    expect(auditOf("page.add").at(-1)?.detail).toMatchObject({ deskId: economy });

    updatePage(
      editor,
      { pageId: page.id, name: "要闻", banner: null, editorId: null, deskId: politics },
      at(2),
    );
    expect(pageRow(page.id)).toMatchObject({ name: "要闻", deskId: politics });
    expect(issueVersion(issueId)).toBe(before + 2);
    expect(auditOf("page.update").at(-1)).toMatchObject({
      actorId: editor.id,
      subjectId: String(page.id),
      fromState: String(economy),
      toState: String(politics),
    });
    // Left out, the desk stays; null takes it away.
    updatePage(editor, { pageId: page.id, name: "要闻", banner: "通栏", editorId: null }, at(3));
    expect(pageRow(page.id)?.deskId).toBe(politics);
    updatePage(
      editor,
      { pageId: page.id, name: "要闻", banner: null, editorId: null, deskId: null },
      at(4),
    );
    expect(pageRow(page.id)?.deskId).toBeNull();
    expect(getIssueLayout(editor, issueId).pages[0]?.deskId).toBeNull();
  });

  it("refuses a reporter, an unknown desk and a signed-off page, changing nothing", async () => {
    const { editor, reporter, loner, chief, economy } = await newsroom();
    db().insert(settings).values({ id: 1, paperName: "报", proofRounds: 0 }).run();
    const { id: issueId } = createIssue(editor, { date: "2026-07-02" }, t0);
    const page = addPage(editor, { issueId, name: "要闻", banner: null, editorId: null }, t0);
    const fields = { pageId: page.id, name: "要闻", banner: null, editorId: null };
    const unchanged = () => {
      expect(pageRow(page.id)?.deskId).toBeNull();
      expect(issueVersion(issueId)).toBe(version);
      expect(auditOf("page.update")).toHaveLength(0);
    };
    let version = issueVersion(issueId);
    expect(() => updatePage(reporter, { ...fields, deskId: economy }, at(1))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() =>
      addPage(reporter, { issueId, name: "经济", banner: null, editorId: null }, at(1)),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => updatePage(editor, { ...fields, deskId: 9999 }, at(1))).toThrow(
      expect.objectContaining({ messageKey: "desk_invalid" }),
    );
    unchanged();

    const story = createStory(loner, { headline: "头条", kind: "news" }, t0);
    transitionStory(loner, { storyId: story.id, action: "submit" }, t0);
    await passAllLevels(story.id, t0);
    placeStory(editor, { pageId: page.id, storyId: story.id, slot: "lead" }, t0);
    signOffPage(chief, { pageId: page.id }, at(2));
    version = issueVersion(issueId);
    expect(() => updatePage(editor, { ...fields, deskId: economy }, at(3))).toThrow(
      expect.objectContaining({ code: "conflict", messageKey: "page_signed_off" }),
    );
    unchanged();
  });
});

describe("a story's desk after creation", () => {
  it("an editor of the target desk moves a story in review there; its passes stay and that desk's passers are told", async () => {
    const { reporter, editor, economyEditor, economyHead, politics, economy } = await newsroom();
    const story = createStory(reporter, { headline: "物价平稳", kind: "news" }, t0);
    expect(storyRow(story.id)?.deskId).toBe(politics);
    transitionStory(reporter, { storyId: story.id, action: "submit" }, at(1));
    // 初审 passed on 要闻部: it waits at 复审.
    transitionStory(editor, { storyId: story.id, action: "pass" }, at(2));
    const before = storyRow(story.id);
    expect(before).toMatchObject({ status: "submitted", reviewLevel: 2 });

    const moved = moveStoryDesk(
      economyEditor,
      { storyId: story.id, deskId: economy, expectedVersion: before?.version ?? 0 },
      at(3),
    );
    const after = storyRow(story.id);
    expect(after).toMatchObject({
      deskId: economy,
      status: "submitted",
      reviewLevel: 2,
      version: (before?.version ?? 0) + 1,
    });
    expect(moved.version).toBe(after?.version);
    expect(auditOf("story.desk")).toEqual([
      expect.objectContaining({
        actorId: economyEditor.id,
        subjectId: String(story.id),
        fromState: String(politics),
        toState: String(economy),
      }),
    ]);
    const passes = db()
      .select()
      .from(storyReviewPasses)
      .where(eq(storyReviewPasses.storyId, story.id))
      .all();
    expect(passes.map((p) => [p.level, p.userId])).toEqual([[1, editor.id]]);
    // 复审 is the desk head's: the new desk's head is told, not the mover.
    expect(noticesOf(economyHead.id)).toHaveLength(1);
    expect(noticesOf(economyEditor.id)).toHaveLength(0);
    // And the new desk's head passes the level it waits at.
    transitionStory(economyHead, { storyId: story.id, action: "pass" }, at(4));
    expect(storyRow(story.id)?.reviewLevel).toBe(3);
  });

  it("refuses an editor of another desk, a reporter, a stale version and a placed story, changing nothing", async () => {
    const { reporter, loner, editor, economyEditor, chief, politics, economy } = await newsroom();
    const draft = createStory(reporter, { headline: "草稿", kind: "news" }, t0);
    const version = storyRow(draft.id)?.version ?? 0;
    const unchanged = (id: number, deskId: number) => {
      expect(storyRow(id)).toMatchObject({ deskId });
      expect(auditOf("story.desk")).toHaveLength(0);
      expect(
        db().select().from(notifications).where(eq(notifications.kind, "desk_moved")).all(),
      ).toHaveLength(0);
    };
    // 要闻部's editor is no editor of 经济部.
    expect(() =>
      moveStoryDesk(editor, { storyId: draft.id, deskId: economy, expectedVersion: version }, t0),
    ).toThrow(expect.objectContaining({ code: "forbidden", messageKey: "not_desk_editor" }));
    expect(() =>
      moveStoryDesk(reporter, { storyId: draft.id, deskId: economy, expectedVersion: version }, t0),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() =>
      moveStoryDesk(
        economyEditor,
        { storyId: draft.id, deskId: economy, expectedVersion: version - 1 },
        t0,
      ),
    ).toThrow(expect.objectContaining({ code: "conflict", messageKey: "save_conflict" }));
    expect(() =>
      moveStoryDesk(chief, { storyId: draft.id, deskId: politics, expectedVersion: version }, t0),
    ).toThrow(expect.objectContaining({ messageKey: "story_desk_same" }));
    unchanged(draft.id, politics);
    expect(getStoryDeskChoice(editor, draft.id).targets).toEqual([]);
    expect(getStoryDeskChoice(economyEditor, draft.id).targets.map((d) => d.id)).toEqual([economy]);

    const placed = createStory(loner, { headline: "已上版", kind: "news" }, t0);
    transitionStory(loner, { storyId: placed.id, action: "submit" }, t0);
    await passAllLevels(placed.id, t0);
    const { id: issueId } = createIssue(editor, { date: "2026-07-02" }, t0);
    const page = addPage(editor, { issueId, name: "要闻", banner: null, editorId: null }, t0);
    placeStory(editor, { pageId: page.id, storyId: placed.id, slot: "lead" }, t0);
    const placedVersion = storyRow(placed.id)?.version ?? 0;
    expect(() =>
      moveStoryDesk(
        chief,
        { storyId: placed.id, deskId: economy, expectedVersion: placedVersion },
        t0,
      ),
    ).toThrow(expect.objectContaining({ code: "conflict", messageKey: "story_desk_locked" }));
    expect(() =>
      moveStoryDesk(
        chief,
        { storyId: placed.id, deskId: politics, expectedVersion: placedVersion },
        t0,
      ),
    ).toThrow(expect.objectContaining({ code: "conflict", messageKey: "story_desk_locked" }));
    expect(storyRow(placed.id)?.deskId).toBeNull();
    expect(auditOf("story.desk")).toHaveLength(0);
    expect(getStoryDeskChoice(chief, placed.id).targets).toEqual([]);

    // A chief editor moves a story to any desk, a draft too (nobody is told: it is in no queue).
    moveStoryDesk(chief, { storyId: draft.id, deskId: economy, expectedVersion: version }, t0);
    expect(storyRow(draft.id)?.deskId).toBe(economy);
    expect(noticesOf(economyEditor.id)).toHaveLength(0);
  });
});
