// The newsroom story end to end: a reporter files, an editor returns it with a note, the
// reporter fixes it, the editor, the desk head and the duty editor pass 初审, 复审 and 终审, the
// editor places it, the duty editor schedules the issue, it publishes on its own at the
// scheduled minute, and comes down again with a reason.
import { expect, test } from "@playwright/test";
import { createTestUser, signInAndWait, testDb } from "./fixtures";
import { LayoutDesk } from "./pages/layout-desk";
import { StoryEditor } from "./pages/story-editor";
import { signOffIssueInBrowser } from "./sign-off-helper";

function shanghai(instant: number): { date: string; local: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const date = `${get("year")}-${get("month")}-${get("day")}`;
  return { date, local: `${date}T${get("hour")}:${get("minute")}` };
}

test("file, return, fix, three levels of review, place, schedule, publish on time, take down", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const reporter = await createTestUser("reporter");
  const editor = await createTestUser("editor");
  const deskHead = await createTestUser("desk_head");
  const chief = await createTestUser("chief_editor");
  const reporterPage = await (
    await browser.newContext({ storageState: { cookies: [], origins: [] } })
  ).newPage();
  const editorPage = await (
    await browser.newContext({ storageState: { cookies: [], origins: [] } })
  ).newPage();
  const reader = await (
    await browser.newContext({ storageState: { cookies: [], origins: [] } })
  ).newPage();
  await signInAndWait(reporterPage, reporter.email, reporter.password);
  await signInAndWait(editorPage, editor.email, editor.password);

  // The reporter files a story.
  const headline = `区总工会举办职工技能大赛 ${Date.now()}`;
  const storyId = await new StoryEditor(reporterPage).create(headline);
  await new StoryEditor(reporterPage).type(
    "本次大赛共有来自全区的两百余名职工参加，导语写得很长很长。",
  );
  await reporterPage.getByRole("button", { name: "提交审稿" }).click();
  await expect(reporterPage.getByText("已提交审稿。")).toBeVisible();

  // The editor returns it with a note.
  await editorPage.goto(`/desk/stories/${storyId}`);
  await editorPage.getByRole("button", { name: "退回修改" }).click();
  await editorPage.getByLabel("退回修改的说明").fill("导语太长，请压缩到一句话。");
  await editorPage.getByRole("button", { name: "确认" }).click();
  await expect(editorPage.getByRole("status").filter({ hasText: "已退回" })).toBeVisible();

  // The reporter sees the note, revises and resubmits.
  await reporterPage.goto("/desk/stories");
  await expect(reporterPage.getByTestId(`my-story-${storyId}`)).toContainText(
    "导语太长，请压缩到一句话。",
  );
  await reporterPage.goto(`/desk/stories/${storyId}`);
  await new StoryEditor(reporterPage).replaceBody("两百余名职工参加区技能大赛。");
  await new StoryEditor(reporterPage).waitSaved();
  await reporterPage.getByRole("button", { name: "提交审稿" }).click();
  await expect(reporterPage.getByText("已提交审稿。")).toBeVisible();

  // 初审, 复审 and 终审, each by another person in their own browser.
  await editorPage.goto(`/desk/stories/${storyId}`);
  await editorPage.getByRole("button", { name: "通过初审" }).click();
  await expect(editorPage.getByTestId("story-holder")).toContainText("部门主任（复审）");
  for (const [person, level] of [
    [deskHead, "复审"],
    [chief, "终审"],
  ] as const) {
    const page = await (
      await browser.newContext({ storageState: { cookies: [], origins: [] } })
    ).newPage();
    await signInAndWait(page, person.email, person.password);
    await page.goto(`/desk/stories/${storyId}`);
    await page.getByRole("button", { name: `通过${level}` }).click();
    await expect(page.getByTestId("story-stepper").locator('[aria-current="step"]')).not.toHaveText(
      level,
    );
    await page.context().close();
  }
  await editorPage.goto(`/desk/stories/${storyId}`);
  await expect(editorPage.getByText(/· 待编排 ·/)).toBeVisible();

  // Tomorrow's issue with page 1 要闻; the story placed as lead.
  const tomorrow = shanghai(Date.now() + 24 * 60 * 60 * 1000).date;
  await editorPage.goto("/desk/issues");
  await editorPage.getByLabel("出版日期").fill(tomorrow);
  await editorPage.getByRole("button", { name: "创建" }).click();
  await expect(editorPage).toHaveURL(/\/desk\/issues\/\d+$/);
  const layout = new LayoutDesk(editorPage);
  await layout.addPage("要闻");
  await expect(editorPage.getByRole("link", { name: "01 要闻" })).toBeVisible();
  await layout.place(storyId, "lead");
  await expect(layout.preview).toContainText(headline);

  // Proofread and signed off (签发) by the duty editor: nothing is published that is not.
  const issueId = layout.issueId;
  await signOffIssueInBrowser(browser, issueId);

  // The editor lays out but does not publish; the duty editor schedules a minute ahead.
  await expect(editorPage.getByLabel(/定时出版/)).toHaveCount(0);
  const issueUrl = editorPage.url();
  await editorPage.close();
  const chiefPage = await (
    await browser.newContext({ storageState: { cookies: [], origins: [] } })
  ).newPage();
  await signInAndWait(chiefPage, chief.email, chief.password);
  await chiefPage.goto(issueUrl);
  const due = shanghai(Date.now() + 70_000).local;
  const chiefDesk = new LayoutDesk(chiefPage);
  await chiefDesk.schedule(due);
  await expect(chiefDesk.status).toContainText("已定时");
  expect((await reader.request.get(`/issues/${tomorrow}/1`)).status()).toBe(404);
  expect((await reader.request.get(`/stories/${storyId}`)).status()).toBe(404);
  await chiefPage.close();

  // Nobody acts; the minute passes; the reader finds it.
  await expect
    .poll(async () => (await reader.request.get(`/stories/${storyId}`)).status(), {
      timeout: 150_000,
      intervals: [5000],
    })
    .toBe(200);
  await reader.goto(`/issues/${tomorrow}/1`);
  await expect(reader.getByRole("heading", { level: 3, name: headline })).toBeVisible();
  await reader.getByRole("heading", { level: 3, name: headline }).getByRole("link").click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reader.locator(".story-body")).toContainText("两百余名职工参加区技能大赛。");

  // The duty editor takes the issue down with a reason: gone from page, story URL, search, feed.
  const editorAgain = await (
    await browser.newContext({ storageState: { cookies: [], origins: [] } })
  ).newPage();
  await signInAndWait(editorAgain, chief.email, chief.password);
  const db = testDb();
  const issue = db.prepare("SELECT id, status FROM issues WHERE date = ?").get(tomorrow) as {
    id: number;
    status: string;
  };
  const audits = db
    .prepare("SELECT actor_id FROM audit_events WHERE action = 'issue.publish' AND subject_id = ?")
    .all(String(issue.id)) as { actor_id: number | null }[];
  db.close();
  expect(issue.status).toBe("published");
  expect(audits).toEqual([{ actor_id: null }]);
  const takeDown = new LayoutDesk(editorAgain);
  await takeDown.open(issue.id);
  await takeDown.unpublish("稿件中数据有误，需核实。");
  await expect(takeDown.status).toContainText("已撤下");

  expect((await reader.request.get(`/stories/${storyId}`)).status()).toBe(404);
  expect((await reader.request.get(`/issues/${tomorrow}/1`)).status()).toBe(404);
  const search = await reader.request.get(`/search?q=${encodeURIComponent("职工技能大赛")}`);
  expect(await search.text()).not.toContain(headline);
  const feed = await reader.request.get("/feed.xml");
  expect(await feed.text()).not.toContain(headline);
});
