// What a reporter may not do, called straight at the server actions without the pages that
// normally send them; and an editor trying to hand out roles. Nothing may change.
import { expect, test } from "@playwright/test";
import { callServerAction, createTestUser, storageStateOf, testDb } from "./fixtures";

const STORIES = "app/(newsroom)/desk/stories/actions.ts";
const ISSUES = "app/(newsroom)/desk/issues/actions.ts";
const PEOPLE = "app/(newsroom)/desk/people/actions.ts";

function snapshot() {
  const db = testDb();
  const state = {
    stories: db.prepare("SELECT id, status, version FROM stories ORDER BY id").all(),
    issues: db.prepare("SELECT id, status, version, publish_at FROM issues ORDER BY id").all(),
    placements: db
      .prepare("SELECT page_id, story_id, position, slot FROM placements ORDER BY id")
      .all(),
    users: db.prepare("SELECT id, role, is_active FROM users ORDER BY id").all(),
  };
  db.close();
  return state;
}

test("a reporter calling editors' actions directly is refused and nothing changes", async ({
  browser,
  baseURL,
}) => {
  const db = testDb();
  const author = db
    .prepare("SELECT id FROM users WHERE email = 'reporter@masthead.local'")
    .get() as { id: number };
  const submitted = db
    .prepare(
      "INSERT INTO stories (headline, status, author_id, submitted_at) VALUES ('待审稿', 'submitted', ?, ?) RETURNING id",
    )
    .get(author.id, Date.now()) as { id: number };
  const approved = db
    .prepare(
      "INSERT INTO stories (headline, status, author_id) VALUES ('已签发稿', 'approved', ?) RETURNING id",
    )
    .get(author.id) as { id: number };
  const issue = db
    .prepare("INSERT INTO issues (date, number) VALUES ('2032-02-02', 5) RETURNING id")
    .get() as { id: number };
  const page = db
    .prepare("INSERT INTO pages (issue_id, number, name) VALUES (?, 1, '要闻') RETURNING id")
    .get(issue.id) as { id: number };
  const live = db.prepare("SELECT id FROM issues WHERE date = '2023-02-22'").get() as {
    id: number;
  };
  db.close();

  const context = await browser.newContext({ storageState: storageStateOf("reporter") });
  const before = snapshot();
  const calls: [string, string, unknown][] = [
    [STORIES, "transitionStory", { storyId: submitted.id, action: "pass" }],
    [STORIES, "transitionStory", { storyId: submitted.id, action: "return", note: "退回" }],
    [STORIES, "transitionStory", { storyId: submitted.id, action: "spike", note: "撤稿" }],
    [STORIES, "transitionStory", { storyId: approved.id, action: "publish" }],
    [ISSUES, "placeStory", { pageId: page.id, storyId: approved.id, slot: "lead" }],
    [ISSUES, "addPage", { issueId: issue.id, name: "偷加的版", banner: null, editorId: null }],
    [ISSUES, "scheduleIssue", { issueId: issue.id, publishAt: "2032-02-02T06:00" }],
    [ISSUES, "publishNow", { issueId: issue.id }],
    [ISSUES, "unpublishIssue", { issueId: live.id, reason: "我想撤下" }],
  ];
  for (const [file, name, input] of calls) {
    const result = await callServerAction(context.request, baseURL ?? "", file, name, [input]);
    expect(result.body, `${name} ${JSON.stringify(input)}`).toMatch(/"(forbidden|not_found)"/);
  }
  expect(snapshot()).toEqual(before);
  await context.close();
});

test("an editor cannot make anyone an admin, nor deactivate people", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ storageState: storageStateOf("editor") });
  const target = await createTestUser("reporter");
  const db = testDb();
  const self = db.prepare("SELECT id FROM users WHERE email = 'editor@masthead.local'").get() as {
    id: number;
  };
  db.close();
  const before = snapshot();
  for (const [name, input] of [
    ["changeRole", { userId: target.id, role: "admin" }],
    ["changeRole", { userId: self.id, role: "admin" }],
    ["setActive", { userId: target.id, active: false }],
    [
      "createUser",
      {
        email: `x-${Date.now()}@test.local`,
        displayName: "新管理员",
        role: "admin",
        password: "long-enough-pass",
      },
    ],
  ] as const) {
    const result = await callServerAction(context.request, baseURL ?? "", PEOPLE, name, [input]);
    expect(result.body, name).toContain('"forbidden"');
  }
  expect(snapshot()).toEqual(before);
  await context.close();
});

test("an unknown desk address answers 404 in the user's language", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("editor") });
  const page = await context.newPage();
  const response = await page.goto("/desk/no/such/place");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect((await page.goto("/desk/stories/999999"))?.status()).toBe(404);
  await expect(page.getByText("找不到该内容。")).toBeVisible();
  await context.close();
});
