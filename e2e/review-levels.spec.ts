// 三审 on one desk, each person in their own browser: a reporter files; the desk editor passes
// 初审, the desk head 复审, the duty editor 终审. And the refusals, by direct action call, with
// nothing changed: a reporter cannot pass 初审, a desk editor cannot pass 复审 or 终审, an editor
// of another desk cannot review, and nobody publishes a single story outside its issue.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { addToDesk, callServerAction, createTestUser, signInAndWait, testDb } from "./fixtures";
import { StoryEditor } from "./pages/story-editor";

const STORIES = "app/(newsroom)/desk/stories/actions.ts";
type TestUser = Awaited<ReturnType<typeof createTestUser>>;

async function signedIn(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAndWait(page, user.email, user.password);
  return page;
}

function storyRow(id: number) {
  const db = testDb();
  try {
    return {
      story: db
        .prepare(
          "SELECT status, version, review_level AS level, desk_id AS deskId FROM stories WHERE id = ?",
        )
        .get(id) as { status: string; version: number; level: number | null; deskId: number },
      passes: db
        .prepare(
          "SELECT level, user_id AS userId FROM story_review_passes WHERE story_id = ? ORDER BY level",
        )
        .all(id) as { level: number; userId: number }[],
    };
  } finally {
    db.close();
  }
}

async function refused(page: Page, baseURL: string, storyId: number, input: object, key: string) {
  const before = storyRow(storyId);
  const result = await callServerAction(page.request, baseURL, STORIES, "transitionStory", [
    { storyId, ...input },
  ]);
  expect(result.body, JSON.stringify(input)).toContain(`"messageKey":"${key}"`);
  expect(storyRow(storyId)).toEqual(before);
}

test("a reporter files; three different people pass 初审, 复审 and 终审; the wrong people are refused", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const url = baseURL ?? "";
  const desk = `时政部${Date.now()}`;
  const [reporter, editor, head, chief, outsider] = await Promise.all([
    createTestUser("reporter"),
    createTestUser("editor"),
    createTestUser("desk_head"),
    createTestUser("chief_editor"),
    createTestUser("editor"),
  ]);
  addToDesk(reporter.id, desk, "reporter");
  addToDesk(editor.id, desk, "editor");
  addToDesk(head.id, desk, "desk_head");
  addToDesk(outsider.id, `${desk}-别的部门`, "editor");

  // The reporter files on their desk.
  const reporterPage = await signedIn(browser, reporter);
  const storyId = await new StoryEditor(reporterPage).create("全市职工运动会开幕");
  await new StoryEditor(reporterPage).type("本报讯 全市职工运动会昨日开幕。");
  await new StoryEditor(reporterPage).waitSaved();
  await reporterPage.getByRole("button", { name: "提交审稿" }).click();
  await expect(reporterPage.getByText("已提交审稿。")).toBeVisible();
  await expect(reporterPage.getByTestId("story-holder")).toContainText(`${desk}部门编辑（初审）`);
  expect(storyRow(storyId).story).toMatchObject({ status: "submitted", level: 1 });

  // A reporter cannot pass 初审, not even their own story by calling the action.
  await expect(reporterPage.getByRole("button", { name: /^通过/ })).toHaveCount(0);
  await refused(reporterPage, url, storyId, { action: "pass" }, "forbidden");
  // An editor of another desk cannot review it.
  const outsiderPage = await signedIn(browser, outsider);
  await outsiderPage.goto(`/desk/stories/${storyId}`);
  await expect(outsiderPage.getByRole("button", { name: /^通过/ })).toHaveCount(0);
  await refused(outsiderPage, url, storyId, { action: "pass" }, "not_in_desk");
  await refused(outsiderPage, url, storyId, { action: "return", note: "退回" }, "not_in_desk");
  await outsiderPage.goto("/desk/review");
  await expect(outsiderPage.getByTestId(`review-story-${storyId}`)).toHaveCount(0);

  // 初审: the desk editor finds it waiting for them and passes it.
  const editorPage = await signedIn(browser, editor);
  await expect(editorPage.getByTestId("waiting-for-you")).toContainText("全市职工运动会开幕");
  await editorPage.goto("/desk/review");
  await expect(editorPage.getByTestId(`review-story-${storyId}`)).toContainText(`${desk} · 初审`);
  await editorPage.goto(`/desk/stories/${storyId}`);
  await editorPage.getByRole("button", { name: "通过初审" }).click();
  await expect(editorPage.getByTestId("story-holder")).toContainText(`${desk}部门主任（复审）`);
  // The desk editor cannot pass 复审.
  await refused(editorPage, url, storyId, { action: "pass" }, "wrong_level");

  // 复审: the desk head is told, finds it on their desk home and passes it.
  const headPage = await signedIn(browser, head);
  await expect(headPage.getByTestId("waiting-for-you")).toContainText("全市职工运动会开幕");
  await headPage.goto("/desk/inbox");
  await expect(
    headPage.getByText(`${editor.displayName} 审过了《全市职工运动会开幕》的上一级，轮到你审阅`),
  ).toBeVisible();
  await headPage.goto(`/desk/stories/${storyId}`);
  await headPage.getByRole("button", { name: "通过复审" }).click();
  await expect(headPage.getByTestId("story-holder")).toContainText("值班总编/总编辑（终审）");
  // Neither the desk editor nor the desk head passes 终审.
  await refused(editorPage, url, storyId, { action: "pass" }, "wrong_level");
  await refused(headPage, url, storyId, { action: "pass" }, "wrong_level");

  // 终审: the duty editor passes it; it is ready for layout, each pass recorded.
  const chiefPage = await signedIn(browser, chief);
  await expect(chiefPage.getByTestId("waiting-for-you")).toContainText("全市职工运动会开幕");
  await chiefPage.goto(`/desk/stories/${storyId}`);
  await chiefPage.getByRole("button", { name: "通过终审" }).click();
  await expect(chiefPage.getByText(/· 待编排 ·/)).toBeVisible();
  const stepper = chiefPage.getByTestId("story-stepper");
  await expect(stepper.locator('[data-state="done"]')).toHaveText([
    "已提交（已完成）",
    "初审（已完成）",
    "复审（已完成）",
    "终审（已完成）",
  ]);
  await expect(chiefPage.getByTestId("story-holder")).toContainText("版面编辑（待上版）");
  for (const [level, name] of [
    ["初审", editor.displayName],
    ["复审", head.displayName],
    ["终审", chief.displayName],
  ]) {
    await expect(chiefPage.getByText(new RegExp(`${level}：${name}通过`))).toBeVisible();
  }
  const { story, passes } = storyRow(storyId);
  expect(story).toMatchObject({ status: "approved", level: null });
  expect(passes).toEqual([
    { level: 1, userId: editor.id },
    { level: 2, userId: head.id },
    { level: 3, userId: chief.id },
  ]);

  // Nobody publishes a single story outside its issue, not even the duty editor.
  await refused(chiefPage, url, storyId, { action: "publish" }, "issue_only");
  await refused(chiefPage, url, storyId, { action: "admit" }, "forbidden");

  // The reporter is told it passed 终审; the audit log has each pass, in both languages' words.
  await reporterPage.goto("/desk/inbox");
  await expect(
    reporterPage.getByText(`${chief.displayName} 终审通过了《全市职工运动会开幕》，可以上版`),
  ).toBeVisible();
  await chiefPage.goto(`/desk/audit?story=${storyId}`);
  await expect(chiefPage.locator('tr[data-action="story.pass"]')).toHaveCount(3);
  await expect(chiefPage.locator('tr[data-action="story.pass"]').first()).toContainText("通过审稿");
  for (const page of [reporterPage, outsiderPage, editorPage, headPage, chiefPage]) {
    await page.context().close();
  }
});
