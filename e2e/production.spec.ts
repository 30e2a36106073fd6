// Going live: `MASTHEAD_MODE=production npm start` in its own data folder and port. No demo
// content or accounts; a one-time /setup link creates the first admin with MFA; sign-in needs
// the TOTP code; editors must enrol before the desk opens; a demo password stops the start.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { hash } from "@node-rs/argon2";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import { waitForHealth } from "../scripts/lib/test-server";
import { callServerAction, DEMO, DEMO_PASSWORD } from "./fixtures";
import { enrolOnPage, signInWithCode, totpNow } from "./mfa-helpers";
import { SignInPage } from "./pages/sign-in";
import { type ProductionServer, startProduction, stopProduction } from "./production-server";

const ROOT = path.resolve(__dirname, "..");
const DATA_DIR = path.join(ROOT, "e2e", ".data", "production");
const PORT = 3140;
const BASE = `http://localhost:${PORT}`;
const ADMIN = { name: "总编辑", email: "chief@paper.example", password: "a long first password" };

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(DATA_DIR, "masthead.db"));
  db.pragma("busy_timeout = 5000");
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function run(sql: string, ...params: unknown[]): void {
  const db = new Database(path.join(DATA_DIR, "masthead.db"));
  db.pragma("busy_timeout = 5000");
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE, storageState: { cookies: [], origins: [] } });

let server: ProductionServer;
let setupUrl = "";
let adminSecret = "";
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  server = startProduction(DATA_DIR, PORT);
  await waitForHealth(PORT);
  context = await browser.newContext({ baseURL: BASE, locale: "zh-CN" });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  if (server) await stopProduction(server);
});

test("a first production start creates no demo content and prints a one-time setup link", async ({
  request,
}) => {
  const link = server.output().match(/http:\/\/localhost:3140\/setup\?token=([A-Za-z0-9_-]{43})/);
  expect(link, server.output()).not.toBeNull();
  setupUrl = link?.[0] ?? "";
  expect(server.output()).not.toContain("TRY-OUT");
  expect(query("SELECT id FROM users")).toEqual([]);
  expect(query("SELECT id FROM issues")).toEqual([]);
  expect(query("SELECT id FROM stories")).toEqual([]);
  // The token is stored hashed.
  const token = link?.[1] ?? "";
  const stored = query<{ tokenHash: string }>("SELECT token_hash AS tokenHash FROM setup_tokens");
  expect(stored).toHaveLength(1);
  expect(stored[0]?.tokenHash).not.toContain(token);

  expect((await request.get("/setup")).status()).toBe(404);
  expect((await request.get(`/setup?token=${token.slice(0, -1)}x`)).status()).toBe(404);

  await new SignInPage(page).signIn(DEMO.admin, DEMO_PASSWORD);
  await expect(page.getByRole("status")).toHaveText("邮箱或密码不正确。");
});

test("/setup creates the first admin with MFA once, then answers 404 and refuses the used token", async ({
  request,
}) => {
  await page.goto(setupUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("创建第一位管理员");
  adminSecret = ((await page.getByTestId("mfa-secret").textContent()) ?? "").trim();
  await page.getByLabel("姓名（署名）").fill(ADMIN.name);
  await page.getByLabel("电子邮箱").fill(ADMIN.email);
  await page.getByLabel("密码", { exact: true }).fill("too short");
  await page.getByLabel(/6 位验证码/).fill(totpNow(adminSecret));
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page.locator("#password-error")).toHaveText("密码至少需要 12 个字符。");
  expect(query("SELECT id FROM users")).toEqual([]);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual(
    [],
  );

  await page.getByLabel("密码", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page.getByRole("heading", { name: "管理员已创建" })).toBeVisible();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  expect(query("SELECT role FROM users")).toEqual([{ role: "admin" }]);

  expect((await request.get(setupUrl)).status()).toBe(404);
  expect((await request.get("/setup")).status()).toBe(404);
  const replay = await callServerAction(
    request,
    BASE,
    "app/(newsroom)/setup/actions.ts",
    "createFirstAdmin",
    [
      {
        token: new URL(setupUrl).searchParams.get("token"),
        displayName: "冒充者",
        email: "intruder@paper.example",
        password: "another long password",
        code: totpNow(adminSecret, 30_000),
      },
    ],
  );
  expect(replay.body).toContain("not_found");
  expect(query("SELECT email FROM users")).toEqual([{ email: ADMIN.email }]);
});

test("the admin signs in with the password and then a TOTP code; the desk shows no demo banner", async () => {
  await page.goto("/login");
  await signInWithCode(page, ADMIN.email, ADMIN.password, "000000");
  await expect(page.getByRole("status")).toHaveText(/验证码不正确或已用过/);
  expect(query("SELECT id FROM sessions")).toEqual([]);
  await page.getByLabel("验证码或恢复码").fill(totpNow(adminSecret, 30_000));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText("总编辑（管理员）");
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);
});

test("an editor created by an admin sets a password, then is sent to enrolment and cannot use the desk until enrolled", async ({
  browser,
}) => {
  const email = "editor@paper.example";
  await page.goto("/desk/people");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("姓名（署名）").fill("值班编辑");
  await page.getByLabel("角色", { exact: true }).first().selectOption("editor");
  await page.getByLabel("初始密码").fill("lamp-river-4217");
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("status")).toHaveText(`已创建账号：${email}`);

  const editorContext = await browser.newContext({ baseURL: BASE, locale: "zh-CN" });
  const editor = await editorContext.newPage();
  await new SignInPage(editor).signIn(email, "lamp-river-4217");
  // A password the admin chose is replaced first; then the second factor is enrolled.
  await expect(editor).toHaveURL(/\/login\/new-password$/);
  await editor.getByLabel("当前（临时）密码").fill("lamp-river-4217");
  await editor.getByLabel("新密码").fill("夜班印刷厂的机器还在一直转");
  await editor.getByRole("button", { name: "设置新密码并进入采编台" }).click();
  await expect(editor).toHaveURL(/\/login\/enrol$/);
  await expect(editor.getByText("本报要求编辑和管理员开启两步验证")).toBeVisible();
  for (const path of ["/desk", "/desk/stories", "/desk/review"]) {
    await editor.goto(path);
    await expect(editor).toHaveURL(/\/login\/enrol$/);
  }
  const save = await editor.request.put("/api/stories/1", {
    headers: { Origin: BASE, "Content-Type": "application/json" },
    data: {},
  });
  expect(save.status()).toBe(401);

  await enrolOnPage(editor);
  await editor.getByRole("link", { name: "我已保存恢复码，进入采编台" }).click();
  await expect(editor).toHaveURL(/\/desk$/);
  await expect(editor.getByTestId("signed-in-as")).toHaveText("值班编辑（编辑）");
  await editorContext.close();
});

test("production refuses to start while an account has the demo password, and says why", async () => {
  await stopProduction(server);
  const editorHash = query<{ passwordHash: string }>(
    "SELECT password_hash AS passwordHash FROM users WHERE email = 'editor@paper.example'",
  )[0]?.passwordHash;
  const demoHash = await hash(DEMO_PASSWORD);
  run("UPDATE users SET password_hash = ? WHERE email = 'editor@paper.example'", demoHash);

  const refused = startProduction(DATA_DIR, PORT);
  const code = await refused.exited;
  expect(code).not.toBe(0);
  expect(refused.output()).toContain("Refusing to start in production");
  expect(refused.output()).toContain("editor@paper.example");
  expect(refused.output()).toContain("npm run user -- reset-password <email>");
  expect(refused.output()).not.toContain("Serving at");

  // With the password changed it starts again, and prints no setup link: the paper has users.
  run("UPDATE users SET password_hash = ? WHERE email = 'editor@paper.example'", editorHash);
  server = startProduction(DATA_DIR, PORT);
  await waitForHealth(PORT);
  expect(server.output()).not.toContain("/setup?token=");
  expect(query("SELECT id FROM users WHERE email LIKE '%@masthead.local'")).toEqual([]);
});
