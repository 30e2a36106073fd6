// A reader's paper: pages, stories, the archive, search, feeds; what is not published never
// shows; every view passes axe; readers get cacheable responses and no editor code.
// Its issues (e2e/reader-fixture.ts) are added by global setup, before anything is cached.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { PUBLIC_CACHE_CONTROL } from "../lib/cache-control";
import { testDb } from "./fixtures";
import {
  READER_CORRECTION,
  READER_DATE,
  READER_PHOTO,
  type ReaderStory,
  readerStoryIds,
  SCHEDULED_DATE,
} from "./reader-fixture";

const SEED_DONGCHENG = "全国总工会赴东城调研 “县级工会加强年”专项工作";

let ids: Record<ReaderStory, number>;

test.beforeAll(() => {
  const db = testDb();
  try {
    ids = readerStoryIds(db);
  } finally {
    db.close();
  }
});

const HIDDEN = [
  "甲乙丙草稿不应出现",
  "甲乙丙撤稿不应出现",
  "甲乙丙下线不应出现",
  "甲乙丙明日稿不应出现",
];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** Parse XML in Chromium; returns the parser's error text, or the values of the given tags. */
async function parseXml(
  page: Page,
  xml: string,
  selector: string,
): Promise<{ error: string | null; values: string[] }> {
  return page.evaluate(
    ({ xml, selector }) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const error = doc.querySelector("parsererror");
      return {
        error: error ? (error.textContent ?? "parse error") : null,
        values: [...doc.querySelectorAll(selector)].map((n) => n.textContent ?? ""),
      };
    },
    { xml, selector },
  );
}

test("a reader goes from the front page through the pages to a story and the next one", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("职工时报");
  await expect(page.getByText("2023年2月22日 星期三")).toBeVisible();

  await page.goto(`/issues/${READER_DATE}/1`);
  await expect(page.getByRole("heading", { name: "第01版：要闻" })).toBeVisible();
  await expect(page.getByText("甲乙丙读者测试通栏")).toBeVisible();
  const pages = page.getByRole("navigation", { name: "版面导航" });
  await pages.getByRole("link", { name: "下一版" }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${READER_DATE}/2$`));
  await expect(page.getByRole("heading", { name: "第02版：综合新闻" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "甲乙丙二版稿件" })).toBeVisible();
  await pages.getByRole("link", { name: "第01版：要闻" }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${READER_DATE}/1$`));

  const headlines = page.getByRole("navigation", { name: "标题导航" }).getByRole("link");
  await expect(headlines).toHaveText(["甲乙丙头条：职工书屋开放", "甲乙丙第二篇：技能竞赛启动"]);
  await headlines.first().click();
  await expect(page).toHaveURL(new RegExp(`/stories/${ids.lead}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("甲乙丙头条：职工书屋开放");
  await expect(page.locator(".story-body p").first()).toContainText(
    "本报讯（记者 测试记者）甲乙丙头条",
  );
  await page.getByRole("link", { name: /下一篇/ }).click();
  await expect(page).toHaveURL(new RegExp(`/stories/${ids.second}$`));
  await expect(page.getByRole("link", { name: /上一篇/ })).toBeVisible();
  await page.getByRole("link", { name: "返回版面" }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${READER_DATE}/1$`));
});

test("photos carry srcset, caption and credit; corrections are dated", async ({ page }) => {
  const db = testDb();
  const mediaId = (
    db.prepare("SELECT media_id AS id FROM story_photos WHERE story_id = ?").get(ids.lead) as {
      id: number;
    }
  ).id;
  db.close();
  await page.goto(`/issues/${READER_DATE}/1`);
  const onPage = page.getByRole("img", { name: READER_PHOTO.alt });
  await expect(onPage).toHaveAttribute("loading", "eager");
  await page.goto(`/stories/${ids.lead}`);
  const photo = page.getByRole("figure").filter({ has: page.getByRole("img") });
  const img = photo.getByRole("img", { name: READER_PHOTO.alt });
  await expect(img).toHaveAttribute(
    "srcset",
    `/media/${mediaId}/320.webp 320w, /media/${mediaId}/640.webp 640w, /media/${mediaId}/1024.webp 1024w`,
  );
  await expect(img).toHaveAttribute("width", "1200");
  await expect(img).toHaveAttribute("height", "800");
  await expect(photo.locator("figcaption")).toContainText(READER_PHOTO.caption);
  await expect(photo.locator("figcaption")).toContainText(READER_PHOTO.credit);
  // Without photos, no <img> at all.
  await page.goto(`/stories/${ids.second}`);
  await expect(page.getByRole("main").getByRole("img")).toHaveCount(0);
  const corrections = page.getByRole("region", { name: "更正" });
  await expect(corrections).toContainText("2019年6月5日 10:30更正");
  await expect(corrections).toContainText(READER_CORRECTION.note);
  await expect(corrections.locator("time")).toHaveAttribute(
    "datetime",
    new Date(READER_CORRECTION.at).toISOString(),
  );
});

test("the archive shows published issues by month and goes to a date", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "往期", exact: true }).click();
  await expect(page).toHaveURL(/\/archive$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("往期回顾");
  const february = page.getByRole("table", { name: "2023年2月" });
  await expect(february.getByRole("link")).toHaveText(["22"]);
  await expect(february.getByRole("link", { name: "2023年2月22日 星期三，第1期" })).toHaveAttribute(
    "href",
    "/issues/2023-02-22",
  );
  await page.getByRole("navigation", { name: "年份" }).getByRole("link", { name: "2019" }).click();
  await expect(page).toHaveURL(/\/archive\/2019$/);
  await expect(page.getByRole("heading", { name: "2019年共 1 期" })).toBeVisible();
  // The scheduled issue of 4 June is not there.
  await expect(page.getByRole("table", { name: "2019年6月" }).getByRole("link")).toHaveText(["3"]);

  await page.getByLabel("日期", { exact: true }).fill("2023-02-22");
  await page.getByRole("button", { name: "前往" }).click();
  await expect(page).toHaveURL(/\/issues\/2023-02-22$/);

  await page.goto("/archive");
  await page.getByLabel("日期", { exact: true }).fill(SCHEDULED_DATE);
  await page.getByRole("button", { name: "前往" }).click();
  await expect(page.getByRole("status")).toHaveText("2019年6月4日 星期二没有出版报纸。");
  await expect(page.getByRole("link", { name: /2019年6月3日/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /2023年2月22日/ })).toBeVisible();

  await page.goto("/archive/day?date=not-a-date");
  await expect(page.getByRole("status")).toHaveText("请输入有效的日期，例如 2023-02-22。");
  expect((await page.request.get("/archive/1999")).status()).toBe(404);
  expect((await page.request.get(`/issues/${SCHEDULED_DATE}`)).status()).toBe(404);
});

test("search finds 工会 and 东城 in the seed story, highlighted, newest first", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "搜索", exact: true }).click();
  await page.getByRole("searchbox", { name: "搜索报道" }).fill("工会");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“工会”的搜索结果");
  const hit = page.getByRole("article").filter({ hasText: SEED_DONGCHENG });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator("mark").first()).toHaveText("工会");
  await expect(
    hit.getByRole("link", { name: /2023年2月22日 星期三 · 第01版：要闻/ }),
  ).toBeVisible();

  await page.getByRole("searchbox", { name: "搜索报道" }).fill("东城");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“东城”的搜索结果");
  const dongcheng = page.getByRole("article").filter({ hasText: SEED_DONGCHENG });
  await expect(dongcheng.getByRole("heading", { level: 2 })).toHaveText(SEED_DONGCHENG);
  await expect(dongcheng.locator("h2 mark")).toHaveText("东城");
  await dongcheng.getByRole("link", { name: SEED_DONGCHENG }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_DONGCHENG);

  // Newest issue first: every seed story (2023) comes before the reader issue's (2019).
  await page.goto(`/search?q=${encodeURIComponent("职工")}`);
  const found = await page
    .getByRole("article")
    .getByRole("heading", { level: 2 })
    .allTextContents();
  const firstOld = found.findIndex((h) => h.startsWith("甲乙丙"));
  expect(firstOld).toBeGreaterThan(0);
  expect(found.slice(firstOld).every((h) => h.startsWith("甲乙丙"))).toBe(true);
  await expect(page.getByRole("status")).toContainText(`共找到 ${found.length} 篇报道。`);

  // A range of issue dates keeps to the reader issue (2019); the query and the range stay.
  await page.getByLabel("到", { exact: true }).fill("2020-12-31");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/to=2020-12-31/);
  const inRange = page.getByRole("article").getByRole("heading", { level: 2 });
  await expect(inRange.first()).toBeVisible();
  expect((await inRange.allTextContents()).every((h) => h.startsWith("甲乙丙"))).toBe(true);
  await expect(page.getByRole("searchbox", { name: "搜索报道" })).toHaveValue("职工");
  await page.goto(`/search?q=${encodeURIComponent("职工")}&from=2023-02-30`);
  await expect(page.getByRole("status")).toContainText("日期格式无效");
  await expect(page.getByRole("article").first()).toBeVisible();
});

test("any search input gives results or a clear message", async ({ page }) => {
  const inputs = [
    '"',
    '"东城',
    "工会 AND",
    "NEAR(东城 工会)",
    "东城*",
    "^东城",
    "NOT",
    "'; DROP TABLE stories; --",
    "%_",
    "<script>alert(1)</script>",
    // 10,000 characters (ASCII: a URL over 16 KB is refused by Node before the app, with 431).
    "工会 ".repeat(10) + "x".repeat(10_000),
  ];
  for (const q of inputs) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q.slice(0, 20)).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("的搜索结果");
  }
  await expect(page.getByRole("status")).toContainText("搜索词过长");
  await page.goto(`/search?q=${encodeURIComponent("<script>alert(1)</script>")}`);
  await expect(page.getByRole("status")).toContainText("没有找到与“<script>alert(1)</script>”");
  await page.goto("/search?q=工会&page=abc");
  await expect(page.getByRole("article").first()).toBeVisible();
  await page.goto("/search");
  await expect(page.getByRole("status")).toHaveText(/输入关键词/);
});

// Both languages of the paper: Chinese at `/…`, English at `/en/…` (same stories, other interface).
for (const prefix of ["", "/en"]) {
  test(`nothing unpublished reaches a reader at ${prefix || "/"}…: pages, search, feed`, async ({
    page,
    request,
  }) => {
    for (const id of [ids.draft, ids.spiked, ids.withdrawn, ids.scheduled]) {
      expect((await request.get(`${prefix}/stories/${id}`)).status(), `story ${id}`).toBe(404);
    }
    expect((await request.get(`${prefix}/stories/${ids.lead}`)).status()).toBe(200);
    expect((await request.get(`${prefix}/issues/${SCHEDULED_DATE}`)).status()).toBe(404);
    expect((await request.get(`${prefix}/issues/${SCHEDULED_DATE}/1`)).status()).toBe(404);

    await page.goto(`${prefix}/issues/${READER_DATE}/1`);
    await expect(page.getByText("甲乙丙头条：职工书屋开放").first()).toBeVisible();
    for (const headline of HIDDEN) await expect(page.getByText(headline)).toHaveCount(0);
    await page.goto(`${prefix}/issues/${READER_DATE}`);
    await expect(page.getByText("甲乙丙二版稿件")).toBeVisible();
    for (const headline of HIDDEN) await expect(page.getByText(headline)).toHaveCount(0);

    await page.goto(`${prefix}/search?q=${encodeURIComponent("甲乙丙")}`);
    const found = page.getByRole("article").getByRole("heading", { level: 2 });
    await expect(found).toHaveText([
      "甲乙丙头条：职工书屋开放",
      "甲乙丙第二篇：技能竞赛启动",
      "甲乙丙二版稿件",
    ]);
    await page.goto(`${prefix}/search?q=${encodeURIComponent("乙丙")}`);
    await expect(found).toHaveCount(3);

    const feed = await request.get(`${prefix}/feed.xml`);
    expect(feed.status()).toBe(200);
    const titles = await parseXml(page, await feed.text(), "item > title");
    expect(titles.error).toBeNull();
    expect(titles.values).toContain("甲乙丙头条：职工书屋开放");
    for (const headline of HIDDEN) expect(titles.values).not.toContain(headline);
    const links = await parseXml(page, await feed.text(), "item > link");
    // Through nginx the links may be on the app's own address (see the feed test below).
    const base =
      test.info().project.name === "nginx"
        ? new URL(links.values[0] ?? feed.url()).origin
        : new URL(feed.url()).origin;
    expect(links.values).toContain(`${base}${prefix}/stories/${ids.lead}`);
    for (const link of links.values) {
      expect(link).toMatch(new RegExp(`^${base}${prefix}/stories/\\d+$`));
    }
  });
}

test("nothing unpublished reaches a reader: feed, sitemap, robots", async ({ page, request }) => {
  const feed = await request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  const feedXml = await feed.text();
  const titles = await parseXml(page, feedXml, "item > title");
  expect(titles.error).toBeNull();
  expect(titles.values).toContain(SEED_DONGCHENG);
  expect(titles.values).toContain("甲乙丙头条：职工书屋开放");
  for (const headline of HIDDEN) expect(titles.values).not.toContain(headline);
  const links = await parseXml(page, feedXml, "item > link");
  // Without SITE_URL the links are on the address the feed was first made for, and Next keeps
  // one copy whatever the Host: through nginx that may be the app's own address.
  const base =
    test.info().project.name === "nginx"
      ? new URL(links.values[0] ?? feed.url()).origin
      : new URL(feed.url()).origin;
  expect(links.values).toContain(`${base}/stories/${ids.lead}`);
  for (const link of links.values) expect(link).toMatch(new RegExp(`^${base}/stories/\\d+$`));

  const index = await parseXml(page, await (await request.get("/sitemap.xml")).text(), "loc");
  expect(index.error).toBeNull();
  expect(index.values).toEqual([`${base}/sitemaps/2023.xml`, `${base}/sitemaps/2019.xml`]);
  const seedYear = await parseXml(
    page,
    await (await request.get("/sitemaps/2023.xml")).text(),
    "loc",
  );
  const year = await parseXml(page, await (await request.get("/sitemaps/2019.xml")).text(), "loc");
  expect(seedYear.error).toBeNull();
  expect(year.error).toBeNull();
  expect(seedYear.values).toContain(`${base}/issues/2023-02-22`);
  expect(seedYear.values).toContain(`${base}/issues/2023-02-22/1`);
  expect(seedYear.values).toContain(`${base}/stories/1`);
  expect(seedYear.values).toContain(`${base}/en/stories/1`);
  expect(seedYear.values).toContain(`${base}/en/issues/2023-02-22/1`);
  for (const url of [
    `${base}/issues/${READER_DATE}`,
    `${base}/issues/${READER_DATE}/2`,
    `${base}/stories/${ids.lead}`,
    `${base}/stories/${ids.pageTwo}`,
  ]) {
    expect(year.values).toContain(url);
  }
  for (const url of [`${base}/en/issues/${READER_DATE}/2`, `${base}/en/stories/${ids.lead}`]) {
    expect(year.values).toContain(url);
  }
  for (const id of [ids.draft, ids.spiked, ids.withdrawn, ids.scheduled]) {
    expect(year.values).not.toContain(`${base}/stories/${id}`);
    expect(year.values).not.toContain(`${base}/en/stories/${id}`);
  }
  expect(year.values).not.toContain(`${base}/issues/${SCHEDULED_DATE}`);
  expect(year.values).not.toContain(`${base}/en/issues/${SCHEDULED_DATE}`);
  for (const bad of ["/sitemaps/2031.xml", "/sitemaps/2019", "/sitemaps/x.xml"]) {
    expect((await request.get(bad)).status(), bad).toBe(404);
  }

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${base}/sitemap.xml`);
  expect(robots).toContain("Disallow: /desk");
  expect(robots).toContain("Disallow: /en/search");
});

test("public responses are cacheable by a CDN and never vary on Cookie", async ({ request }) => {
  const pages = ["/", "/issues/2023-02-22/1", `/stories/${ids.lead}`, "/archive", "/archive/2019"];
  const files = ["/feed.xml", "/sitemap.xml", "/sitemaps/2023.xml", "/robots.txt"];
  const paths = [
    ...pages,
    ...pages.map((p) => (p === "/" ? "/en" : `/en${p}`)),
    `/search?q=${encodeURIComponent("工会")}`,
    `/en/search?q=${encodeURIComponent("工会")}`,
    ...files,
    "/en/feed.xml",
  ];
  for (const path of paths) {
    // With and without the old language cookie: the same answer, and no Cookie in Vary.
    for (const cookie of [undefined, "masthead-locale=en; masthead-paper-urls=1"]) {
      const response = await request.get(path, {
        headers: { "Accept-Encoding": "gzip", ...(cookie ? { Cookie: cookie } : {}) },
        maxRedirects: 0,
      });
      expect(response.status(), path).toBe(200);
      expect(response.headers().vary ?? "", path).not.toMatch(/cookie/i);
      expect(response.headers()["set-cookie"], path).toBeUndefined();
      if (files.includes(path) && path !== "/robots.txt") {
        expect(response.headers()["cache-control"], path).toBe(PUBLIC_CACHE_CONTROL);
      }
    }
  }
  for (const path of pages.slice(0, 4)) {
    const response = await request.get(path);
    const cacheControl = response.headers()["cache-control"] ?? "";
    expect(cacheControl, path).toBe(PUBLIC_CACHE_CONTROL);
    expect(cacheControl, path).not.toContain("31536000");
  }
  const feed = await request.get("/feed.xml");
  expect(feed.headers()["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
  const desk = await request.get("/login");
  expect(desk.headers()["cache-control"]).not.toContain("public");
});

test("readers load no editor code and never fetch the newsroom", async ({ page, request }) => {
  const scripts = new Set<string>();
  const newsroom: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.add(r.url());
    if (/^\/(desk|login)(\/|$)/.test(new URL(r.url()).pathname)) newsroom.push(r.url());
  });
  for (const path of [
    "/",
    `/stories/${ids.lead}`,
    "/archive",
    "/search?q=工会",
    "/en/issues/2023-02-22/1",
    `/en/stories/${ids.lead}`,
  ]) {
    await page.goto(path);
    // Whatever the page would prefetch once idle has had its chance.
    await page.waitForLoadState("networkidle");
  }
  expect(newsroom).toEqual([]);
  expect(scripts.size).toBeGreaterThan(0);
  for (const url of scripts) {
    const body = await (await request.get(url)).text();
    expect(body, url).not.toMatch(/prosemirror|tiptap/i);
  }
});

test.describe("accessibility (axe)", () => {
  for (const [name, path] of [
    ["page view", "/issues/2023-02-22/1"],
    ["story view", "/stories/1"],
    ["issue view", "/issues/2023-02-22"],
    ["archive", "/archive"],
    ["archive: no issue that day", `/archive/day?date=${SCHEDULED_DATE}`],
    ["search results", "/search?q=工会"],
    ["search prompt", "/search"],
  ] as const) {
    test(`${name} has no violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      await expect(page.getByRole("main")).toHaveCount(1);
      await expectNoAxeViolations(page);
    });
  }

  test("stories with a photo and with a correction have no violations", async ({ page }) => {
    for (const id of [ids.lead, ids.second]) {
      await page.goto(`/stories/${id}`);
      await expectNoAxeViolations(page);
    }
  });

  test("a keyboard reader reaches the content and sees where the focus is", async ({ page }) => {
    await page.goto("/issues/2023-02-22/1");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到正文" });
    await expect(skip).toBeFocused();
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});
