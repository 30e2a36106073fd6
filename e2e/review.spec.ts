// The editor's desk: a reporter files, an editor finds it in the review queue, notes a passage,
// returns it; the reporter is told, answers and resubmits; the editor passes 初审; the audit log
// tells the story. And what a reporter may not do there.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { callServerAction, createTestUser, signInAndWait, testDb } from "./fixtures";
import { StoryEditor } from "./pages/story-editor";

const NOTE_ACTIONS = "app/(newsroom)/desk/stories/[id]/actions.ts";
type TestUser = Awaited<ReturnType<typeof createTestUser>>;

async function signedIn(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAndWait(page, user.email, user.password);
  return page;
}

async function writeStory(page: Page, headline: string, text: string): Promise<number> {
  const editor = new StoryEditor(page);
  const id = await editor.create(headline);
  if (text) {
    await editor.type(text);
    await editor.waitSaved();
  }
  return id;
}

async function submit(page: Page): Promise<void> {
  await page.getByRole("button", { name: "提交审稿" }).click();
  await expect(page.getByText("稿件处于“已提交”状态，你不能修改。")).toBeVisible();
}

/** Select a passage of the story body, as a person dragging over it would. */
async function selectPassage(page: Page, passage: string): Promise<void> {
  await new StoryEditor(page).body.evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const start = node.textContent?.indexOf(text) ?? -1;
      if (start < 0) continue;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`passage not found: ${text}`);
  }, passage);
}

function count(sql: string, ...params: unknown[]): number {
  const db = testDb();
  const row = db.prepare(sql).get(...params) as { n: number };
  db.close();
  return row.n;
}

test("a reporter files, an editor notes a passage and returns it, the reporter answers and resubmits, the editor passes 初审, and the audit log shows it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const editorUser = await createTestUser("editor");
  const reporterUser = await createTestUser("reporter");
  const reporter = await signedIn(browser, reporterUser);
  const editor = await signedIn(browser, editorUser);

  const first = await writeStory(
    reporter,
    "职工书屋正式开放",
    "本报讯 近日，朝阳区职工书屋正式开放，藏书三千余册，每周开放六天。",
  );
  await submit(reporter);
  const second = await writeStory(reporter, "劳模工作室挂牌", "");
  await submit(reporter);

  // The review queue: oldest submission first, with author, waiting time and length.
  await editor.goto("/desk/review");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("审稿");
  const rows = editor.locator('tr[data-testid^="review-story-"]');
  const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")));
  expect(order.indexOf(`review-story-${first}`)).toBeGreaterThanOrEqual(0);
  expect(order.indexOf(`review-story-${first}`)).toBeLessThan(
    order.indexOf(`review-story-${second}`),
  );
  const row = editor.getByTestId(`review-story-${first}`);
  await expect(row).toContainText(reporterUser.displayName);
  const length = count("SELECT char_count AS n FROM stories WHERE id = ?", first);
  expect(length).toBeGreaterThan(20);
  await expect(row).toContainText(`${length} 字`);
  await expect(row.getByTestId("waiting")).toHaveText(/不到 1 分钟|\d+分钟/);

  // The editor opens it, quotes a passage in a note, and returns it with a note.
  await row.getByRole("link", { name: "职工书屋正式开放" }).click();
  await expect(editor).toHaveURL(new RegExp(`/desk/stories/${first}$`));
  await expect(new StoryEditor(editor).body).toContainText("藏书三千余册");
  await selectPassage(editor, "藏书三千余册");
  await editor.getByRole("button", { name: "引用正文中选中的文字" }).click();
  await expect(editor.getByTestId("pending-anchor")).toHaveText("“藏书三千余册”");
  await editor.getByLabel("新意见").fill("藏书数量请与书屋核实。");
  await editor.getByRole("button", { name: "添加意见" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "意见已添加。" })).toBeVisible();
  const anchored = editor
    .locator('li[data-testid^="note-"]')
    .filter({ hasText: "藏书数量请与书屋核实。" });
  await expect(anchored.locator("blockquote")).toContainText("藏书三千余册");

  await editor.getByRole("button", { name: "退回修改" }).click();
  await editor.getByLabel("退回修改的说明").fill("请补充开放时间。");
  await editor.getByRole("button", { name: "确认" }).click();
  await expect(editor.getByText(/· 已退回 ·/)).toBeVisible();

  // The reporter sees the badge, the inbox entries, and the notes on the story.
  await reporter.goto("/desk");
  await expect(reporter.getByTestId("unread-badge")).toContainText("2 条未读");
  await reporter.getByRole("link", { name: /通知/ }).click();
  await expect(reporter).toHaveURL(/\/desk\/inbox$/);
  const returned = reporter
    .locator('li[data-testid^="notification-"]')
    .filter({ hasText: `${editorUser.displayName} 退回了《职工书屋正式开放》：请补充开放时间。` });
  await expect(returned).toBeVisible();
  await expect(
    reporter.getByText(`${editorUser.displayName} 对《职工书屋正式开放》提出了意见`),
  ).toBeVisible();
  // Opening the inbox marked them read: the badge is gone.
  await expect(reporter.getByTestId("unread-badge")).toHaveCount(0);
  expect(
    count(
      "SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL",
      reporterUser.id,
    ),
  ).toBe(0);

  await returned.getByRole("link", { name: "查看稿件" }).click();
  await expect(reporter).toHaveURL(new RegExp(`/desk/stories/${first}$`));
  const note = reporter
    .locator('li[data-testid^="note-"]')
    .filter({ hasText: "藏书数量请与书屋核实。" });
  await expect(note.locator("blockquote")).toContainText("藏书三千余册");
  await expect(reporter.getByText("请补充开放时间。")).toBeVisible();
  await expect(reporter.getByRole("button", { name: "添加意见" })).toHaveCount(0);

  // The reporter answers the note, fixes the text and resubmits.
  await note.getByRole("button", { name: "回复" }).click();
  await reporter.getByLabel(`回复 ${editorUser.displayName}`).fill("已核实，是三千二百册。");
  await reporter.getByRole("button", { name: "发送回复" }).click();
  await expect(reporter.getByRole("status").filter({ hasText: "回复已发送。" })).toBeVisible();
  await expect(note.locator("ol li")).toContainText("已核实，是三千二百册。");
  await new StoryEditor(reporter).append("开放时间为每天9时至21时。");
  await new StoryEditor(reporter).waitSaved();
  await submit(reporter);

  // The editor sees the reply and passes 初审: the story moves on to 复审, with the desk head.
  await editor.goto(`/desk/stories/${first}`);
  await expect(editor.getByText("已核实，是三千二百册。")).toBeVisible();
  await editor.getByRole("button", { name: "通过初审" }).click();
  const stepper = editor.getByTestId("story-stepper");
  await expect(stepper.locator('[aria-current="step"]')).toHaveText("复审");
  await expect(stepper.locator('[data-state="done"]')).toHaveText([
    "已提交（已完成）",
    "初审（已完成）",
  ]);
  await expect(editor.getByTestId("story-holder")).toContainText("部门主任（复审）");
  await expect(editor.getByText(`初审：${editorUser.displayName}通过`)).toBeVisible();
  // One person passes one level: the editor has nothing more to pass here.
  await expect(editor.getByRole("button", { name: /^通过/ })).toHaveCount(0);

  // The audit log, filtered by the story, shows each step.
  await editor.goto("/desk/audit");
  await editor.getByLabel("稿件编号").fill(String(first));
  await editor.getByRole("button", { name: "筛选" }).click();
  await expect(editor).toHaveURL(new RegExp(`/desk/audit\\?story=${first}&`));
  const audit = editor.locator('tr[data-testid^="audit-"]');
  const actions = await audit.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")));
  expect(actions[0]).toBe("story.pass");
  for (const step of [
    "story.create",
    "story.submit",
    "comment.add",
    "story.return",
    "story.save",
  ]) {
    expect(actions).toContain(step);
  }
  expect(actions.filter((a) => a === "story.submit")).toHaveLength(2);
  expect(actions.filter((a) => a === "comment.add")).toHaveLength(2);
  const returnRow = editor.locator('tr[data-action="story.return"]');
  await expect(returnRow).toContainText("退回修改");
  await expect(returnRow).toContainText(editorUser.displayName);
  await expect(returnRow).toContainText("已提交 → 已退回");
  await expect(returnRow).toContainText("说明：请补充开放时间。");
  await expect(
    editor.locator('tr[data-action="comment.add"]').filter({ hasText: "藏书数量请与书屋核实。" }),
  ).toContainText("引用：“藏书三千余册”");
  await expect(editor.locator(`a[href="/desk/stories/${second}"]`)).toHaveCount(0);
});

test("the review queue and the audit log are closed to reporters (403)", async ({ browser }) => {
  const page = await signedIn(browser, await createTestUser("reporter"));
  for (const path of ["/desk/review", "/desk/audit", "/desk/audit?story=1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  }
  const nav = page.getByRole("navigation", { name: "采编导航" });
  await expect(nav.getByRole("link", { name: "通知" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "审稿" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "审计" })).toHaveCount(0);
});

test("a reporter cannot note another's story, nor start a note on their own, even by calling the action", async ({
  browser,
  baseURL,
  playwright,
}) => {
  const ownerUser = await createTestUser("reporter");
  const owner = await signedIn(browser, ownerUser);
  const victim = await writeStory(owner, "别人的稿件", "正文。");
  const db = testDb();
  const editorId = (
    db.prepare("SELECT id FROM users WHERE email = 'editor@masthead.local'").get() as { id: number }
  ).id;
  const parent = db
    .prepare(
      "INSERT INTO story_comments (story_id, author_id, body, created_at) VALUES (?, ?, '编辑的意见', ?) RETURNING id",
    )
    .get(victim, editorId, Date.now()) as { id: number };
  db.close();
  const notes = () => count("SELECT count(*) AS n FROM story_comments WHERE story_id = ?", victim);
  const audits = () =>
    count(
      "SELECT count(*) AS n FROM audit_events WHERE action = 'comment.add' AND subject_id = ?",
      String(victim),
    );

  const intruder = await signedIn(browser, await createTestUser("reporter"));
  const ownStory = await writeStory(intruder, "我自己的稿件", "");
  expect((await intruder.goto(`/desk/stories/${victim}`))?.status()).toBe(404);
  for (const input of [
    { storyId: victim, body: "越权的意见" },
    { storyId: victim, body: "越权的回复", parentId: parent.id },
  ]) {
    const result = await callServerAction(
      intruder.request,
      baseURL ?? "",
      NOTE_ACTIONS,
      "addComment",
      [input],
      `/desk/stories/${ownStory}`,
    );
    expect(result.body).toContain('"messageKey":"not_found"');
  }
  // The owner may reply, but not start a note of their own, whatever they send.
  const own = await callServerAction(
    owner.request,
    baseURL ?? "",
    NOTE_ACTIONS,
    "addComment",
    [{ storyId: victim, body: "我自己开的意见" }],
    `/desk/stories/${victim}`,
  );
  expect(own.body).toContain('"messageKey":"comment_reply_only"');
  // The same call as a reply is the owner's right: it goes through, so the refusals above are
  // refusals and not a broken call.
  const reply = await callServerAction(
    owner.request,
    baseURL ?? "",
    NOTE_ACTIONS,
    "addComment",
    [{ storyId: victim, body: "我的回复", parentId: parent.id }],
    `/desk/stories/${victim}`,
  );
  expect(reply.body).toContain('"ok":true');
  await owner.goto(`/desk/stories/${victim}`);
  await expect(owner.getByRole("button", { name: "添加意见" })).toHaveCount(0);
  await expect(owner.getByText("我的回复")).toBeVisible();
  const resolve = await callServerAction(
    owner.request,
    baseURL ?? "",
    NOTE_ACTIONS,
    "resolveComment",
    [{ commentId: parent.id, resolved: true }],
    `/desk/stories/${victim}`,
  );
  expect(resolve.body).toContain('"messageKey":"forbidden"');

  const anonymous = await playwright.request.newContext({ baseURL });
  const anon = await callServerAction(
    anonymous,
    baseURL ?? "",
    NOTE_ACTIONS,
    "addComment",
    [{ storyId: victim, body: "匿名" }],
    `/desk/stories/${victim}`,
  );
  expect(anon.status === 307 || anon.body.includes('"messageKey":"unauthorized"')).toBe(true);
  await anonymous.dispose();

  expect(notes()).toBe(2);
  expect(audits()).toBe(1);
  expect(
    count(
      "SELECT count(*) AS n FROM story_comments WHERE resolved_at IS NOT NULL AND id = ?",
      parent.id,
    ),
  ).toBe(0);
});

test("bad audit filters get a clear message and list nothing", async ({ browser }) => {
  const page = await signedIn(browser, await createTestUser("editor"));
  await page.goto("/desk/audit?story=abc");
  await expect(page.locator("#story-error")).toHaveText("编号应为正整数。");
  await expect(page.getByLabel("稿件编号")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("没有符合条件的记录。")).toBeVisible();
  await page.goto("/desk/audit?from=2026-03-05&to=2026-03-01");
  await expect(page.locator("#to-error")).toHaveText("起始日期不能晚于截止日期。");
  await expect(page.getByText("没有符合条件的记录。")).toBeVisible();
  await page.goto("/desk/audit?from=2026-02-30");
  await expect(page.locator("#from-error")).toHaveText("日期应写成 YYYY-MM-DD，例如 2026-03-01。");
});
