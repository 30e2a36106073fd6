// Signing in and out, and who gets past the door.
import { expect, test } from "@playwright/test";
import {
  createTestUser,
  DEMO,
  DEMO_PASSWORD,
  signIn,
  signInAndWait,
  storageStateOf,
  testDb,
} from "./fixtures";
import { SignInPage } from "./pages/sign-in";

test.describe("each demo role lands on its desk", () => {
  for (const [role, email, name, roleName] of [
    ["admin", DEMO.admin, "管理员", "管理员"],
    ["editor", DEMO.editor, "值班编辑", "编辑"],
    ["reporter", DEMO.reporter, "边磊", "记者"],
  ] as const) {
    test(`${role} signs in`, async ({ page }) => {
      await signInAndWait(page, email, DEMO_PASSWORD);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name}，你好`);
      await expect(page.getByTestId("signed-in-as")).toHaveText(`${name}（${roleName}）`);
      const nav = page.getByRole("navigation", { name: "采编导航" });
      if (role === "admin") await expect(nav.getByRole("link", { name: "人员" })).toBeVisible();
      else await expect(nav.getByRole("link", { name: "人员" })).toHaveCount(0);
    });
  }
});

test("a wrong password and an unknown e-mail get the same clear refusal", async ({ page }) => {
  await signIn(page, DEMO.editor, "not-the-password");
  await expect(page.getByRole("status")).toHaveText("邮箱或密码不正确。");
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, "nobody@masthead.local", "whatever-password");
  await expect(page.getByRole("status")).toHaveText("邮箱或密码不正确。");
});

test("a stranger's wrong passwords slow the stranger down, never lock the owner out", async ({
  page,
  browser,
}) => {
  const user = await createTestUser("admin");
  // The stranger comes from another address (the server trusts X-Real-IP, as behind nginx).
  const strangerContext = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { "X-Real-IP": "203.0.113.66" },
  });
  const stranger = await strangerContext.newPage();
  for (let i = 0; i < 5; i += 1) {
    await signIn(stranger, user.email, `wrong-password-${i}`);
    await expect(stranger.getByRole("status")).toHaveText("邮箱或密码不正确。");
  }
  await signIn(stranger, user.email, "wrong-password-5");
  await expect(stranger.getByRole("status")).toHaveText(/^失败次数过多，请 \d+ 秒后再试。$/);
  // During the wait not even the right password is checked from there…
  await signIn(stranger, user.email, user.password);
  await expect(stranger.getByRole("status")).toHaveText(/^失败次数过多，请 \d+ 秒后再试。$/);
  // …and the wait is told in English too.
  await stranger.getByRole("link", { name: "切换语言" }).click();
  await expect(stranger.getByRole("heading", { level: 1 })).toHaveText("Sign in to the newsroom");
  await signIn(stranger, user.email, "wrong-password-6");
  await expect(stranger.getByRole("status")).toHaveText(
    /^Too many failed attempts\. Try again in \d+ s\.$/,
  );
  await strangerContext.close();

  // The owner, from their own address, signs in at once.
  await signInAndWait(page, user.email, user.password);
  const db = testDb();
  const outcomes = db
    .prepare("SELECT outcome FROM login_attempts WHERE email = ? ORDER BY id")
    .all(user.email) as { outcome: string }[];
  db.close();
  expect(outcomes.map((o) => o.outcome)).toEqual([...Array(5).fill("failed"), "succeeded"]);
});

test("an anonymous visitor to the desk is sent to sign in, then back", async ({ page }) => {
  await page.goto("/desk/people");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk%2Fpeople/);
  await new SignInPage(page).submitWith(DEMO.admin, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/desk\/people$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("人员管理");
});

test("sign-in never redirects to another site", async ({ page }) => {
  await page.goto("/login?callbackUrl=https://evil.example/steal");
  const user = await createTestUser("reporter");
  await new SignInPage(page).submitWith(user.email, user.password);
  await expect(page).toHaveURL(/localhost:\d+\/$/);
});

test("signing out ends the session, even for a copy of its cookie", async ({ page, browser }) => {
  const user = await createTestUser("reporter");
  await signInAndWait(page, user.email, user.password);
  const copied = await page.context().storageState();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext({ storageState: copied });
  const replayPage = await replay.newPage();
  await replayPage.goto("/desk");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();
});

test("a user deactivated while signed in is refused at the next request", async ({
  page,
  browser,
}) => {
  const user = await createTestUser("reporter");
  await signInAndWait(page, user.email, user.password);

  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/desk/people");
  const row = adminPage.getByTestId(`person-${user.email}`);
  await row.getByRole("button", { name: "停用" }).click();
  await expect(adminPage.getByRole("status")).toHaveText(`已停用 ${user.email}。`);
  await expect(row.getByRole("cell", { name: "已停用" })).toBeVisible();
  await admin.close();

  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  // …and cannot sign in again while deactivated.
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("status")).toHaveText("邮箱或密码不正确。");

  const db = testDb();
  const audit = db
    .prepare(
      "SELECT action FROM audit_events WHERE subject_type = 'user' AND subject_id = ? ORDER BY id",
    )
    .all(String(user.id)) as { action: string }[];
  db.close();
  expect(audit.map((a) => a.action)).toEqual(["login", "user.deactivate"]);
});

test("a role change applies at the next request", async ({ page, browser }) => {
  const user = await createTestUser("admin");
  await signInAndWait(page, user.email, user.password);
  await page.goto("/desk/people");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("人员管理");

  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/desk/people");
  const row = adminPage.getByTestId(`person-${user.email}`);
  await row.getByLabel("角色").selectOption("reporter");
  await row.getByRole("button", { name: "更改角色" }).click();
  await expect(adminPage.getByRole("status")).toHaveText(`已将 ${user.email} 的角色改为记者。`);
  await admin.close();

  // Their old session ends; signed in again, they are a reporter and the page is closed to them.
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await signInAndWait(page, user.email, user.password);
  await expect(page.getByTestId("signed-in-as")).toContainText("记者");
  const response = await page.goto("/desk/people");
  expect(response?.status()).toBe(403);
});
