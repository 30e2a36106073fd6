// The shipped reader cache (deploy/nginx.conf in front of the test server, e2e/nginx-server.mjs):
// a publication reaches readers through it within the bound, a takedown leaves it (photo and
// all) within the bound, the newsroom and the APIs are never kept, pages are compressed and
// Next's assets kept. Runs in the "nginx" project only (its baseURL is the nginx address).
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import sharp from "sharp";
import { callServerAction, createTestUser, DATA_DIR, signInAndWait, testDb } from "./fixtures";
import { markIssueSignedOff } from "./sign-off-helper";

/** The issue's promise (docs/deploy.md): a change reaches readers through nginx within 60 s. */
const BOUND_MS = 60_000;
const ISSUES = "app/(newsroom)/desk/issues/actions.ts";
// Far from every other spec's dates; the issue comes down again at the end.
const DATE = "2018-03-09";
const MARK = "庚辛壬缓存测试";

type Seeded = { issueId: number; storyId: number; mediaId: number };

/** An approved story with a photo (real files) on page 1 of a planned, signed-off issue. */
async function seedIssue(): Promise<Seeded> {
  const key = `${Date.now().toString(16)}${"c".repeat(32)}`.slice(0, 32);
  const dir = path.join(DATA_DIR, "media", key);
  fs.mkdirSync(dir, { recursive: true });
  const picture = sharp({
    create: { width: 700, height: 400, channels: 3, background: { r: 30, g: 90, b: 160 } },
  });
  for (const width of [320, 640]) {
    await picture
      .clone()
      .resize(width)
      .webp()
      .toFile(path.join(dir, `${width}.webp`));
  }
  await picture.clone().webp().toFile(path.join(dir, "original.webp"));
  const db = testDb();
  try {
    return db.transaction(() => {
      const editor = (
        db.prepare("SELECT id FROM users WHERE email = 'editor@masthead.local'").get() as {
          id: number;
        }
      ).id;
      const text = `${MARK}正文：缓存之后，撤下也要及时。`;
      const body = JSON.stringify({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text }] }],
      });
      const storyId = (
        db
          .prepare(
            `INSERT INTO stories (headline, body, body_text, status, author_id, submitted_at)
             VALUES (?, ?, ?, 'approved', ?, ?) RETURNING id`,
          )
          .get(`${MARK}：职工书屋夜间开放`, body, text, editor, Date.now()) as { id: number }
      ).id;
      const mediaId = (
        db
          .prepare(
            `INSERT INTO media (storage_key, mime_type, size_bytes, width, height, caption, credit, alt, uploaded_by)
             VALUES (?, 'image/webp', 1000, 700, 400, ?, '本报记者 缓存 摄', ?, ?) RETURNING id`,
          )
          .get(key, `${MARK}图片说明`, `${MARK}图片`, editor) as { id: number }
      ).id;
      db.prepare("INSERT INTO story_photos (story_id, media_id, position) VALUES (?, ?, 0)").run(
        storyId,
        mediaId,
      );
      const issueId = (
        db
          .prepare(
            "INSERT INTO issues (date, number, status) VALUES (?, 9101, 'planned') RETURNING id",
          )
          .get(DATE) as { id: number }
      ).id;
      const pageId = (
        db
          .prepare("INSERT INTO pages (issue_id, number, name) VALUES (?, 1, '要闻') RETURNING id")
          .get(issueId) as { id: number }
      ).id;
      db.prepare(
        "INSERT INTO placements (page_id, story_id, position, slot) VALUES (?, ?, 0, 'lead')",
      ).run(pageId, storyId);
      markIssueSignedOff(db, issueId);
      return { issueId, storyId, mediaId };
    })();
  } finally {
    db.close();
  }
}

/** Poll `read` until it gives `expected`; the time it took, which must be within the bound. */
async function timeUntil(
  read: () => Promise<unknown>,
  expected: unknown,
  startedAt: number,
): Promise<number> {
  await expect.poll(read, { timeout: BOUND_MS, intervals: [100, 250, 500] }).toEqual(expected);
  const took = Date.now() - startedAt;
  expect(took).toBeLessThan(BOUND_MS);
  return took;
}

async function statuses(request: APIRequestContext, urls: string[]): Promise<number[]> {
  return Promise.all(urls.map(async (url) => (await request.get(url)).status()));
}

test("a publication reaches readers through the cache in seconds; a takedown leaves it, photo and all", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(4 * BOUND_MS);
  const ids = await seedIssue();
  const storyUrl = `/stories/${ids.storyId}`;
  const pageUrl = `/issues/${DATE}/1`;
  const photoUrl = `/media/${ids.mediaId}/640.webp`;
  const reader = await playwright.request.newContext({ baseURL });
  const chief = await createTestUser("chief_editor");
  const duty = await (
    await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } })
  ).newPage();
  await signInAndWait(duty, chief.email, chief.password);
  try {
    // Before: nothing, and the 404 itself is what the cache keeps for a moment.
    expect(await statuses(reader, [storyUrl, pageUrl, photoUrl])).toEqual([404, 404, 404]);

    // Published through the desk's action, itself reached through nginx.
    const publishedAt = Date.now();
    const published = await callServerAction(
      duty.request,
      baseURL ?? "",
      ISSUES,
      "publishNow",
      [{ issueId: ids.issueId }],
      `/desk/issues/${ids.issueId}`,
    );
    expect(published.status).toBe(200);
    const visible = await timeUntil(
      async () => {
        const [story, page] = await Promise.all([reader.get(storyUrl), reader.get(pageUrl)]);
        return [story.status(), page.status(), (await page.text()).includes(MARK)];
      },
      [200, 200, true],
      publishedAt,
    );
    test.info().annotations.push({ type: "publish-to-visible", description: `${visible} ms` });

    // The photo is now anyone's, and the cache keeps it (for seconds, never a year).
    const photo = await reader.get(photoUrl);
    expect(photo.status()).toBe(200);
    expect(photo.headers()["cache-control"]).not.toContain("immutable");
    await expect
      .poll(async () => (await reader.get(photoUrl)).headers()["x-cache-status"])
      .toMatch(/^(HIT|STALE|UPDATING|REVALIDATED)$/);
    await expect
      .poll(async () => (await reader.get(storyUrl)).headers()["x-cache-status"])
      .toMatch(/^(HIT|STALE|UPDATING|REVALIDATED)$/);

    // Taken down: the story, its page and the photo's old URL are gone within the bound.
    const takenDownAt = Date.now();
    const unpublished = await callServerAction(
      duty.request,
      baseURL ?? "",
      ISSUES,
      "unpublishIssue",
      [{ issueId: ids.issueId, reason: "缓存测试结束，撤下。" }],
      `/desk/issues/${ids.issueId}`,
    );
    expect(unpublished.status).toBe(200);
    const gone = await timeUntil(
      () => statuses(reader, [storyUrl, pageUrl, photoUrl]),
      [404, 404, 404],
      takenDownAt,
    );
    test.info().annotations.push({ type: "unpublish-to-gone", description: `${gone} ms` });
    // …and stay gone: nothing stale comes back.
    for (let i = 0; i < 5; i += 1) {
      expect(await statuses(reader, [storyUrl, pageUrl, photoUrl])).toEqual([404, 404, 404]);
    }
  } finally {
    await reader.dispose();
    await duty.context().close();
  }
});

test("the newsroom and the APIs are never cached: a signed-in page never reaches an anonymous visitor", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const editor = await createTestUser("editor");
  const desk = await (
    await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } })
  ).newPage();
  await signInAndWait(desk, editor.email, editor.password);
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    for (let i = 0; i < 3; i += 1) {
      const signedIn = await desk.request.get("/desk");
      expect(signedIn.status()).toBe(200);
      expect(await signedIn.text()).toContain(editor.displayName);
      expect(signedIn.headers()["x-cache-status"]).toBeUndefined();
      const session = await desk.request.get("/api/auth/session");
      expect(((await session.json()) as { uid?: number }).uid).toBe(editor.id);
      expect(session.headers()["x-cache-status"]).toBeUndefined();
    }
    const visitor = await anonymous.get("/desk", { maxRedirects: 0 });
    expect(visitor.status()).toBe(307);
    expect(visitor.headers().location).toMatch(/^\/login\?callbackUrl=/);
    expect(await visitor.text()).not.toContain(editor.displayName);
    const visitorSession = await anonymous.get("/api/auth/session");
    expect(((await visitorSession.json()) as { uid?: number }).uid).toBeUndefined();
    const health = await anonymous.get("/api/health");
    expect(health.status()).toBe(200);
    expect(health.headers()["x-cache-status"]).toBeUndefined();
  } finally {
    await anonymous.dispose();
    await desk.context().close();
  }
});

test("reader pages come from the cache, compressed for clients that ask; Next's assets too", async ({
  playwright,
  baseURL,
}) => {
  const reader = await playwright.request.newContext({ baseURL });
  try {
    const url = "/issues/2023-02-22/1";
    await reader.get(url);
    await expect
      .poll(async () => (await reader.get(url)).headers()["x-cache-status"])
      .toMatch(/^(HIT|STALE|UPDATING|REVALIDATED)$/);
    const zipped = await reader.get(url, { headers: { "Accept-Encoding": "gzip" } });
    expect(zipped.headers()["content-encoding"]).toBe("gzip");
    const html = await zipped.text(); // Playwright unzips it
    expect(html).toContain("职工时报");
    const plain = await reader.get(url, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers()["content-encoding"]).toBeUndefined();

    const asset = /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
    expect(asset, "a script of the page").toBeTruthy();
    const first = await reader.get(asset as string);
    expect(first.status()).toBe(200);
    expect(first.headers()["cache-control"]).toContain("immutable");
    expect((await reader.get(asset as string)).headers()["x-cache-status"]).toBe("HIT");
  } finally {
    await reader.dispose();
  }
});
