// No open doors (#10): redirects never leave the site and never leave the host the browser
// used; search takes a hyphen; an endless autosave body is cut off; /api/health says little.
import http from "node:http";
import { expect, type Page, test } from "@playwright/test";
import { createTestUser, storageStateOf, testDb } from "./fixtures";
import { SignInPage } from "./pages/sign-in";
import { READER_STORIES } from "./reader-fixture";

const PORT = Number(process.env.E2E_PORT || 3100);
/** A name a reverse proxy would use; the browser maps it to this machine (see below). */
const PROXY_NAME = "desk.masthead.test";
const READER_PAGE_TWO = READER_STORIES.pageTwo[0];

test.describe("redirects stay on this site", () => {
  for (const next of ["/.//evil.example/x", "/en//evil.example/x"]) {
    test(`the language switch with next=${next} ends on /`, async ({ page, request }) => {
      const answer = await request.get(`/api/locale?lang=en&next=${encodeURIComponent(next)}`, {
        maxRedirects: 0,
      });
      expect(answer.status()).toBe(303);
      expect(answer.headers().location).toBe("/");
      await page.goto(`/api/locale?lang=en&next=${encodeURIComponent(next)}`);
      expect(page.url()).toBe(`http://localhost:${PORT}/`);
    });
  }

  test("a signed-in user at /login?callbackUrl=/.//evil.example/x ends on /", async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: storageStateOf("reporter") });
    const page = await context.newPage();
    await page.goto("/login?callbackUrl=/.//evil.example/x");
    expect(page.url()).toBe(`http://localhost:${PORT}/`);
    await context.close();
  });
});

/**
 * Three ways to reach the same server that are not `localhost`: 127.0.0.1; 127.0.0.2, another
 * address of this machine that is not the one NEXTAUTH_URL names (this workplace allows test
 * traffic to loopback addresses only, so the LAN address stands in as a second loopback one);
 * and a reverse proxy's name, which Chromium resolves to 127.0.0.1 itself.
 */
const HOSTS = ["127.0.0.1", "127.0.0.2", PROXY_NAME];

for (const host of HOSTS) {
  test(`through ${host}, the language switch, sign-in and sign-out stay on ${host}`, async ({
    playwright,
  }, testInfo) => {
    const launch = testInfo.project.use.launchOptions ?? {};
    const browser = await playwright.chromium.launch({
      ...launch,
      args: [...(launch.args ?? []), `--host-resolver-rules=MAP ${PROXY_NAME} 127.0.0.1`],
    });
    const origin = `http://${host}:${PORT}`;
    try {
      const context = await browser.newContext({ baseURL: origin, locale: "zh-CN" });
      const page = await context.newPage();
      const onHost = (path: RegExp) =>
        expect(page).toHaveURL((url: URL) => url.origin === origin && path.test(url.pathname));

      // The proxy's redirect of an anonymous visitor to the sign-in page.
      await page.goto("/desk");
      await onHost(/^\/login$/);
      await page.getByRole("link", { name: "切换语言" }).click();
      await onHost(/^\/login$/);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

      const user = await createTestUser("reporter");
      await signInAs(page, user.email, user.password);
      await onHost(/^\/desk$/);
      await page.getByRole("button", { name: /Sign out|退出登录/ }).click();
      await onHost(/^\/login$/);
      await context.close();
    } finally {
      await browser.close();
    }
  });
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await new SignInPage(page).submitWith(email, password);
}

test("a reader searching covid-19 finds the story that says it", async ({ page }) => {
  const db = testDb();
  try {
    db.prepare(
      "UPDATE stories SET body_text = body_text || ' 接种 covid-19 疫苗的职工' WHERE headline = ?",
    ).run(READER_PAGE_TWO);
  } finally {
    db.close();
  }
  await page.goto("/search?q=covid-19");
  await expect(page.getByRole("link", { name: READER_PAGE_TWO })).toBeVisible();
  await expect(page.getByText("搜索暂时不可用")).toHaveCount(0);
  await expect(page.locator("mark", { hasText: "covid-19" }).first()).toBeVisible();
});

/** PUT a chunked body with no Content-Length, chunk after chunk, until the server answers. */
function endlessAutosave(cookie: string): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: "127.0.0.1",
      port: PORT,
      method: "PUT",
      path: "/api/stories/1",
      headers: {
        cookie,
        origin: `http://127.0.0.1:${PORT}`,
        "content-type": "application/json",
        "transfer-encoding": "chunked",
      },
    });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.from(`{"headline":"${"x".repeat(64 * 1024)}`);
    const pump = () => {
      // Bounded: 64 MB at most, far past the cap; the server answers long before.
      while (!answered && sent < 64 * 1024 * 1024) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.on("data", (d) => {
        body += d;
      });
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, sent });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    pump();
  });
}

test("an autosave body with no Content-Length is cut off at the cap", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("reporter") });
  const cookie = (await context.cookies())
    .filter((c) => c.domain === "localhost")
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  await context.close();
  const { status, body, sent } = await endlessAutosave(cookie);
  expect(status).toBe(413);
  expect(JSON.parse(body)).toMatchObject({ ok: false, messageKey: "too_long" });
  expect(sent).toBeLessThan(64 * 1024 * 1024);
});

test("/api/health tells an anonymous caller ok, and an admin the details", async ({
  request,
  browser,
}) => {
  const anonymous = await request.get("/api/health");
  expect(await anonymous.json()).toEqual({ ok: true });
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const details = await admin.request.get("/api/health");
  expect(await details.json()).toMatchObject({ ok: true, database: "ok", scheduler: {} });
  await admin.close();
});
