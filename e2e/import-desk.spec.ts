// The import desk: an editor pastes a page, corrects the reading and imports it onto a page
// of an issue; files in GBK, bad files and a batch; a reporter is kept out, by page and by
// direct call.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { callServerAction, storageStateOf, testDb } from "./fixtures";

const ROOT = path.resolve(__dirname, "..");
const ACTIONS = "app/(newsroom)/desk/import/actions.ts";
const seedText = fs.readFileSync(path.join(ROOT, "db/fixtures/seed-page.txt"), "utf8");
const seedBytes = fs.readFileSync(path.join(ROOT, "db/fixtures/seed-page.txt"));
const gbkFile = path.join(__dirname, "files", "gbk-page.txt");
const pngBytes = fs.readFileSync(path.join(__dirname, "files", "photo.png"));
const SEED_HEADLINES = [
  "全国总工会赴东城调研 “县级工会加强年”专项工作",
  "全总文工团走进项目工地慰问一线建设者",
  "市推进产业工人队伍建设改革工作评价组赴石景山调研",
  "网易集团(北京)工会正式成立",
  "幸福从“头”开始",
  "长安汽车职工聆听党的二十大精神宣讲会",
  "平谷区滨河街道职工沟通会答疑解惑",
];

function count(sql: string, ...params: unknown[]): number {
  const db = testDb();
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}
const storyCount = () => count("SELECT count(*) AS n FROM stories");
const auditCount = () => count("SELECT count(*) AS n FROM audit_events");

const cards = (page: Page) => page.getByTestId("story-card");
const fileInput = (page: Page) => page.getByLabel("或上传文本文件（.txt，可多选）");
const status = (page: Page) => page.getByTestId("import-notice");

test.describe("as an editor", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("pastes the seed page, corrects a line, imports it onto a new page and finds the stories laid out", async ({
    page,
  }) => {
    await page.goto("/desk");
    await page.getByRole("link", { name: "导入版面" }).click();
    await expect(page).toHaveURL(/\/desk\/import$/);
    await page.getByLabel("粘贴版面文本").fill(seedText);
    await page.getByRole("button", { name: "解析", exact: true }).click();

    await expect(cards(page)).toHaveCount(7);
    for (const [i, headline] of SEED_HEADLINES.entries()) {
      await expect(cards(page).nth(i).getByLabel("主题", { exact: true })).toHaveValue(headline);
    }
    await expect(page.getByTestId("import-banner")).toContainText("深入学习贯彻党的二十大精神");
    // Roles are written out, not only coloured.
    const subheadLine = page
      .getByTestId("source-line")
      .filter({ hasText: "中建一局劳动和技能竞赛同时启动" });
    await expect(subheadLine).toHaveAttribute("data-role", "subheadline");
    await expect(subheadLine.getByRole("combobox")).toHaveValue("subheadline");
    await expect(subheadLine).toContainText("稿 2");

    const second = cards(page).nth(1);
    await expect(second.getByLabel("副题")).toHaveValue("中建一局劳动和技能竞赛同时启动");
    await expect(second.getByTestId("story-paragraph")).toHaveCount(4);
    await subheadLine.getByRole("combobox").selectOption("body");
    await expect(subheadLine).toHaveAttribute("data-role", "body");
    await expect(second.getByLabel("副题")).toHaveValue("");
    await expect(second.getByTestId("story-paragraph")).toHaveCount(5);
    await expect(second.getByTestId("story-paragraph").first()).toContainText(
      "中建一局劳动和技能竞赛同时启动",
    );
    await expect(second.getByLabel("记者")).toHaveValue("邱勇");
    await expect(second.getByLabel("通讯员")).toHaveValue("吴洋");

    // A name typed in the card goes in with the story.
    await cards(page).nth(6).getByLabel("记者").fill("马超、刘洋");
    await cards(page).nth(6).getByLabel("记者").blur();

    const before = storyCount();
    await page.getByLabel("出版日期").fill("2032-04-01");
    await page.getByLabel("版次").fill("3");
    await page.getByLabel("版名（新建版面时使用）").fill("导入测试");
    await page.getByRole("button", { name: "导入 7 篇稿件" }).click();
    await expect(status(page)).toContainText("已把 7 篇稿件导入到 2032-04-01 第 3 版。");
    expect(storyCount()).toBe(before + 7);

    await page.getByRole("link", { name: "打开版面编排" }).click();
    await expect(page).toHaveURL(/\/desk\/issues\/\d+\?page=3$/);
    await expect(page.getByRole("link", { name: "03 导入测试" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    const preview = page.getByTestId("layout-preview");
    for (const headline of SEED_HEADLINES) await expect(preview).toContainText(headline);

    const db = testDb();
    const rows = db
      .prepare(
        `SELECT s.headline, s.subheadline, s.status, s.byline, pl.position FROM stories s
         JOIN placements pl ON pl.story_id = s.id JOIN pages p ON p.id = pl.page_id
         JOIN issues i ON i.id = p.issue_id
         WHERE i.date = '2032-04-01' AND p.number = 3 ORDER BY pl.position`,
      )
      .all() as { headline: string; subheadline: string | null; status: string; byline: string }[];
    db.close();
    expect(rows.map((r) => r.headline)).toEqual(SEED_HEADLINES);
    expect(rows[1]?.subheadline).toBeNull();
    expect(rows.every((r) => r.status === "approved")).toBe(true);
    expect(JSON.parse(rows[6]?.byline ?? "{}").reporters).toEqual(["马超", "刘洋"]);
  });

  test("reads an uploaded GBK file as Chinese", async ({ page }) => {
    await page.goto("/desk/import");
    await fileInput(page).setInputFiles(gbkFile);
    await expect(status(page)).toContainText("已读取 gbk-page.txt（gb18030 编码）。");
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first().getByLabel("主题", { exact: true })).toHaveValue(
      "职工书屋在朝阳区开放",
    );
    await expect(cards(page).first().getByLabel("记者")).toHaveValue("王敏");
    await expect(page.getByTestId("source-line").first()).toContainText("职工书屋在朝阳区开放");
    await expect(page.getByLabel("粘贴版面文本")).toHaveValue(/朝阳区职工书屋正式开放/);
  });

  test("shows the rule behind each line and flags an uncertain story", async ({ page }) => {
    const stacks = fs.readFileSync(
      path.join(ROOT, "lib/import/fixtures/headline-stacks.txt"),
      "utf8",
    );
    await page.goto("/desk/import");
    await page.getByLabel("粘贴版面文本").fill(stacks);
    await page.getByRole("button", { name: "解析", exact: true }).click();
    await expect(cards(page)).toHaveCount(5);
    const line = (text: string) => page.getByTestId("source-line").filter({ hasText: text });
    await expect(line("节日不打烊——").getByTestId("line-rule")).toHaveText("以——结尾为引题");
    await expect(line("【融媒精品】").getByTestId("line-rule")).toHaveText("栏目标签");
    await expect(line("技能提升 助力发展").getByTestId("line-rule")).toHaveText(
      "压成一行的标题组，按空格切分",
    );
    // The plain story is sure; the split stack and the index line are flagged, with the reason.
    await expect(cards(page).nth(0).getByTestId("story-confidence")).toHaveText("把握 100%");
    const stack = cards(page).nth(3);
    await expect(stack).toHaveAttribute("data-flagged", "false");
    await expect(stack.getByLabel("引题")).toHaveValue("技能提升 助力发展");
    await expect(stack.getByLabel("主题", { exact: true })).toHaveValue("城南区举办职工技能大赛");
    const index = cards(page).nth(4);
    await expect(index).toHaveAttribute("data-flagged", "true");
    await expect(index.getByTestId("story-confidence")).toHaveText("把握 65% · 待核对");
    await expect(page.getByTestId("import-flagged")).toHaveText("1 篇把握不足，请核对");
    await expect(index).toContainText("标题来自索引行");
    // An editor's correction is named as such.
    await line("节日不打烊——").getByRole("combobox").selectOption("headline");
    await expect(line("节日不打烊——").getByTestId("line-rule")).toHaveText("编辑已改");
  });

  test("an empty file and a binary file get a clear message and create nothing", async ({
    page,
  }) => {
    const stories = storyCount();
    const audit = auditCount();
    await page.goto("/desk/import");
    await fileInput(page).setInputFiles({
      name: "empty.txt",
      mimeType: "text/plain",
      buffer: Buffer.alloc(0),
    });
    await expect(status(page)).toContainText("empty.txt：文件是空的，没有可导入的文字。");
    await expect(cards(page)).toHaveCount(0);

    await fileInput(page).setInputFiles({
      name: "scan.txt",
      mimeType: "text/plain",
      buffer: pngBytes,
    });
    await expect(status(page)).toContainText(
      "scan.txt：这不是文本文件（像是 PDF、图片或 Word 文档），请上传 .txt 文本。",
    );
    await expect(cards(page)).toHaveCount(0);

    // Pasting nothing says so too, and importing without a date is refused with a reason.
    await page.getByRole("button", { name: "解析", exact: true }).click();
    await expect(status(page)).toContainText("文件是空的，没有可导入的文字。");
    await page.getByLabel("粘贴版面文本").fill(seedText);
    await page.getByRole("button", { name: "解析", exact: true }).click();
    await page.getByRole("button", { name: "导入 7 篇稿件" }).click();
    await expect(status(page)).toContainText("期的日期须为真实日期，格式 YYYY-MM-DD。");
    // The demo issue is published: its layout is closed.
    await page.getByLabel("出版日期").fill("2023-02-22");
    await page.getByRole("button", { name: "导入 7 篇稿件" }).click();
    await expect(status(page)).toContainText("这一期已经出版，不能这样修改。");
    expect(storyCount()).toBe(stories);
    expect(auditCount()).toBe(audit);
  });

  test("a batch of three files, one of them empty, imports the good two and says why not the third", async ({
    page,
  }) => {
    await page.goto("/desk/import");
    await page.getByLabel("出版日期").fill("2032-04-02");
    await page.getByLabel("版次").fill("1");
    await page.getByLabel("存为草稿（上版前须过审）").check();
    await fileInput(page).setInputFiles([
      { name: "01-seed.txt", mimeType: "text/plain", buffer: seedBytes },
      { name: "02-empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
      { name: "03-gbk.txt", mimeType: "text/plain", buffer: fs.readFileSync(gbkFile) },
    ]);
    await expect(page.getByText("已选择 3 个文件，将按文件名顺序导入到第 1–3 版。")).toBeVisible();
    await page.getByRole("button", { name: "导入这 3 个文件" }).click();
    await expect(page.getByTestId("batch-progress")).toHaveText(
      "3 个文件处理完毕：2 个已导入，1 个未导入。",
    );
    const results = page.getByTestId("batch-results").getByRole("listitem");
    await expect(results).toHaveCount(3);
    await expect(results.nth(0)).toHaveAttribute("data-state", "ok");
    await expect(results.nth(0)).toContainText("已导入 7 篇稿件到第 1 版");
    await expect(results.nth(1)).toHaveAttribute("data-state", "failed");
    await expect(results.nth(1)).toContainText("未导入：文件是空的，没有可导入的文字。");
    await expect(results.nth(2)).toContainText("已导入 1 篇稿件到第 3 版");

    const pages = (() => {
      const db = testDb();
      const rows = db
        .prepare(
          `SELECT p.number, count(pl.id) AS n FROM pages p JOIN issues i ON i.id = p.issue_id
           LEFT JOIN placements pl ON pl.page_id = p.id WHERE i.date = '2032-04-02'
           GROUP BY p.id ORDER BY p.number`,
        )
        .all();
      db.close();
      return rows;
    })();
    expect(pages).toEqual([
      { number: 1, n: 7 },
      { number: 3, n: 1 },
    ]);
    expect(
      count(
        `SELECT count(*) AS n FROM stories s JOIN placements pl ON pl.story_id = s.id
         JOIN pages p ON p.id = pl.page_id JOIN issues i ON i.id = p.issue_id
         WHERE i.date = '2032-04-02' AND s.status = 'draft'`,
      ),
    ).toBe(8);

    await results.nth(2).getByRole("link", { name: "打开版面编排" }).click();
    await expect(page).toHaveURL(/\/desk\/issues\/\d+\?page=3$/);
  });
});

test.describe("as a reporter", () => {
  test.use({ storageState: storageStateOf("reporter") });

  test("the import desk is closed (403) and not in the navigation", async ({ page }) => {
    const response = await page.goto("/desk/import");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
    await expect(page.getByRole("link", { name: "导入版面" })).toHaveCount(0);
  });

  test("a direct call of the import action is refused and writes nothing", async ({
    page,
    baseURL,
  }) => {
    const stories = storyCount();
    const audit = auditCount();
    const result = await callServerAction(
      page.request,
      baseURL ?? "",
      ACTIONS,
      "importReviewedPage",
      [
        {
          date: "2032-04-03",
          pageNumber: 1,
          status: "approved",
          page: {
            banner: null,
            articles: [
              {
                kicker: null,
                headline: "记者自己导入的稿件",
                subheadline: null,
                kind: "news",
                byline: {
                  dateline: "本报讯",
                  reporters: ["记者"],
                  correspondents: [],
                  photographers: [],
                },
                paragraphs: ["不该出现在版面上。"],
              },
            ],
          },
        },
      ],
    );
    expect(result.body).toContain('"forbidden"');
    expect(count("SELECT count(*) AS n FROM issues WHERE date = '2032-04-03'")).toBe(0);
    expect(storyCount()).toBe(stories);
    expect(auditCount()).toBe(audit);
  });
});
