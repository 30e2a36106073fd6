import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, notifications, storyComments } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { addComment, getStoryComments, resolveComment } from "@/lib/comments";
import { AppError } from "@/lib/errors";
import { createStory, transitionStory } from "@/lib/stories";

withTempDatabase();
const t0 = new Date("2026-03-01T02:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function newsroom() {
  const person = async (role: "reporter" | "editor" | "admin", displayName: string) => ({
    ...(await insertUser(role, { displayName })),
    displayName,
  });
  const reporter = await person("reporter", "边磊");
  const other = await person("reporter", "张晶");
  const editor = await person("editor", "值班编辑");
  const admin = await person("admin", "总编");
  const story = createStory(reporter, { headline: "职工书屋正式开放", kind: "news" }, t0);
  return { reporter, other, editor, admin, story };
}

const countComments = () => db().select().from(storyComments).all().length;
const auditOf = (action: string) =>
  db().select().from(auditEvents).where(eq(auditEvents.action, action)).all();

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("notes on a story", () => {
  it("an editor adds a note quoting a passage; it is audited and the reporter is notified", async () => {
    const { reporter, editor, story } = await newsroom();
    const note = addComment(
      editor,
      { storyId: story.id, body: "  这里的数字请核实。 ", anchorText: " 藏书三千余册 " },
      at(1),
    );
    expect(note).toMatchObject({
      body: "这里的数字请核实。",
      anchorText: "藏书三千余册",
      parentId: null,
    });
    const [audit] = auditOf("comment.add");
    expect(audit).toMatchObject({
      actorId: editor.id,
      subjectType: "story",
      subjectId: String(story.id),
      detail: { commentId: note.id, anchorText: "藏书三千余册", note: "这里的数字请核实。" },
    });
    const told = db()
      .select()
      .from(notifications)
      .where(eq(notifications.userId, reporter.id))
      .all();
    expect(told).toMatchObject([{ kind: "comment", storyId: story.id, actorId: editor.id }]);
  });

  it("threads: replies join the first note of their thread, in order; the newest thread comes first", async () => {
    const { reporter, editor, admin, story } = await newsroom();
    const first = addComment(editor, { storyId: story.id, body: "第一条" }, at(1));
    const second = addComment(
      admin,
      { storyId: story.id, body: "第二条", anchorText: "标题" },
      at(2),
    );
    const reply = addComment(
      reporter,
      { storyId: story.id, body: "已改", parentId: first.id },
      at(3),
    );
    const replyToReply = addComment(
      editor,
      { storyId: story.id, body: "好的", parentId: reply.id },
      at(4),
    );
    expect(replyToReply.parentId).toBe(first.id);
    const notes = getStoryComments(editor, story.id);
    expect(notes.threads.map((t) => t.body)).toEqual(["第二条", "第一条"]);
    expect(notes.threads[1]?.replies.map((r) => [r.body, r.authorName])).toEqual([
      ["已改", "边磊"],
      ["好的", "值班编辑"],
    ]);
    expect(notes.threads[0]).toMatchObject({ id: second.id, anchorText: "标题", replies: [] });
    expect(notes).toMatchObject({ canAdd: true, canReply: true, canResolve: true });
    // The reporter's reply tells the editor who wrote the note.
    const editorTold = db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, editor.id), eq(notifications.kind, "reply")))
      .all();
    expect(editorTold).toHaveLength(1);
  });

  it("the reporter sees their story's notes and may reply, but not start a note", async () => {
    const { reporter, editor, story } = await newsroom();
    const note = addComment(editor, { storyId: story.id, body: "请补充采访对象" }, at(1));
    const view = getStoryComments(reporter, story.id);
    expect(view).toMatchObject({ canAdd: false, canReply: true, canResolve: false });
    expect(view.threads.map((t) => t.body)).toEqual(["请补充采访对象"]);
    const before = countComments();
    const error = refusal(() =>
      addComment(reporter, { storyId: story.id, body: "我自己的意见" }, at(2)),
    );
    expect(error).toMatchObject({ code: "forbidden", messageKey: "comment_reply_only" });
    expect(countComments()).toBe(before);
    addComment(reporter, { storyId: story.id, body: "已补充", parentId: note.id }, at(3));
    expect(countComments()).toBe(before + 1);
  });

  it("another reporter can neither read nor add notes on a story that is not theirs", async () => {
    const { other, editor, story } = await newsroom();
    const note = addComment(editor, { storyId: story.id, body: "意见" }, at(1));
    const before = countComments();
    expect(refusal(() => getStoryComments(other, story.id)).code).toBe("not_found");
    expect(
      refusal(() => addComment(other, { storyId: story.id, body: "插一句" }, at(2))).code,
    ).toBe("not_found");
    expect(
      refusal(() =>
        addComment(other, { storyId: story.id, body: "插一句", parentId: note.id }, at(2)),
      ).code,
    ).toBe("not_found");
    expect(countComments()).toBe(before);
    expect(auditOf("comment.add")).toHaveLength(1);
  });

  it("refuses bad input with a message and changes nothing", async () => {
    const { editor, reporter, story } = await newsroom();
    const elsewhere = createStory(reporter, { headline: "另一篇", kind: "news" }, t0);
    const foreign = addComment(editor, { storyId: elsewhere.id, body: "别处的意见" }, at(1));
    const before = countComments();
    const cases: [Parameters<typeof addComment>[1], string][] = [
      [{ storyId: story.id, body: "   " }, "required"],
      [{ storyId: story.id, body: "长".repeat(2001) }, "too_long"],
      [
        { storyId: story.id, body: "引用太长", anchorText: "长".repeat(501) },
        "comment_anchor_too_long",
      ],
      [{ storyId: story.id, body: "回复错稿", parentId: foreign.id }, "comment_parent_invalid"],
      [{ storyId: story.id, body: "回复不存在的", parentId: 999_999 }, "comment_parent_invalid"],
      [
        { storyId: story.id, body: "回复带引用", parentId: foreign.id, anchorText: "标题" },
        "comment_anchor_on_reply",
      ],
    ];
    for (const [input, key] of cases) {
      const error = refusal(() => addComment(editor, input, at(2)));
      expect(error.code).toBe("invalid_input");
      expect(error.messageKey).toBe(key);
    }
    expect(
      addComment(editor, { storyId: story.id, body: "长".repeat(2000) }, at(3)).body,
    ).toHaveLength(2000);
    expect(countComments()).toBe(before + 1);
    expect(
      refusal(() => addComment(editor, { storyId: 999_999, body: "无此稿" }, at(3))).code,
    ).toBe("not_found");
  });

  it("editors resolve and reopen a thread; a reply reopens it; reporters cannot resolve", async () => {
    const { reporter, editor, story } = await newsroom();
    const note = addComment(editor, { storyId: story.id, body: "导语太长" }, at(1));
    const reply = addComment(
      reporter,
      { storyId: story.id, body: "已缩短", parentId: note.id },
      at(2),
    );
    expect(
      refusal(() => resolveComment(reporter, { commentId: note.id, resolved: true }, at(3))).code,
    ).toBe("forbidden");
    expect(
      refusal(() => resolveComment(editor, { commentId: reply.id, resolved: true }, at(3)))
        .messageKey,
    ).toBe("comment_not_thread");
    expect(resolveComment(editor, { commentId: note.id, resolved: true }, at(4))).toEqual({
      id: note.id,
      resolvedAt: at(4).getTime(),
    });
    // Resolving again changes nothing and writes no audit row.
    resolveComment(editor, { commentId: note.id, resolved: true }, at(5));
    expect(auditOf("comment.resolve")).toHaveLength(1);
    expect(getStoryComments(reporter, story.id).threads[0]?.resolvedAt).toBe(at(4).getTime());

    addComment(reporter, { storyId: story.id, body: "还有一个问题", parentId: note.id }, at(6));
    expect(getStoryComments(editor, story.id).threads[0]?.resolvedAt).toBeNull();
    resolveComment(editor, { commentId: note.id, resolved: true }, at(7));
    resolveComment(editor, { commentId: note.id, resolved: false }, at(8));
    expect(auditOf("comment.reopen")).toMatchObject([{ fromState: "resolved", toState: "open" }]);
  });

  it("a return note from the workflow appears as a thread the reporter can answer", async () => {
    const { reporter, editor, story } = await newsroom();
    transitionStory(reporter, { storyId: story.id, action: "submit" }, at(1));
    transitionStory(editor, { storyId: story.id, action: "return", note: "请补充数据" }, at(2));
    const [thread] = getStoryComments(reporter, story.id).threads;
    expect(thread).toMatchObject({ body: "请补充数据", authorName: "值班编辑" });
    addComment(reporter, { storyId: story.id, body: "已补充", parentId: thread?.id }, at(3));
    expect(getStoryComments(editor, story.id).threads[0]?.replies).toHaveLength(1);
  });
});
