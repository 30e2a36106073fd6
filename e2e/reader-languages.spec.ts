// The reader's language is in the URL (#15): Chinese at `/…`, English at `/en/…`, with no
// cookie; hreflang and canonical links on every page; the switch goes to the other URL and keeps
// the query; a reader who chose English under the old cookie scheme is moved to `/en/…` once.
import { expect, type Page, test } from "@playwright/test";
import { testDb } from "./fixtures";
import { READER_DATE, readerStoryIds } from "./reader-fixture";

let leadId: number;

test.beforeAll(() => {
  const db = testDb();
  try {
    leadId = readerStoryIds(db).lead;
  } finally {
    db.close();
  }
});

test.use({ storageState: { cookies: [], origins: [] } });

test("/en/ pages are in English with no cookie, / pages in Chinese", async ({ page, context }) => {
  expect(await context.cookies()).toEqual([]);
  await page.goto("/en/issues/2023-02-22/1");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Page 01: 要闻" })).toBeVisible();
  await expect(page.getByText("Wednesday, 22 February 2023")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Front page" });
  await expect(nav.getByRole("link", { name: "Archive", exact: true })).toHaveAttribute(
    "href",
    "/en/archive",
  );

  // Following links stays in English.
  await page.getByRole("navigation", { name: "Headlines" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/en\/stories\/\d+$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Back to the page" }).click();
  await expect(page).toHaveURL(/\/en\/issues\/2023-02-22\/1$/);

  await page.goto("/en");
  await expect(page.getByText("Wednesday, 22 February 2023")).toBeVisible();
  await page.goto("/en/archive");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive");
  await page.goto(`/en/search?q=${encodeURIComponent("工会")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “工会”");

  await page.goto("/issues/2023-02-22/1");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "第01版：要闻" })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
});

async function linksOf(page: Page) {
  return page.evaluate(() => ({
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null,
    alternates: Object.fromEntries(
      [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [
        l.getAttribute("hreflang"),
        l.getAttribute("href"),
      ]),
    ),
  }));
}

test("every public page has its canonical URL and hreflang alternates", async ({ page }) => {
  const paths = [
    "/",
    "/issues/2023-02-22",
    "/issues/2023-02-22/1",
    `/stories/${leadId}`,
    "/archive",
    "/archive/2019",
    `/archive/day?date=${READER_DATE}x`,
    `/search?q=${encodeURIComponent("工会")}`,
  ];
  for (const path of paths) {
    const english = path === "/" ? "/en" : `/en${path}`;
    const expected = { "zh-CN": path, en: english, "x-default": path };
    for (const url of [path, english]) {
      await page.goto(url);
      const found = await linksOf(page);
      // Relative without SITE_URL (as here); absolute on its origin when it is set.
      expect(found.canonical, url).toBe(url);
      expect(found.alternates, url).toEqual(expected);
    }
  }
});

test("the language switch goes to the other URL, keeps the query and names what it shows", async ({
  page,
}) => {
  const q = encodeURIComponent("工会");
  await page.goto(`/search?q=${q}`);
  const toEnglish = page.getByRole("link", { name: /English/ });
  // WCAG 2.5.3: the accessible name holds the visible text.
  await expect(toEnglish).toHaveText("切换语言 English");
  await expect(toEnglish).toHaveAccessibleName("切换语言 English");
  await expect(toEnglish.locator('[lang="en"]')).toHaveText("English");
  await toEnglish.click();
  await expect(page).toHaveURL(new RegExp(`/en/search\\?q=${q}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “工会”");
  await expect(page.getByRole("searchbox")).toHaveValue("工会");

  const toChinese = page.getByRole("link", { name: /中文/ });
  await expect(toChinese).toHaveAccessibleName("Switch language 中文");
  await toChinese.click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${q}$`));
  expect(new URL(page.url()).pathname).toBe("/search");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“工会”的搜索结果");

  // A cached page: the query is there too once the page runs.
  await page.goto(`/stories/${leadId}?from=feed`);
  await page.getByRole("link", { name: /English/ }).click();
  await expect(page).toHaveURL(new RegExp(`/en/stories/${leadId}\\?from=feed$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/en");
  await page.getByRole("link", { name: /中文/ }).click();
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("a reader who chose English under the old cookie is moved to /en/… once", async ({
  page,
  context,
  baseURL,
  request,
}) => {
  // The answer itself: a redirect no cache may keep, and the marker that it happened.
  const answer = await request.get("/issues/2023-02-22/1?x=1", {
    headers: { Cookie: "masthead-locale=en" },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(307);
  expect(answer.headers().location).toBe("/en/issues/2023-02-22/1?x=1");
  expect(answer.headers()["cache-control"]).toContain("no-store");
  expect(answer.headers()["set-cookie"]).toContain("masthead-paper-urls=1");
  const chinese = await request.get("/issues/2023-02-22/1", {
    headers: { Cookie: "masthead-locale=zh-CN" },
    maxRedirects: 0,
  });
  expect(chinese.status()).toBe(200);

  await context.addCookies([{ name: "masthead-locale", value: "en", url: baseURL ?? "" }]);
  await page.goto(`/stories/${leadId}`);
  await expect(page).toHaveURL(new RegExp(`/en/stories/${leadId}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // Choosing Chinese afterwards sticks: no second move.
  await page.getByRole("link", { name: /中文/ }).click();
  await expect(page).toHaveURL(new RegExp(`:\\d+/stories/${leadId}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.goto("/");
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  // The newsroom keeps the cookie's language.
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to the newsroom" })).toBeVisible();
});
