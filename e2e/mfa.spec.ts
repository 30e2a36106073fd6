// Two-step verification in the try-out (optional there): enrolment from the security page,
// sign-in asks for the code, recovery codes work once, an admin resets another account's MFA.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import {
  callServerAction,
  createTestUser,
  signInAndWait,
  storageStateOf,
  testDb,
} from "./fixtures";
import { enrolOnPage, signInWithCode, totpNow } from "./mfa-helpers";

const PEOPLE_ACTIONS = "app/(newsroom)/desk/people/actions.ts";

async function expectAccessible(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual(
    [],
  );
}

function enrolmentOf(userId: number): { confirmed: boolean } | null {
  const db = testDb();
  const row = db
    .prepare("SELECT confirmed_at AS confirmedAt FROM mfa_enrolments WHERE user_id = ?")
    .get(userId) as { confirmedAt: number | null } | undefined;
  db.close();
  return row ? { confirmed: row.confirmedAt !== null } : null;
}

test("an editor turns on two-step verification; sign-in then asks for the code", async ({
  page,
}) => {
  const editor = await createTestUser("editor");
  await signInAndWait(page, editor.email, editor.password);
  await page.getByRole("navigation").getByRole("link", { name: "账号安全" }).click();
  await expect(page).toHaveURL(/\/desk\/security$/);
  await expect(page.getByText("尚未开启两步验证。")).toBeVisible();
  await page.getByRole("button", { name: "开启两步验证" }).click();
  await page.getByLabel(/6 位验证码/).fill("000000");
  await page.getByRole("button", { name: "确认开启" }).click();
  await expect(page.getByRole("status")).toHaveText(/验证码不正确/);
  expect(enrolmentOf(editor.id)).toEqual({ confirmed: false });
  await expectAccessible(page);
  await page.reload();
  const { secret } = await enrolOnPage(page);
  expect(enrolmentOf(editor.id)).toEqual({ confirmed: true });

  await page.getByRole("link", { name: "我已保存恢复码，进入采编台" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await page.getByRole("link", { name: "账号安全" }).click();
  await expect(page.getByText("两步验证已开启。")).toBeVisible();
  await expect(page.getByText("剩余可用的恢复码：10 个。")).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The code of the enrolment's step is spent; a wrong code is refused; the next one works.
  await signInWithCode(page, editor.email, editor.password, "123456");
  await expect(page.getByRole("status")).toHaveText(/验证码不正确或已用过/);
  await expectAccessible(page);
  await page.getByLabel("验证码或恢复码").fill(totpNow(secret, 30_000));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(editor.displayName);
});

test("a recovery code signs in once, then never again", async ({ page }) => {
  const reporter = await createTestUser("reporter");
  await signInAndWait(page, reporter.email, reporter.password);
  await page.goto("/desk/security");
  const { recoveryCodes } = await enrolOnPage(page);
  const [code] = recoveryCodes;
  if (!code) throw new Error("no recovery code");
  await page.getByRole("link", { name: "我已保存恢复码，进入采编台" }).click();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signInWithCode(page, reporter.email, reporter.password, code.toUpperCase());
  await expect(page).toHaveURL(/\/desk$/);
  await page.goto("/desk/security");
  await expect(page.getByText("剩余可用的恢复码：9 个。")).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signInWithCode(page, reporter.email, reporter.password, code);
  await expect(page.getByRole("status")).toHaveText(/验证码不正确或已用过/);
  await expect(page).toHaveURL(/\/login/);
});

test.describe("resetting another account's two-step verification", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin resets it: the account is signed out, signs in with its password alone, and it is audited", async ({
    page,
    browser,
  }) => {
    const editor = await createTestUser("editor");
    const userContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const userPage = await userContext.newPage();
    await signInAndWait(userPage, editor.email, editor.password);
    await userPage.goto("/desk/security");
    await enrolOnPage(userPage);

    await page.goto("/desk/people");
    const row = page.getByTestId(`person-${editor.email}`);
    await expect(row).toContainText("已开启");
    await row.getByRole("button", { name: "重置两步验证" }).click();
    await expect(page.getByRole("status")).toHaveText(
      `已重置 ${editor.email} 的两步验证，该账号已退出登录，下次登录时需重新开启。`,
    );
    await expect(row).toContainText("未开启");
    await expect(row.getByRole("button", { name: "重置两步验证" })).toHaveCount(0);
    expect(enrolmentOf(editor.id)).toBeNull();

    await userPage.goto("/desk");
    await expect(userPage).toHaveURL(/\/login/);
    await signInAndWait(userPage, editor.email, editor.password);
    await userContext.close();

    const db = testDb();
    const audit = db
      .prepare(
        "SELECT a.actor_id AS actorId FROM audit_events a WHERE a.action = 'mfa.reset' AND a.subject_id = ?",
      )
      .all(String(editor.id)) as { actorId: number }[];
    const admin = db.prepare("SELECT id FROM users WHERE email = 'admin@masthead.local'").get() as {
      id: number;
    };
    db.close();
    expect(audit).toEqual([{ actorId: admin.id }]);
  });

  test("the try-out shows its demo banner on every desk page", async ({ page }) => {
    for (const path of ["/desk", "/desk/people", "/desk/security", "/desk/stories"]) {
      await page.goto(path);
      await expect(page.getByTestId("demo-banner")).toContainText("试用模式");
    }
  });
});

test.describe("refusals", () => {
  test.use({ storageState: storageStateOf("reporter") });

  test("a reporter calling the reset action directly is refused and nothing changes", async ({
    browser,
    request,
    baseURL,
  }) => {
    const editor = await createTestUser("editor");
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signInAndWait(page, editor.email, editor.password);
    await page.goto("/desk/security");
    await enrolOnPage(page);
    await context.close();
    const result = await callServerAction(request, baseURL ?? "", PEOPLE_ACTIONS, "resetMfa", [
      { userId: editor.id },
    ]);
    expect(result.body).toContain("forbidden");
    expect(enrolmentOf(editor.id)).toEqual({ confirmed: true });
  });
});
