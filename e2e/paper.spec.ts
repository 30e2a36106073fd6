// The public paper on the seed page: front page, page view, story view, language.
import { expect, test } from "@playwright/test";
import expected from "../db/fixtures/seed-page.expected.json";
import { testDb } from "./fixtures";

const headlines = expected.articles.map((a) => a.headline);

test("the front page is the latest issue's first page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("职工时报");
  await expect(page.getByText("2023年2月22日 星期三")).toBeVisible();
  await expect(page.getByText("第1期")).toBeVisible();
  await expect(page.getByRole("heading", { name: "第01版：要闻" })).toBeVisible();
  await expect(page.getByText(expected.page.banner)).toBeVisible();
  const navigation = page.getByRole("navigation", { name: "标题导航" });
  await expect(navigation.getByRole("link")).toHaveText(headlines);
  for (const headline of headlines) {
    await expect(page.getByRole("heading", { level: 3, name: headline })).toBeVisible();
  }
});

test("a reader goes from the page to a story and on to the next one", async ({ page }) => {
  await page.goto("/issues/2023-02-22/1");
  await expect(page.getByRole("heading", { name: "第01版：要闻" })).toBeVisible();
  await page.getByRole("heading", { level: 3, name: headlines[1] }).getByRole("link").click();

  await expect(page).toHaveURL(/\/stories\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headlines[1] ?? "");
  await expect(page.getByText("——中建一局劳动和技能竞赛同时启动")).toBeVisible();
  const firstParagraph = page.locator(".story-body p").first();
  await expect(firstParagraph).toContainText("本报讯（记者 邱勇 通讯员 吴洋）“力量攥在手");
  await expect(page.locator(".story-body p")).toHaveCount(4);

  await page.getByRole("link", { name: `下一篇 → ${headlines[2]}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headlines[2] ?? "");
  await page.getByRole("link", { name: "返回版面" }).click();
  await expect(page).toHaveURL(/\/issues\/2023-02-22\/1$/);
});

test("a photo story carries its credit under the picture text", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("heading", { level: 3, name: "幸福从“头”开始" }).getByRole("link").click();
  await expect(page.getByText("本报记者 盛丽 通讯员 刘淑青 摄影报道")).toBeVisible();
});

test("the issue view lists its pages and headlines", async ({ page }) => {
  await page.goto("/issues/2023-02-22");
  await expect(page.getByRole("link", { name: "第01版：要闻" })).toBeVisible();
  await expect(page.getByRole("listitem")).toHaveText(headlines);
});

test("the language switch goes to the other language's URL; the newsroom keeps its own", async ({
  page,
}) => {
  await page.goto("/issues/2023-02-22/1");
  await page.getByRole("link", { name: "切换语言" }).click();
  await expect(page).toHaveURL(/\/en\/issues\/2023-02-22\/1$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Page 01: 要闻" })).toBeVisible();
  await expect(page.getByText("Wednesday, 22 February 2023")).toBeVisible();
  // The paper's URL is its language: the plain URL is still Chinese.
  await page.goto("/issues/2023-02-22/1");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // The newsroom's language is the user's choice, kept in a cookie.
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "登录采编系统" })).toBeVisible();
  await page.getByRole("link", { name: "切换语言" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to the newsroom" })).toBeVisible();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to the newsroom" })).toBeVisible();
  await page.getByRole("link", { name: "Switch language" }).click();
  await expect(page.getByRole("heading", { name: "登录采编系统" })).toBeVisible();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("what is not published is not there for readers", async ({ page, request }) => {
  const db = testDb();
  const editor = db.prepare("SELECT id FROM users WHERE email = 'editor@masthead.local'").get() as {
    id: number;
  };
  const draft = db
    .prepare(
      "INSERT INTO stories (headline, status, author_id, body_text) VALUES ('未发布的草稿标题', 'draft', ?, '草稿正文') RETURNING id",
    )
    .get(editor.id) as { id: number };
  db.close();
  expect((await request.get(`/stories/${draft.id}`)).status()).toBe(404);
  expect((await request.get(`/en/stories/${draft.id}`)).status()).toBe(404);
  expect((await request.get("/stories/999999")).status()).toBe(404);
  expect((await request.get("/issues/2031-01-01/1")).status()).toBe(404);
  expect((await request.get("/issues/2023-02-30/1")).status()).toBe(404);
  expect((await request.get("/no/such/page")).status()).toBe(404);
  expect((await request.get("/en/no/such/page")).status()).toBe(404);
  await page.goto("/");
  await expect(page.getByText("未发布的草稿标题")).toHaveCount(0);
});

test("readers are served from the cache", async ({ request }) => {
  await request.get("/issues/2023-02-22/1");
  if (test.info().project.name === "nginx") {
    // nginx's own copy (deploy/nginx.conf), refreshed every few seconds.
    await expect
      .poll(async () => (await request.get("/issues/2023-02-22/1")).headers()["x-cache-status"])
      .toMatch(/^(HIT|STALE|UPDATING|REVALIDATED)$/);
    return;
  }
  const second = await request.get("/issues/2023-02-22/1");
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
});
