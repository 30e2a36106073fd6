// Proofreading and sign-off (三校, 签发) end to end, each person in their own browser: a
// proofreader marks a page, the editor accepts one mark and rejects another, publishing is
// refused until the duty editor signs the page and the issue off, a replate reopens the page
// with a reason, shows what changed since sign-off and needs a new sign-off; and the refusals
// of sign-off called straight at the server actions.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { callServerAction, createTestUser, signInAndWait, testDb } from "./fixtures";
import { LayoutDesk } from "./pages/layout-desk";
import { StoryEditor } from "./pages/story-editor";

const ISSUES = "app/(newsroom)/desk/issues/actions.ts";

const LEAD_TEXT = "全区两百余名职工参加技能大赛，赛期三天。";
const SECOND_TEXT = "职工书屋本周开放。";

/** An issue with one page holding two approved stories, written into the test database. */
function laidOutIssue(date: string, authorId: number) {
  const db = testDb();
  try {
    const story = db.prepare(
      `INSERT INTO stories (headline, status, author_id, body, body_text, char_count)
       VALUES (?, 'approved', ?, ?, ?, ?) RETURNING id`,
    );
    const doc = (text: string) =>
      JSON.stringify({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text }] }],
      });
    const lead = story.get(
      `技能大赛 ${date}`,
      authorId,
      doc(LEAD_TEXT),
      LEAD_TEXT,
      LEAD_TEXT.length,
    ) as {
      id: number;
    };
    const second = story.get(
      `职工书屋 ${date}`,
      authorId,
      doc(SECOND_TEXT),
      SECOND_TEXT,
      SECOND_TEXT.length,
    ) as {
      id: number;
    };
    const issue = db
      .prepare("INSERT INTO issues (date, number) VALUES (?, 901) RETURNING id")
      .get(date) as {
      id: number;
    };
    const page = db
      .prepare("INSERT INTO pages (issue_id, number, name) VALUES (?, 1, '要闻') RETURNING id")
      .get(issue.id) as { id: number };
    const place = db.prepare(
      "INSERT INTO placements (page_id, story_id, position, slot) VALUES (?, ?, ?, ?)",
    );
    place.run(page.id, lead.id, 0, "lead");
    place.run(page.id, second.id, 1, "main");
    const { rounds } = db
      .prepare("SELECT proof_rounds AS rounds FROM settings WHERE id = 1")
      .get() as {
      rounds: number;
    };
    return { issueId: issue.id, pageId: page.id, lead: lead.id, second: second.id, rounds };
  } finally {
    db.close();
  }
}

async function personAs(browser: Browser, role: Parameters<typeof createTestUser>[0]) {
  const user = await createTestUser(role);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signInAndWait(page, user.email, user.password);
  return { user, context, page };
}

/** Select characters [from, to) of a story's paragraph on the proofreading page. */
async function select(page: Page, storyId: number, from: number, to: number): Promise<void> {
  await page.evaluate(
    ({ storyId, from, to }) => {
      const block = document.querySelector(`[data-story="${storyId}"][data-block="0"]`);
      const text = block?.firstChild;
      if (!text) throw new Error("no block");
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    { storyId, from, to },
  );
}

function storyText(id: number): string {
  const db = testDb();
  try {
    return (db.prepare("SELECT body_text AS t FROM stories WHERE id = ?").get(id) as { t: string })
      .t;
  } finally {
    db.close();
  }
}

test("proofread, accept and reject, sign off, publish; a replate shows its diff and is signed again", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const editor = await personAs(browser, "editor");
  const proofreader = await personAs(browser, "proofreader");
  const chief = await personAs(browser, "chief_editor");
  const reader = await (
    await browser.newContext({ storageState: { cookies: [], origins: [] } })
  ).newPage();
  const date = "2034-03-03";
  const { issueId, pageId, lead, second, rounds } = laidOutIssue(date, editor.user.id);
  const desk = `/desk/issues/${issueId}`;
  const chiefDesk = new LayoutDesk(chief.page);
  const editorDesk = new LayoutDesk(editor.page);

  // Publishing before sign-off is refused, and the editor cannot sign the page off.
  await chiefDesk.open(issueId);
  await chiefDesk.publishNowButton.click();
  await expect(chief.page.getByText("这一期还没有签发")).toBeVisible();
  await editor.page.goto(desk);
  const panel = editor.page.getByTestId("sign-off-panel");
  await expect(panel.getByRole("button", { name: "签发本版" })).toBeDisabled();
  await expect(panel).toContainText("签发须由值班总编进行。");

  // The proofreader finds the page in the queue and marks two passages.
  const p = proofreader.page;
  await p.goto("/desk/proofread");
  await p.getByTestId(`proof-queue-${pageId}`).getByRole("link", { name: "打开" }).click();
  await expect(p).toHaveURL(new RegExp(`/desk/proofread/${pageId}$`));
  // Until the page has hydrated nobody listens to the selection: select again until it shows.
  await expect(async () => {
    await select(p, lead, 2, 6);
    await expect(p.getByTestId("proof-selection")).toContainText("两百余名", { timeout: 1000 });
  }).toPass();
  await p.getByLabel("标记种类").selectOption("replace");
  await p.getByLabel("改为").fill("三百余名");
  await p.getByRole("button", { name: "添加校对标记" }).click();
  await expect(p.getByRole("status")).toContainText("已添加校对标记。");
  await select(p, lead, 14, 19);
  await expect(p.getByTestId("proof-selection")).toContainText("，赛期三天");
  await p.getByLabel("标记种类").selectOption("delete");
  await p.getByRole("button", { name: "添加校对标记" }).click();
  await expect(p.getByTestId(`proof-story-${lead}`).locator("[data-state=open]")).toHaveCount(2);
  // Every round the paper asks for, recorded with who and when.
  const names = ["一校", "二校", "三校", "四校", "五校"].slice(0, rounds);
  for (const round of names) {
    await p.getByRole("button", { name: `完成${round}` }).click();
    await expect(p.getByRole("status")).toContainText(`已完成${round}。`);
  }
  await expect(p.getByTestId("proof-rounds")).toContainText(
    `${names[0]}：${proofreader.user.displayName}`,
  );

  // Sign-off waits for the editor's decisions.
  await chief.page.goto(desk);
  await expect(chief.page.getByTestId("sign-off-panel")).toContainText("未处理的校对标记：2 条");
  await expect(chief.page.getByRole("button", { name: "签发本版" })).toBeDisabled();

  // The editor accepts one mark (the story changes) and rejects the other, one click each.
  await editor.page.goto(`/desk/proofread/${pageId}`);
  await editor.page
    .getByRole("button", { name: "采纳：把“两百余名”改为“三百余名”", exact: true })
    .click();
  await expect(editor.page.getByRole("status")).toContainText("已采纳，稿件已修改。");
  await editor.page.getByRole("button", { name: "不采纳：删去“，赛期三天”" }).click();
  await expect(editor.page.getByRole("status")).toContainText("已不采纳。");
  expect(storyText(lead)).toBe("全区三百余名职工参加技能大赛，赛期三天。");
  await expect(editor.page.getByTestId(`proof-story-${lead}`)).toContainText("全区三百余名职工");

  // The duty editor signs the page off beside its preview, then the issue.
  await chief.page.reload();
  const chiefPanel = chief.page.getByTestId("sign-off-panel");
  await expect(chief.page.getByTestId("layout-preview")).toContainText("全区三百余名职工");
  await chiefPanel.getByRole("button", { name: "签发本版" }).click();
  await expect(chief.page.getByTestId("page-sign-off-status")).toHaveAttribute(
    "data-status",
    "signed_off",
  );
  await expect(chiefPanel).toContainText(`${chief.user.displayName} 于`);
  await chief.page.getByRole("button", { name: "签发本期" }).click();
  await expect(chief.page.getByTestId("issue-sign-off")).toContainText("这一期已签发");

  // Frozen: the story's text cannot be edited, the page's layout cannot change.
  await editor.page.goto(`/desk/stories/${lead}`);
  await expect(editor.page.getByTestId("story-frozen")).toBeVisible();
  await expect(new StoryEditor(editor.page).body).toHaveAttribute("contenteditable", "false");

  // A replate (改版): reopened with a reason, the text and the layout change.
  await editor.page.goto(desk);
  await editor.page.getByLabel("重新打开的原因（改版）").fill("头条补充记者采访内容");
  await editor.page.getByRole("button", { name: "重新打开本版" }).click();
  await expect(editor.page.getByTestId("page-sign-off-status")).toHaveAttribute(
    "data-status",
    "reopened",
  );
  await expect(editor.page.getByTestId("issue-sign-off")).toContainText("这一期尚未签发");
  await editor.page.goto(`/desk/stories/${lead}`);
  const body = new StoryEditor(editor.page).body;
  await expect(body).toHaveAttribute("contenteditable", "true");
  await body.click();
  await editor.page.keyboard.press("Control+End");
  await editor.page.keyboard.insertText("现场气氛热烈。");
  await new StoryEditor(editor.page).waitSaved();
  await editorDesk.open(issueId);
  await editorDesk.setSlot(second, "side");
  await expect(editor.page.getByRole("status").first()).toContainText("已保存");

  // The desk shows what changed since sign-off: the text diff and the layout diff.
  await editor.page.reload();
  const diff = editor.page.getByTestId("sign-off-diff");
  await expect(diff.getByTestId(`text-diff-${lead}`).locator("ins").first()).toContainText("现场");
  await expect(diff.getByTestId(`text-diff-${lead}`)).toContainText("现场气氛热烈。");
  await expect(diff.getByTestId("layout-diff")).toContainText(
    `《职工书屋 ${date}》的位置从正文栏改为边栏`,
  );
  await expect(editor.page.getByTestId("sign-off-panel")).toContainText("头条补充记者采访内容");

  // Publishing is refused again until a new sign-off; then it goes out.
  await chief.page.reload();
  await chiefDesk.publishNowButton.click();
  await expect(chief.page.getByText("这一期还没有签发")).toBeVisible();
  await chief.page.reload();
  await chief.page.getByTestId("sign-off-panel").getByRole("button", { name: "签发本版" }).click();
  await expect(chief.page.getByTestId("page-sign-off-status")).toHaveAttribute(
    "data-status",
    "signed_off",
  );
  await chief.page.getByRole("button", { name: "签发本期" }).click();
  await expect(chief.page.getByTestId("issue-sign-off")).toContainText("这一期已签发");
  await chief.page.reload();
  await chiefDesk.publishNowButton.click();
  await expect(chiefDesk.status).toContainText("已出版");
  await reader.goto(`/stories/${lead}`);
  await expect(reader.locator(".story-body")).toContainText(
    "全区三百余名职工参加技能大赛，赛期三天。现场气氛热烈。",
  );

  for (const person of [editor, proofreader, chief]) await person.context.close();
});

test("sign-off refused by direct action call: a proofreader, an editor; nothing changes", async ({
  browser,
  baseURL,
}) => {
  const editorUser = await createTestUser("editor");
  const { issueId, pageId, rounds } = laidOutIssue("2034-04-04", editorUser.id);
  const db = testDb();
  const proofreaderUser = await createTestUser("proofreader");
  for (let round = 1; round <= rounds; round += 1) {
    db.prepare(
      "INSERT INTO proof_rounds (page_id, round, proofreader_id, completed_at) VALUES (?, ?, ?, ?)",
    ).run(pageId, round, proofreaderUser.id, Date.now());
  }
  db.close();
  const state = () => {
    const d = testDb();
    try {
      return {
        pages: d.prepare("SELECT id, status, version FROM pages ORDER BY id").all(),
        issues: d
          .prepare("SELECT id, status, version, signed_off_at FROM issues ORDER BY id")
          .all(),
        signOffs: d.prepare("SELECT count(*) AS n FROM page_sign_offs").get(),
      };
    } finally {
      d.close();
    }
  };
  const before = state();
  const at = `/desk/issues/${issueId}`;
  for (const role of ["proofreader", "editor"] as const) {
    const user = role === "editor" ? editorUser : proofreaderUser;
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signInAndWait(page, user.email, user.password);
    for (const [name, input] of [
      ["signOffPage", { pageId }],
      ["signOffIssue", { issueId }],
      ["publishNow", { issueId }],
    ] as const) {
      const result = await callServerAction(
        context.request,
        baseURL ?? "",
        ISSUES,
        name,
        [input],
        at,
      );
      expect(result.body, `${role} ${name}`).toMatch(/"forbidden"/);
    }
    await context.close();
  }
  // The duty editor may publish, but not an issue that is not signed off.
  const chiefUser = await createTestUser("chief_editor");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAndWait(page, chiefUser.email, chiefUser.password);
  const refused = await callServerAction(
    context.request,
    baseURL ?? "",
    ISSUES,
    "publishNow",
    [{ issueId }],
    at,
  );
  expect(refused.body).toMatch(/"not_signed_off"/);
  await context.close();
  expect(state()).toEqual(before);
});
