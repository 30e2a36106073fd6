// Desks on pages and stories: the duty editor gives pages their desks and the layout desk's desk
// filter then shows that desk's pages; an administrator moves a story in review from 要闻部 to
// 经济部, whose desk editor then finds it in their review queue (and is told) while 要闻部's no
// longer does.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { addToDesk, createTestUser, signInAndWait, storageStateOf, testDb } from "./fixtures";
import { LayoutDesk } from "./pages/layout-desk";
import { StoryEditor } from "./pages/story-editor";

async function as(browser: Browser, role: "editor" | "reporter" | "admin"): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

function deskId(name: string): number {
  const db = testDb();
  try {
    return (db.prepare("SELECT id FROM desks WHERE name = ?").get(name) as { id: number }).id;
  } finally {
    db.close();
  }
}

/** A planned issue with one page and no desk on it, written straight into the database. */
function plannedIssue(date: string): number {
  const db = testDb();
  try {
    const now = Date.now();
    const issue = db
      .prepare(
        "INSERT INTO issues (date, number, created_at, updated_at) VALUES (?, 900, ?, ?) RETURNING id",
      )
      .get(date, now, now) as { id: number };
    db.prepare(
      "INSERT INTO pages (issue_id, number, name, created_at, updated_at) VALUES (?, 1, '要闻', ?, ?)",
    ).run(issue.id, now, now);
    return issue.id;
  } finally {
    db.close();
  }
}

function pagesOf(issueId: number) {
  const db = testDb();
  try {
    return db
      .prepare("SELECT name, desk_id AS deskId FROM pages WHERE issue_id = ? ORDER BY number")
      .all(issueId) as { name: string; deskId: number | null }[];
  } finally {
    db.close();
  }
}

test("an editor gives pages their desks, and the layout desk's filter shows that desk's pages", async ({
  browser,
}) => {
  const issueId = plannedIssue("2041-06-06");
  const politics = deskId("要闻部");
  const economy = deskId("经济部");
  const page = await as(browser, "editor");
  const layout = new LayoutDesk(page);
  await layout.open(issueId);

  // A new page, on 经济部.
  await layout.addPage("经济", "经济部");
  await expect(layout.pages).toContainText("02 经济");

  // The existing page, renamed and given 要闻部.
  await page.getByText("修改版名、通栏、责任编辑与部门").click();
  const edit = page.getByRole("form", { name: "要闻" });
  await edit.getByLabel("版名").fill("要闻一版");
  await edit.getByLabel("部门").selectOption({ label: "要闻部" });
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(layout.pages).toContainText("01 要闻一版");
  expect(pagesOf(issueId)).toEqual([
    { name: "要闻一版", deskId: politics },
    { name: "经济", deskId: economy },
  ]);

  // Filtered to 经济部: only its page, and it is the one shown.
  await page.getByTestId("desk-filter").getByRole("link", { name: "经济部" }).click();
  await expect(page).toHaveURL(new RegExp(`desk=${economy}`));
  const list = layout.pages;
  await expect(list).toContainText("02 经济");
  await expect(list).not.toContainText("要闻一版");
  await expect(page.getByRole("heading", { name: /02 经济/ })).toBeVisible();
  // 摄影部 has no page in this issue.
  await page.getByTestId("desk-filter").getByRole("link", { name: "摄影部" }).click();
  await expect(page.getByText("这个部门在本期没有版面。")).toBeVisible();
  await expect(layout.pages.getByRole("link")).toHaveCount(0);
});

test("a story in review moves to another desk and waits in that desk's queue for its desk editor", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const economyEditor = await createTestUser("editor");
  addToDesk(economyEditor.id, "经济部", "editor");

  // The demo reporter (要闻部) files a story.
  const reporter = await as(browser, "reporter");
  const storyId = await new StoryEditor(reporter).create("一季度物价平稳");
  await new StoryEditor(reporter).type("本报讯 一季度全市物价总体平稳。");
  await new StoryEditor(reporter).waitSaved();
  await reporter.getByRole("button", { name: "提交审稿" }).click();
  await expect(reporter.getByText("已提交审稿。")).toBeVisible();
  await expect(reporter.getByTestId("story-desk-name")).toHaveText("要闻部");
  // The reporter may not move it.
  await expect(reporter.getByLabel("转到部门")).toHaveCount(0);

  // 要闻部's desk editor holds it (their queue is long by now in a full run: the story's page).
  const editor = await as(browser, "editor");
  await editor.goto(`/desk/stories/${storyId}`);
  await expect(editor.getByRole("button", { name: "通过初审" })).toBeVisible();

  // The administrator moves it to 经济部.
  const admin = await as(browser, "admin");
  await admin.goto(`/desk/stories/${storyId}`);
  await admin.getByLabel("转到部门").selectOption({ label: "经济部" });
  await admin.getByRole("button", { name: "转部门" }).click();
  await expect(admin.getByText("稿件已转到经济部。")).toBeVisible();
  await expect(admin.getByTestId("story-desk-name")).toHaveText("经济部");

  // 经济部's desk editor is told and finds it waiting at 初审; 要闻部's queue no longer has it.
  const economy = await (
    await browser.newContext({ storageState: { cookies: [], origins: [] } })
  ).newPage();
  await signInAndWait(economy, economyEditor.email, economyEditor.password);
  await economy.goto("/desk/inbox");
  await expect(
    economy.getByText(/把《一季度物价平稳》转到了你的部门，等你审阅/).first(),
  ).toBeVisible();
  await economy.goto(`/desk/review?desk=${deskId("经济部")}`);
  await expect(economy.getByTestId(`review-story-${storyId}`)).toContainText("经济部 · 初审");
  await editor.goto(`/desk/review?desk=${deskId("要闻部")}`);
  await expect(editor.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(editor.getByTestId(`review-story-${storyId}`)).toHaveCount(0);
  await editor.goto(`/desk/stories/${storyId}`);
  await expect(editor.getByTestId("story-holder")).toContainText("经济部部门编辑（初审）");
  await expect(editor.getByRole("button", { name: "通过初审" })).toHaveCount(0);
});
