import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { issues, pages } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { recordAudit } from "@/lib/audit";
import { AuditFilter, listAuditEvents, listAuditPeople } from "@/lib/audit-log";
import { addComment } from "@/lib/comments";
import { AppError } from "@/lib/errors";
import { createStory, transitionStory } from "@/lib/stories";

withTempDatabase();
const TZ = "Asia/Shanghai";
// 23:30 on 1 March in Shanghai, half an hour before the paper's midnight.
const t0 = new Date("2026-03-01T15:30:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function trail() {
  const person = async (role: "reporter" | "editor" | "admin", displayName: string) => ({
    ...(await insertUser(role, { displayName })),
    displayName,
  });
  const reporter = await person("reporter", "边磊");
  const editor = await person("editor", "值班编辑");
  const admin = await person("admin", "总编");
  const story = createStory(reporter, { headline: "职工书屋", kind: "news" }, at(0)); // 3-1 23:30
  const other = createStory(reporter, { headline: "另一篇", kind: "news" }, at(10)); // 3-1 23:40
  transitionStory(reporter, { storyId: story.id, action: "submit" }, at(20)); // 3-1 23:50
  addComment(editor, { storyId: story.id, body: "数字请核实", anchorText: "三千" }, at(40)); // 3-2 00:10
  transitionStory(editor, { storyId: story.id, action: "return", note: "补充数据" }, at(50)); // 3-2
  const issue = db()
    .insert(issues)
    .values({ date: "2026-03-03", number: 7, createdAt: at(60), updatedAt: at(60) })
    .returning()
    .get();
  const page = db()
    .insert(pages)
    .values({ issueId: issue.id, number: 1, name: "要闻", createdAt: at(60), updatedAt: at(60) })
    .returning()
    .get();
  db().transaction((tx) => {
    recordAudit(tx, {
      actorId: admin.id,
      action: "issue.create",
      subjectType: "issue",
      subjectId: issue.id,
      toState: "planned",
      now: at(60),
    });
    recordAudit(tx, {
      actorId: admin.id,
      action: "page.update",
      subjectType: "page",
      subjectId: page.id,
      detail: { name: "要闻" },
      now: at(61),
    });
    recordAudit(tx, {
      actorId: editor.id,
      action: "placement.add",
      subjectType: "story",
      subjectId: other.id,
      detail: { issueId: issue.id, page: 1 },
      now: at(62),
    });
    // The scheduler acts with no person behind it, two days later.
    recordAudit(tx, {
      actorId: null,
      action: "issue.publish",
      subjectType: "issue",
      subjectId: issue.id,
      fromState: "scheduled",
      toState: "published",
      now: at(60 * 48),
    });
    // Another issue's page, which the issue filter must not pick up.
    recordAudit(tx, {
      actorId: admin.id,
      action: "page.update",
      subjectType: "page",
      subjectId: page.id + 100,
      now: at(63),
    });
  });
  return { reporter, editor, admin, story, other, issue, page };
}

const list = (
  viewer: Parameters<typeof listAuditEvents>[0],
  filter: Record<string, string> = {},
) => {
  const parsed = AuditFilter.parse(filter);
  return listAuditEvents(viewer, { filter: parsed, timeZone: TZ }).rows;
};

describe("the audit log", () => {
  it("lists every event newest first, with who (or the system), the subject's label and states", async () => {
    const { editor, story } = await trail();
    const rows = list(editor);
    expect(rows.map((r) => r.action)).toEqual([
      "issue.publish",
      "page.update",
      "placement.add",
      "page.update",
      "issue.create",
      "story.return",
      "comment.add",
      "story.submit",
      "story.create",
      "story.create",
    ]);
    expect(rows[0]).toMatchObject({ actorName: null, subjectLabel: "7", fromState: "scheduled" });
    const returned = rows.find((r) => r.action === "story.return");
    expect(returned).toMatchObject({
      actorName: "值班编辑",
      subjectType: "story",
      subjectId: String(story.id),
      subjectLabel: "职工书屋",
      fromState: "submitted",
      toState: "returned",
      detail: { note: "补充数据" },
    });
  });

  it("filters by story", async () => {
    const { editor, story } = await trail();
    expect(list(editor, { story: String(story.id) }).map((r) => r.action)).toEqual([
      "story.return",
      "comment.add",
      "story.submit",
      "story.create",
    ]);
  });

  it("filters by issue: the issue, events naming it, and its pages", async () => {
    const { editor, issue } = await trail();
    expect(list(editor, { issue: String(issue.id) }).map((r) => r.action)).toEqual([
      "issue.publish",
      "placement.add",
      "page.update",
      "issue.create",
    ]);
  });

  it("filters by person", async () => {
    const { editor, reporter } = await trail();
    expect(list(editor, { person: String(reporter.id) }).map((r) => r.action)).toEqual([
      "story.submit",
      "story.create",
      "story.create",
    ]);
  });

  it("filters by dates in the paper's timezone, both ends included", async () => {
    const { editor, reporter } = await trail();
    // 1 March in Shanghai ends at 16:00 UTC: three events fall before it.
    expect(list(editor, { to: "2026-03-01" }).map((r) => r.action)).toEqual([
      "story.submit",
      "story.create",
      "story.create",
    ]);
    expect(list(editor, { from: "2026-03-02", to: "2026-03-02" })).toHaveLength(6);
    expect(list(editor, { from: "2026-03-03" }).map((r) => r.action)).toEqual(["issue.publish"]);
    // Filters combine.
    expect(list(editor, { person: String(reporter.id), from: "2026-03-02" })).toEqual([]);
  });

  it("pages through the trail", async () => {
    const { editor } = await trail();
    const all = list(editor).map((r) => r.id);
    const first = listAuditEvents(editor, { limit: 4, timeZone: TZ });
    const second = listAuditEvents(editor, { limit: 4, offset: 4, timeZone: TZ });
    const third = listAuditEvents(editor, { limit: 4, offset: 8, timeZone: TZ });
    expect([first.hasMore, second.hasMore, third.hasMore]).toEqual([true, true, false]);
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.id)).toEqual(all);
  });

  it("refuses bad filters with a message key", () => {
    const refused = (filter: Record<string, string>) => {
      const parsed = AuditFilter.safeParse(filter);
      return parsed.success ? null : parsed.error.issues.map((i) => i.message);
    };
    expect(refused({ story: "abc" })).toEqual(["errors.id_invalid"]);
    expect(refused({ issue: "-3" })).toEqual(["errors.id_invalid"]);
    expect(refused({ from: "2026-02-30" })).toEqual(["errors.date_invalid"]);
    expect(refused({ from: "2026-03-05", to: "2026-03-01" })).toEqual([
      "errors.date_range_invalid",
    ]);
    expect(refused({ story: "", from: "", to: "" })).toBeNull();
  });

  it("is refused to reporters", async () => {
    const { reporter } = await trail();
    expect(() => listAuditEvents(reporter, { timeZone: TZ })).toThrow(new AppError("forbidden"));
    expect(() => listAuditPeople(reporter)).toThrow(new AppError("forbidden"));
  });
});
