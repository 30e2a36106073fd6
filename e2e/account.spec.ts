// A reporter's own account: changing the password ends their other sessions; the sessions list
// ends one browser; a sign-in from a new browser is reported to them.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { createTestUser, signInAndWait, testDb } from "./fixtures";

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

async function browserSignedIn(browser: Browser, user: TestUser, password = user.password) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAndWait(page, user.email, password);
  return page;
}

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/login/);
}

test("a reporter changes their password: their other browser is signed out, this one stays", async ({
  browser,
}) => {
  const user = await createTestUser("reporter");
  const laptop = await browserSignedIn(browser, user);
  const phone = await browserSignedIn(browser, user);

  await laptop
    .getByRole("navigation", { name: "采编导航" })
    .getByRole("link", { name: "我的账号" })
    .click();
  await expect(laptop).toHaveURL(/\/desk\/account$/);
  await laptop.getByLabel("当前密码").fill("not-my-password");
  await laptop.getByLabel("新密码").fill("river-lantern-copper-9");
  await laptop.getByRole("button", { name: "修改密码" }).click();
  await expect(laptop.locator("#currentPassword-error")).toHaveText("当前密码不正确。");

  await laptop.getByLabel("当前密码").fill(user.password);
  await laptop.getByLabel("新密码").fill("river-lantern-copper-9");
  await laptop.getByRole("button", { name: "修改密码" }).click();
  await expect(laptop.getByRole("status").first()).toHaveText("密码已修改，其他 1 个会话已结束。");

  await expectSignedOut(phone);
  await laptop.goto("/desk/account");
  await expect(laptop.getByRole("heading", { level: 1 })).toHaveText("我的账号");
  await expect(laptop.getByTestId("session-row")).toHaveCount(1);

  // The new password opens the desk; the old one no longer does.
  await signInAndWait(phone, user.email, "river-lantern-copper-9");
  await phone.context().close();
  await laptop.context().close();
});

test("the sessions list shows each browser; ending one signs it out; a new browser is reported", async ({
  browser,
}) => {
  const user = await createTestUser("reporter");
  const first = await browserSignedIn(browser, user);
  const second = await browserSignedIn(browser, user);

  await first.goto("/desk/account");
  const rows = first.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "本机" })).toHaveCount(1);
  await expect(rows.first()).toContainText("Chrome");
  await expect(first.getByTestId("device-row")).toHaveCount(2);

  // The second browser was new to the account: the owner is told, with what and from where.
  await first.goto("/desk/inbox");
  await expect(
    first.getByText(/^你的账号在一个新的设备上登录：Chrome · \w+ · [\d.:a-f]+$/),
  ).toBeVisible();

  await first.goto("/desk/account");
  await rows.filter({ hasNotText: "本机" }).getByRole("button", { name: "结束" }).click();
  await expect(first.getByText("已结束该会话。")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expectSignedOut(second);
  await first.reload();
  await expect(first).toHaveURL(/\/desk\/account$/);

  const db = testDb();
  const actions = db
    .prepare("SELECT action FROM audit_events WHERE actor_id = ? ORDER BY id")
    .all(user.id) as { action: string }[];
  db.close();
  expect(actions.map((a) => a.action)).toEqual([
    "login",
    "login",
    "session.new_device",
    "session.end",
  ]);
  await first.context().close();
  await second.context().close();
});
