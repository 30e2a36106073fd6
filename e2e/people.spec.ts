// The people desk: admins manage accounts; nobody else can, by page or by direct call.
import { expect, test } from "@playwright/test";
import {
  callServerAction,
  createTestUser,
  DEMO_PASSWORD,
  signIn,
  signInAndWait,
  storageStateOf,
  testDb,
} from "./fixtures";

const ACTIONS = "app/(newsroom)/desk/people/actions.ts";

function countUsers(where: string, ...params: unknown[]): number {
  const db = testDb();
  const row = db.prepare(`SELECT count(*) AS n FROM users WHERE ${where}`).get(...params) as {
    n: number;
  };
  db.close();
  return row.n;
}

test.describe("as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates an account, resets its password; its owner must choose a new one before the desk opens", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = `new-${Date.now()}@masthead.local`;
    await page.goto("/desk/people");
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel("姓名（署名）").fill("张晶");
    await page.getByLabel("角色", { exact: true }).first().selectOption("reporter");
    await page.getByLabel("初始密码").fill("first-password-1");
    await page.getByRole("button", { name: "创建" }).click();
    await expect(page.getByRole("status")).toHaveText(`已创建账号：${email}`);
    const row = page.getByTestId(`person-${email}`);
    await expect(row).toContainText("张晶");

    await row.getByLabel("新密码").fill("second-password-2");
    await row.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByRole("status")).toHaveText(
      `已重置 ${email} 的密码。对方下次登录时须设置新密码。`,
    );

    // The new colleague signs in with what the admin chose, and must choose their own first.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await context.newPage();
    await signIn(other, email, "first-password-1");
    await expect(other.getByRole("status")).toHaveText("邮箱或密码不正确。");
    await signIn(other, email, "second-password-2");
    await expect(other).toHaveURL(/\/login\/new-password$/);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("设置新密码");
    // The desk stays shut, to pages and to actions called directly.
    await other.goto("/desk/stories");
    await expect(other).toHaveURL(/\/login\/new-password$/);
    const direct = await callServerAction(
      context.request,
      baseURL ?? "",
      "app/(newsroom)/desk/inbox/actions.ts",
      "markInboxRead",
      [{ upToId: 1 }],
    );
    expect(direct.body).toContain("password_change");
    // A new password that breaks the policy is refused with the reason.
    await other.getByLabel("当前（临时）密码").fill("second-password-2");
    await other.getByLabel("新密码").fill("password12345");
    await other.getByRole("button", { name: "设置新密码并进入采编台" }).click();
    await expect(other.locator("#newPassword-error")).toHaveText(
      "这个密码太常见（在泄露的密码清单里），请换一个。",
    );
    await other.getByLabel("新密码").fill("晨光里的印刷机转个不停");
    await other.getByRole("button", { name: "设置新密码并进入采编台" }).click();
    await expect(other.locator("#newPassword-error")).toHaveText("密码至少需要 12 个字符。");
    await other.getByLabel("新密码").fill("晨光里的印刷机转个不停了");
    await other.getByRole("button", { name: "设置新密码并进入采编台" }).click();
    await expect(other).toHaveURL(/\/desk$/);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("张晶，你好");
    await other.goto("/desk/stories");
    await expect(other).toHaveURL(/\/desk\/stories$/);
    await context.close();

    const db = testDb();
    const actions = db
      .prepare(
        "SELECT a.action FROM audit_events a JOIN users u ON a.subject_id = CAST(u.id AS TEXT) WHERE a.subject_type = 'user' AND u.email = ? ORDER BY a.id",
      )
      .all(email) as { action: string }[];
    db.close();
    expect(actions.map((a) => a.action)).toEqual([
      "user.create",
      "user.password_reset",
      "login",
      "user.password_change",
    ]);
  });

  test("bad input gets a clear message and creates nothing", async ({ page }) => {
    const before = countUsers("1 = 1");
    await page.goto("/desk/people");
    await page.getByLabel("电子邮箱").fill("not-an-email");
    await page.getByLabel("姓名（署名）").fill("某人");
    await page.getByLabel("初始密码").fill("short");
    await page.getByRole("button", { name: "创建" }).click();
    await expect(page.locator("#email-error")).toHaveText("请输入有效的电子邮箱。");
    await expect(page.locator("#password-error")).toHaveText("密码至少需要 12 个字符。");

    await page.getByLabel("电子邮箱").fill("editor@masthead.local");
    await page.getByLabel("初始密码").fill("long-enough-password");
    await page.getByRole("button", { name: "创建" }).click();
    await expect(page.locator("#email-error")).toHaveText("该邮箱已被使用。");
    expect(countUsers("1 = 1")).toBe(before);
  });

  test("cannot demote or deactivate themself", async ({ page, baseURL }) => {
    const db = testDb();
    const admin = db.prepare("SELECT id FROM users WHERE email = 'admin@masthead.local'").get() as {
      id: number;
    };
    db.close();
    const result = await callServerAction(page.request, baseURL ?? "", ACTIONS, "setActive", [
      { userId: admin.id, active: false },
    ]);
    expect(result.body).toContain("cannot_change_self");
    expect(countUsers("email = 'admin@masthead.local' AND is_active = 1")).toBe(1);
  });
});

test.describe("as a reporter", () => {
  test.use({ storageState: storageStateOf("reporter") });

  test("the people page is closed (403)", async ({ page }) => {
    const response = await page.goto("/desk/people");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  });

  test("calling the admin actions directly is refused and changes nothing", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = `sneaky-${Date.now()}@test.local`;
    const created = await callServerAction(page.request, baseURL ?? "", ACTIONS, "createUser", [
      { email, displayName: "黑客", role: "admin", password: "sneaky-password-1" },
    ]);
    expect(created.body).toContain('"forbidden"');
    expect(countUsers("email = ?", email)).toBe(0);

    const db = testDb();
    const reporter = db
      .prepare("SELECT id FROM users WHERE email = 'reporter@masthead.local'")
      .get() as { id: number };
    db.close();
    const victim = await createTestUser("editor");
    for (const [name, input] of [
      ["changeRole", { userId: reporter.id, role: "admin" }],
      ["changeRole", { userId: victim.id, role: "reporter" }],
      ["setActive", { userId: victim.id, active: false }],
      ["resetPassword", { userId: victim.id, password: "taken-over-123" }],
    ] as const) {
      const result = await callServerAction(page.request, baseURL ?? "", ACTIONS, name, [input]);
      expect(result.body, name).toContain('"forbidden"');
    }
    expect(countUsers("email = 'reporter@masthead.local' AND role = 'reporter'")).toBe(1);
    expect(countUsers("id = ? AND role = 'editor' AND is_active = 1", victim.id)).toBe(1);
    // The victim's password still works: nothing was reset.
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    await signInAndWait(await stranger.newPage(), victim.email, victim.password);
    await stranger.close();
  });
});

test("an editor cannot open the people page either", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("editor") });
  const page = await context.newPage();
  const response = await page.goto("/desk/people");
  expect(response?.status()).toBe(403);
  await context.close();
});

test("a signed-out caller of an admin action is refused", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const email = `anon-${Date.now()}@test.local`;
  const result = await callServerAction(request, baseURL ?? "", ACTIONS, "createUser", [
    { email, displayName: "匿名", role: "admin", password: DEMO_PASSWORD },
  ]);
  expect(result.status === 307 || result.body.includes('"unauthorized"')).toBe(true);
  expect(countUsers("email = ?", email)).toBe(0);
  await request.dispose();
});
