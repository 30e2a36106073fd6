// WCAG 2.5.3 label in name, and the standard WCAG 2 A/AA rules, over the desk as every role
// and over the reader pages, in both languages: a control's accessible name contains the text
// it shows, so a voice-control user can say what they see.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO, type DemoRole, storageStateOf } from "./fixtures";

const LANGUAGES = ["zh-CN", "en"] as const;
type Language = (typeof LANGUAGES)[number];
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

function listViolations(
  violations: { id: string; nodes: { target: unknown[]; html: string }[] }[],
) {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} ${n.html}`));
}

/** Axe's label-in-name rule (experimental, so named explicitly) and the WCAG 2 A/AA rules. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const labelInName = await new AxeBuilder({ page })
    .withRules(["label-content-name-mismatch"])
    // The language switch is being rewritten (language in the URL) and fixed there.
    .exclude('a[href^="/api/locale"]')
    .analyze();
  expect.soft(listViolations(labelInName.violations), `label in name on ${where}`).toEqual([]);
  // axe leaves glyph-only buttons (↑, ↓, ⠿) "incomplete": WCAG 2.5.3 does not cover symbols.
  // Sanity: the rule did look at something on the page, so a pass means something.
  expect(
    labelInName.passes.length + labelInName.inapplicable.length + labelInName.incomplete.length,
    `rule ran on ${where}`,
  ).toBeGreaterThan(0);
  const wcag = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect.soft(listViolations(wcag.violations), `WCAG 2 A/AA on ${where}`).toEqual([]);
}

async function contextFor(browser: Browser, role: DemoRole | null, language: Language) {
  const context = await browser.newContext(
    role ? { storageState: storageStateOf(role) } : { storageState: { cookies: [], origins: [] } },
  );
  await context.addCookies([
    { name: "masthead-locale", value: language, url: "http://localhost:3100" },
  ]);
  return context;
}

/** The desk pages a role reaches: its navigation, and the first story, issue and proof page. */
async function deskPages(page: Page): Promise<string[]> {
  await page.goto("/desk");
  const nav = page.getByRole("navigation", { name: /采编导航|Newsroom navigation/ });
  const hrefs = await nav
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const pages = new Set(hrefs.filter((h) => h.startsWith("/desk")));
  for (const [list, pattern] of [
    ["/desk/stories", /^\/desk\/stories\/\d+$/],
    ["/desk/review", /^\/desk\/stories\/\d+$/],
    ["/desk/issues", /^\/desk\/issues\/\d+$/],
    ["/desk/proofread", /^\/desk\/proofread\/\d+$/],
  ] as const) {
    if (!pages.has(list)) continue;
    await page.goto(list);
    const links = await page
      .getByRole("main")
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const found = links.find((h) => pattern.test(h));
    if (found) {
      pages.add(found);
      if (list === "/desk/stories") pages.add(`${found}/history`);
    }
  }
  if (pages.has("/desk/stories")) pages.add("/desk/stories/new");
  return [...pages];
}

for (const role of Object.keys(DEMO) as DemoRole[]) {
  test(`the desk as ${role}: every control's name holds its visible text`, async ({ browser }) => {
    test.setTimeout(180_000);
    for (const language of LANGUAGES) {
      const context = await contextFor(browser, role, language);
      const page = await context.newPage();
      const pages = await deskPages(page);
      expect(pages.length).toBeGreaterThan(2);
      for (const path of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBeLessThan(400);
        await expect(page.getByRole("main")).toBeVisible();
        await expectAccessible(page, `${path} (${role}, ${language})`);
      }
      await context.close();
    }
  });
}

test("the reader pages and sign-in: every control's name holds its visible text", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  for (const language of LANGUAGES) {
    const context = await contextFor(browser, null, language);
    const page = await context.newPage();
    for (const path of [
      "/",
      "/issues/2023-02-22",
      "/issues/2023-02-22/1",
      "/stories/1",
      "/archive",
      "/search?q=工会",
      "/search",
      "/login",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await expectAccessible(page, `${path} (${language})`);
    }
    await context.close();
  }
});
