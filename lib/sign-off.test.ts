import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, issues, notifications, pages, settings, stories, users } from "@/db/schema";
import { passAllLevels } from "@/db/testing/review";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import {
  addPage,
  arrangePage,
  createIssue,
  placeStory,
  removePlacement,
  updatePage,
} from "@/lib/issues";
import type { Role } from "@/lib/permissions";
import { completeRound, createMark, decideMark, getProofPage } from "@/lib/proofreading";
import { publishDueIssues, publishIssueNow, scheduleIssue } from "@/lib/publishing";
import { getPageSignOffState, reopenPage, signOffIssue, signOffPage } from "@/lib/sign-off";
import { createStory, saveStory, transitionStory } from "@/lib/stories";
import { getDeskStory } from "@/lib/story-reads";
import { paragraphsToDoc } from "@/lib/text";

withTempDatabase();
const t0 = new Date("2026-07-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

async function newsroom() {
  const named = async (role: Parameters<typeof insertUser>[0], displayName: string) => ({
    ...(await insertUser(role, { displayName })),
    displayName,
  });
  return {
    reporter: await named("reporter", "记者"),
    editor: await named("editor", "编辑"),
    proofreader: await named("proofreader", "校对员"),
    chief: await named("chief_editor", "值班总编"),
  };
}

async function laidOutPage(paragraphs: string[][]) {
  const people = await newsroom();
  const { reporter, editor } = people;
  const { id: issueId } = createIssue(editor, { date: "2026-07-02" }, t0);
  const page = addPage(editor, { issueId, name: "要闻", banner: null, editorId: null }, t0);
  const storyIds: number[] = [];
  for (const [i, text] of paragraphs.entries()) {
    const story = createStory(
      reporter,
      { headline: `稿件${i + 1}`, kind: "news" },
      t0,
      paragraphsToDoc(text),
    );
    transitionStory(reporter, { storyId: story.id, action: "submit" }, t0);
    await passAllLevels(story.id, t0);
    placeStory(editor, { pageId: page.id, storyId: story.id, slot: i === 0 ? "lead" : "main" }, t0);
    storyIds.push(story.id);
  }
  return { ...people, issueId, pageId: page.id, storyIds };
}

const fieldsOf = (s: ReturnType<typeof getDeskStory>) => ({
  kind: s.kind,
  kicker: s.kicker,
  headline: s.headline,
  subheadline: s.subheadline,
  byline: { ...s.byline, agency: s.byline.agency ?? null, credit: s.byline.credit ?? null },
});
const bodyOf = (id: number) =>
  db().select().from(stories).where(eq(stories.id, id)).get()?.bodyText;
const versionOf = (id: number) =>
  db().select().from(stories).where(eq(stories.id, id)).get()?.version ?? 0;

function completeAllRounds(
  proofreader: { id: number; role: Role; displayName: string },
  pageId: number,
) {
  for (const round of [1, 2, 3]) completeRound(proofreader, { pageId, round }, at(round));
}

describe("proofreading", () => {
  it("a proofreader marks, the editor accepts one (the text changes) and rejects another", async () => {
    const { proofreader, editor, reporter, pageId, storyIds } = await laidOutPage([
      ["全区两百余名职工参加技能大赛。"],
    ]);
    const [storyId = 0] = storyIds;
    const version = versionOf(storyId);
    const replace = createMark(
      proofreader,
      {
        pageId,
        storyId,
        storyVersion: version,
        kind: "replace",
        blockIndex: 0,
        from: 4,
        to: 6,
        suggestion: "余位",
      },
      at(1),
    );
    const reject = createMark(
      proofreader,
      {
        pageId,
        storyId,
        storyVersion: version,
        kind: "delete",
        blockIndex: 0,
        from: 0,
        to: 2,
        suggestion: "",
      },
      at(2),
    );
    expect(() =>
      createMark(
        editor,
        {
          pageId,
          storyId,
          storyVersion: version,
          kind: "delete",
          blockIndex: 0,
          from: 0,
          to: 1,
          suggestion: "",
        },
        at(2),
      ),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() =>
      createMark(
        proofreader,
        {
          pageId,
          storyId,
          storyVersion: version,
          kind: "replace",
          blockIndex: 0,
          from: 0,
          to: 1,
          suggestion: " ",
        },
        at(2),
      ),
    ).toThrow(expect.objectContaining({ messageKey: "mark_suggestion_required" }));
    expect(() =>
      decideMark(proofreader, { markId: replace.id, decision: "accept" }, at(3)),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => decideMark(reporter, { markId: replace.id, decision: "accept" }, at(3))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    decideMark(editor, { markId: replace.id, decision: "accept" }, at(3));
    expect(bodyOf(storyId)).toBe("全区两百余位职工参加技能大赛。");
    expect(versionOf(storyId)).toBe(version + 1);
    decideMark(editor, { markId: reject.id, decision: "reject" }, at(4));
    expect(bodyOf(storyId)).toBe("全区两百余位职工参加技能大赛。");
    expect(() => decideMark(editor, { markId: reject.id, decision: "accept" }, at(5))).toThrow(
      expect.objectContaining({ messageKey: "mark_decided" }),
    );
    const view = getProofPage(editor, pageId);
    expect(
      view.stories[0]?.marks.map((m) => [m.kind, m.state, m.proofreaderName, m.decidedByName]),
    ).toEqual([
      ["replace", "accepted", "校对员", "编辑"],
      ["delete", "rejected", "校对员", "编辑"],
    ]);
    const actions = db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "proof_mark.create",
        "proof_mark.accept",
        "proof_mark.reject",
        "story.proofread",
      ]),
    );
  });

  it("an insertion lands at its point; a mark whose text is gone can only be rejected", async () => {
    const { proofreader, editor, pageId, storyIds } = await laidOutPage([["职工参加大赛。"]]);
    const [storyId = 0] = storyIds;
    const insert = createMark(
      proofreader,
      {
        pageId,
        storyId,
        storyVersion: versionOf(storyId),
        kind: "insert",
        blockIndex: 0,
        from: 4,
        to: 4,
        suggestion: "技能",
      },
      at(1),
    );
    const stale = createMark(
      proofreader,
      {
        pageId,
        storyId,
        storyVersion: versionOf(storyId),
        kind: "delete",
        blockIndex: 0,
        from: 0,
        to: 2,
        suggestion: "",
      },
      at(1),
    );
    decideMark(editor, { markId: insert.id, decision: "accept" }, at(2));
    expect(bodyOf(storyId)).toBe("职工参加技能大赛。");
    const story = getDeskStory(editor, storyId);
    saveStory(
      editor,
      {
        storyId,
        baseVersion: story.version,
        fields: { ...fieldsOf(story), body: paragraphsToDoc(["工人参加技能大赛。"]) },
      },
      at(3),
    );
    expect(
      getProofPage(editor, pageId).stories[0]?.marks.find((m) => m.id === stale.id)?.isStale,
    ).toBe(true);
    expect(() => decideMark(editor, { markId: stale.id, decision: "accept" }, at(4))).toThrow(
      expect.objectContaining({ messageKey: "mark_stale" }),
    );
    decideMark(editor, { markId: stale.id, decision: "reject" }, at(5));
  });

  it("records each round with who and when, in order, and no more than the paper asks", async () => {
    const { proofreader, editor, pageId } = await laidOutPage([["正文。"]]);
    expect(() => completeRound(proofreader, { pageId, round: 2 }, at(1))).toThrow(
      expect.objectContaining({ messageKey: "round_changed" }),
    );
    expect(() => completeRound(editor, { pageId, round: 1 }, at(1))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    completeAllRounds(proofreader, pageId);
    expect(() => completeRound(proofreader, { pageId, round: 4 }, at(9))).toThrow(
      expect.objectContaining({ messageKey: "rounds_complete" }),
    );
    expect(
      getProofPage(proofreader, pageId).rounds.map((r) => [
        r.round,
        r.proofreaderName,
        r.completedAt,
      ]),
    ).toEqual([
      [1, "校对员", at(1).getTime()],
      [2, "校对员", at(2).getTime()],
      [3, "校对员", at(3).getTime()],
    ]);
  });
});

describe("page sign-off", () => {
  it("needs the rounds done and no open mark, and only the duty editor signs", async () => {
    const { proofreader, editor, chief, pageId, storyIds } = await laidOutPage([["正文一。"]]);
    const [storyId = 0] = storyIds;
    expect(() => signOffPage(chief, { pageId }, at(1))).toThrow(
      expect.objectContaining({ messageKey: "rounds_incomplete" }),
    );
    const mark = createMark(
      proofreader,
      {
        pageId,
        storyId,
        storyVersion: versionOf(storyId),
        kind: "delete",
        blockIndex: 0,
        from: 0,
        to: 2,
        suggestion: "",
      },
      at(1),
    );
    completeAllRounds(proofreader, pageId);
    expect(() => signOffPage(chief, { pageId }, at(5))).toThrow(
      expect.objectContaining({ messageKey: "marks_open" }),
    );
    decideMark(editor, { markId: mark.id, decision: "reject" }, at(6));
    expect(() => signOffPage(editor, { pageId }, at(7))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() => signOffPage(proofreader, { pageId }, at(7))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    signOffPage(chief, { pageId }, at(7));
    expect(db().select().from(pages).where(eq(pages.id, pageId)).get()?.status).toBe("signed_off");
    expect(() => signOffPage(chief, { pageId }, at(8))).toThrow(
      expect.objectContaining({ messageKey: "page_signed_off" }),
    );
  });

  it("a paper with no proofreading rounds signs off at once", async () => {
    const { chief, pageId } = await laidOutPage([["正文。"]]);
    db().insert(settings).values({ id: 1, paperName: "报", proofRounds: 0 }).run();
    signOffPage(chief, { pageId }, at(1));
  });

  it("freezes the layout and the stories' text until the page is reopened with a reason", async () => {
    const { proofreader, editor, chief, issueId, pageId, storyIds } = await laidOutPage([
      ["头条正文。"],
      ["二条正文。"],
    ]);
    const [lead = 0, second = 0] = storyIds;
    completeAllRounds(proofreader, pageId);
    signOffPage(chief, { pageId }, at(5));
    const frozen = { code: "conflict", messageKey: "page_signed_off" };
    expect(() => removePlacement(editor, { pageId, storyId: second }, at(6))).toThrow(
      expect.objectContaining(frozen),
    );
    expect(() =>
      arrangePage(
        editor,
        {
          pageId,
          items: [
            { storyId: second, slot: "lead" },
            { storyId: lead, slot: "main" },
          ],
        },
        at(6),
      ),
    ).toThrow(expect.objectContaining(frozen));
    expect(() =>
      updatePage(editor, { pageId, name: "改名", banner: null, editorId: null }, at(6)),
    ).toThrow(expect.objectContaining(frozen));
    const story = getDeskStory(editor, lead);
    expect(story.canEdit).toBe(false);
    expect(() =>
      saveStory(
        editor,
        {
          storyId: lead,
          baseVersion: story.version,
          fields: { ...fieldsOf(story), body: paragraphsToDoc(["改"]) },
        },
        at(6),
      ),
    ).toThrow(expect.objectContaining(frozen));
    expect(() => reopenPage(editor, { pageId, reason: "  " }, at(7))).toThrow(
      expect.objectContaining({ messageKey: "note_required" }),
    );
    expect(() => reopenPage(proofreader, { pageId, reason: "改版" }, at(7))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    signOffIssue(chief, { issueId }, at(7));
    reopenPage(editor, { pageId, reason: "头条数据更正" }, at(8));
    expect(db().select().from(issues).where(eq(issues.id, issueId)).get()?.signedOffAt).toBeNull();
    const reopened = db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "page.reopen"))
      .get();
    expect(reopened?.detail).toMatchObject({ reason: "头条数据更正" });

    // The replate: a text change, a story moved and re-slotted, one taken off.
    const desk = getDeskStory(editor, lead);
    expect(desk.canEdit).toBe(true);
    saveStory(
      editor,
      {
        storyId: lead,
        baseVersion: desk.version,
        fields: { ...fieldsOf(desk), body: paragraphsToDoc(["头条正文，已更正。"]) },
      },
      at(9),
    );
    arrangePage(
      editor,
      {
        pageId,
        items: [
          { storyId: second, slot: "lead" },
          { storyId: lead, slot: "side" },
        ],
      },
      at(10),
    );
    const state = getPageSignOffState(chief, pageId);
    expect(state.status).toBe("reopened");
    expect(state.lastSignOff).toMatchObject({
      signedOffByName: "值班总编",
      reopenedByName: "编辑",
      reopenReason: "头条数据更正",
    });
    expect(state.diff?.layout).toEqual([
      { kind: "moved", storyId: second, headline: "稿件2", from: 2, to: 1 },
      { kind: "moved", storyId: lead, headline: "稿件1", from: 1, to: 2 },
      { kind: "slot", storyId: second, headline: "稿件2", from: "main", to: "lead" },
      { kind: "slot", storyId: lead, headline: "稿件1", from: "lead", to: "side" },
    ]);
    expect(
      state.diff?.stories.map((s) => [
        s.storyId,
        s.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text]),
      ]),
    ).toEqual([[lead, [["added", "，已更正"]]]]);
    removePlacement(editor, { pageId, storyId: second }, at(11));
    expect(getPageSignOffState(chief, pageId).diff?.layout).toContainEqual({
      kind: "removed",
      storyId: second,
      headline: "稿件2",
      slot: "main",
    });
    // A new sign-off; the rounds already done still count.
    expect(state.actions).toContain("sign_off");
    signOffPage(chief, { pageId }, at(12));
    expect(getPageSignOffState(chief, pageId).diff).toBeNull();
  });
});

describe("issue sign-off and publishing", () => {
  it("publishing is refused before sign-off and works after", async () => {
    const { proofreader, editor, chief, issueId, pageId } = await laidOutPage([["正文。"]]);
    expect(() => publishIssueNow(chief, { issueId }, at(1))).toThrow(
      expect.objectContaining({ messageKey: "not_signed_off" }),
    );
    expect(() => signOffIssue(chief, { issueId }, at(1))).toThrow(
      expect.objectContaining({ messageKey: "pages_not_signed_off" }),
    );
    completeAllRounds(proofreader, pageId);
    signOffPage(chief, { pageId }, at(4));
    expect(() => signOffIssue(editor, { issueId }, at(5))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() =>
      addPage(editor, { issueId, name: "二版", banner: null, editorId: null }, at(5)),
    ).not.toThrow();
    expect(() => signOffIssue(chief, { issueId }, at(5))).toThrow(
      expect.objectContaining({ messageKey: "pages_not_signed_off" }),
    );
  });

  it("a signed-off issue publishes; a scheduled one not signed off is held once and its duty editors told", async () => {
    const { proofreader, chief, issueId, pageId } = await laidOutPage([["正文。"]]);
    const admin = await insertUser("admin");
    scheduleIssue(chief, { issueId, publishAt: at(60_000) }, t0);
    expect(publishDueIssues(at(60_000))).toEqual([]);
    expect(publishDueIssues(at(90_000))).toEqual([]);
    const issue = db().select().from(issues).where(eq(issues.id, issueId)).get();
    expect(issue?.status).toBe("scheduled");
    expect(issue?.heldFor?.getTime()).toBe(at(60_000).getTime());
    expect(issue?.heldReason).toBe("not_signed_off");
    const told = db()
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "issue_held"))
      .all();
    // Every active duty editor and admin, once each (the level passers include one more chief).
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([chief.id, admin.id]));
    expect(new Set(told.map((n) => n.userId)).size).toBe(told.length);
    const roles = db().select({ id: users.id, role: users.role }).from(users).all();
    for (const n of told) {
      expect(["chief_editor", "admin"]).toContain(roles.find((r) => r.id === n.userId)?.role);
    }
    expect(told[0]?.note).toBe("2026-07-02");
    expect(
      db().select().from(auditEvents).where(eq(auditEvents.action, "issue.hold")).all(),
    ).toHaveLength(1);

    // Signed off late, it waits for a new time (or publish now): the clock does not surprise anyone.
    completeAllRounds(proofreader, pageId);
    signOffPage(chief, { pageId }, at(100_000));
    signOffIssue(chief, { issueId }, at(100_000));
    expect(publishDueIssues(at(120_000))).toEqual([]);
    scheduleIssue(chief, { issueId, publishAt: at(200_000) }, at(120_000));
    expect(publishDueIssues(at(200_000))).toEqual([issueId]);
    expect(db().select().from(issues).where(eq(issues.id, issueId)).get()?.heldFor).toBeNull();
  });
});
