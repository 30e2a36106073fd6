// The photo library: a reporter uploads a picture with its caption and credit, finds it again,
// and the pipeline refuses what is not a photo; a photo stays private until a story publishes it.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { PUBLIC_CACHE_CONTROL } from "../lib/cache-control";
import {
  callServerAction,
  createTestUser,
  signInAndWait,
  storageStateOf,
  testDb,
} from "./fixtures";

const ACTIONS = "app/(newsroom)/desk/media/actions.ts";

async function photoJpeg(): Promise<Buffer> {
  return sharp({
    create: { width: 900, height: 600, channels: 3, background: { r: 180, g: 40, b: 40 } },
  })
    .jpeg()
    .toBuffer();
}

function countMedia(): number {
  const db = testDb();
  const row = db.prepare("SELECT count(*) AS n FROM media").get() as { n: number };
  db.close();
  return row.n;
}

function mediaIdByCaption(caption: string): number {
  const db = testDb();
  const row = db
    .prepare("SELECT id FROM media WHERE caption = ? ORDER BY id DESC LIMIT 1")
    .get(caption) as { id: number } | undefined;
  db.close();
  if (!row) throw new Error(`no media row captioned ${caption}`);
  return row.id;
}

async function upload(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  text: { caption?: string; credit?: string; alt?: string } = {},
): Promise<void> {
  await page.getByLabel(/照片文件|Photo file/).setInputFiles(file);
  if (text.caption) await page.getByLabel(/^(图片说明|Caption)$/).fill(text.caption);
  if (text.credit) await page.getByLabel(/^(摄影署名|Credit)$/).fill(text.credit);
  if (text.alt) await page.getByLabel(/^(替代文字|Alt text)/).fill(text.alt);
  await page.getByRole("button", { name: /^(上传|Upload)$/ }).click();
}

test.describe("as a reporter", () => {
  test.use({ storageState: storageStateOf("reporter") });

  test("uploads a photo with caption and credit, sees it in the grid and finds it by search", async ({
    page,
  }) => {
    await page.goto("/desk");
    await page
      .getByRole("navigation", { name: "采编导航" })
      .getByRole("link", { name: "图片库" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "图片库" })).toBeVisible();

    await upload(
      page,
      { name: "DSC_0420.JPG", mimeType: "image/jpeg", buffer: await photoJpeg() },
      { caption: "理发活动现场", credit: "盛丽 摄", alt: "志愿者为职工理发" },
    );
    await expect(page.getByRole("status")).toHaveText("照片已上传。");
    const id = mediaIdByCaption("理发活动现场");
    const card = page.getByTestId(`photo-${id}`);
    await expect(card).toContainText("理发活动现场");
    await expect(card).toContainText("盛丽 摄");
    await expect(card).toContainText("900 × 600 像素");
    const thumbnail = card.getByRole("img", { name: "志愿者为职工理发" });
    await expect(thumbnail).toHaveAttribute("src", `/media/${id}/320.webp`);
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(320);

    // A second photo that the search must leave out.
    await upload(
      page,
      { name: "other.jpg", mimeType: "image/jpeg", buffer: await photoJpeg() },
      { caption: "车间一角" },
    );
    await expect(page.getByRole("status")).toHaveText("照片已上传。");
    await expect(page.getByText("车间一角")).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual(
      [],
    );

    await page.getByLabel("按说明、署名或替代文字搜索").fill("理发活动");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await expect(page).toHaveURL(/\/desk\/media\?q=/);
    await expect(page.getByRole("heading", { name: "“理发活动”的搜索结果" })).toBeVisible();
    await expect(page.getByTestId(`photo-${id}`)).toBeVisible();
    await expect(page.getByText("车间一角")).toHaveCount(0);

    await page.getByLabel("按说明、署名或替代文字搜索").fill("盛丽");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await expect(page.getByTestId(`photo-${id}`)).toBeVisible();

    await page.getByLabel("按说明、署名或替代文字搜索").fill("没有这样的照片");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await expect(page.getByText("没有找到相符的照片。")).toBeVisible();
  });

  test("fixes a photo's caption; the change is saved and audited", async ({ page }) => {
    await page.goto("/desk/media");
    await upload(
      page,
      { name: "a.jpg", mimeType: "image/jpeg", buffer: await photoJpeg() },
      { caption: "待修改的说明" },
    );
    await expect(page.getByRole("status")).toHaveText("照片已上传。");
    const id = mediaIdByCaption("待修改的说明");
    const card = page.getByTestId(`photo-${id}`);
    await card.getByRole("button", { name: "编辑说明" }).click();
    await card.getByLabel("图片说明").fill("职工之家揭牌仪式");
    await card.getByLabel("摄影署名").fill("本报记者 张晶 摄");
    await card.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("status")).toHaveText("已保存图片说明。");
    await expect(card).toContainText("职工之家揭牌仪式");
    await expect(card).toContainText("本报记者 张晶 摄");

    const db = testDb();
    const row = db.prepare("SELECT caption, credit FROM media WHERE id = ?").get(id);
    const audit = db
      .prepare(
        "SELECT action FROM audit_events WHERE subject_type = 'media' AND subject_id = ? ORDER BY id",
      )
      .all(String(id)) as { action: string }[];
    db.close();
    expect(row).toEqual({ caption: "职工之家揭牌仪式", credit: "本报记者 张晶 摄" });
    expect(audit.map((a) => a.action)).toEqual(["media.upload", "media.update"]);
  });

  test("an SVG, or a text file renamed .jpg, is refused with a clear message and nothing is stored", async ({
    page,
  }) => {
    await page.goto("/desk/media");
    const before = countMedia();
    await upload(page, {
      name: "logo.svg",
      mimeType: "image/svg+xml",
      buffer: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
    });
    await expect(page.getByRole("status")).toHaveText(
      "只能上传完整的 JPEG、PNG 或 WebP 照片，文件中不能夹带其他内容。",
    );
    await page.reload();
    await upload(page, {
      name: "photo.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("这其实是一份文字稿，不是照片。\n"),
    });
    await expect(page.getByRole("status")).toHaveText(
      "只能上传完整的 JPEG、PNG 或 WebP 照片，文件中不能夹带其他内容。",
    );
    expect(countMedia()).toBe(before);
  });

  test("the refusal is in English for an English-speaking user", async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: "masthead-locale", value: "en", url: baseURL ?? "" }]);
    await page.goto("/desk/media");
    await expect(page.getByRole("heading", { level: 1, name: "Media" })).toBeVisible();
    await upload(page, {
      name: "x.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("not a photo"),
    });
    await expect(page.getByRole("status")).toHaveText(
      "Only whole JPEG, PNG or WebP photos can be uploaded, with nothing else inside the file.",
    );
  });

  test("the upload endpoint refuses another site's page and an oversized body", async ({
    page,
    baseURL,
  }) => {
    const before = countMedia();
    const file = { name: "a.jpg", mimeType: "image/jpeg", buffer: await photoJpeg() };
    const foreign = await page.request.post("/api/media", {
      headers: { Origin: "https://evil.example" },
      multipart: { file },
    });
    expect(foreign.status()).toBe(403);
    expect(await foreign.json()).toEqual({ ok: false, code: "forbidden", messageKey: "forbidden" });

    const tooBig = await page.request.post("/api/media", {
      headers: { Origin: baseURL ?? "" },
      multipart: {
        file: { name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(21 * 1024 * 1024) },
      },
    });
    expect(tooBig.status()).toBe(413);
    expect(await tooBig.json()).toMatchObject({ ok: false, messageKey: "photo_too_large" });

    const fine = await page.request.post("/api/media", {
      headers: { Origin: baseURL ?? "" },
      multipart: { file, caption: "接口上传" },
    });
    expect(fine.status()).toBe(201);
    const body = (await fine.json()) as { ok: boolean; data: { id: number; sizes: number[] } };
    expect(body).toMatchObject({
      ok: true,
      data: { caption: "接口上传", width: 900, height: 600 },
    });
    expect(body.data.sizes).toEqual([320, 640]);
    expect(countMedia()).toBe(before + 1);

    const listed = await page.request.get("/api/media?q=接口上传");
    expect(await listed.json()).toMatchObject({ ok: true, data: [{ id: body.data.id }] });
  });

  test("an unpublished photo is the newsroom's only; once a published story shows it, it is anyone's", async ({
    page,
    baseURL,
    playwright,
  }) => {
    const uploaded = await page.request.post("/api/media", {
      headers: { Origin: baseURL ?? "" },
      multipart: {
        file: { name: "a.jpg", mimeType: "image/jpeg", buffer: await photoJpeg() },
        caption: "尚未见报",
      },
    });
    expect(uploaded.status()).toBe(201);
    const { data } = (await uploaded.json()) as { data: { id: number } };
    const url = `/media/${data.id}/320.webp`;

    const anonymous = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    try {
      expect((await anonymous.get(url)).status()).toBe(404);
      const mine = await page.request.get(url);
      expect(mine.status()).toBe(200);
      expect(mine.headers()["content-type"]).toBe("image/webp");
      expect(mine.headers()["cache-control"]).toBe("private, no-store");
      expect((await sharp(await mine.body()).metadata()).width).toBe(320);
      for (const missing of [
        `/media/${data.id}/1024.webp`, // the photo is 900 wide: no such size
        `/media/${data.id}/321.webp`,
        `/media/${data.id}/320.jpg`,
        `/media/${data.id + 1000}/320.webp`,
        "/media/abc/320.webp",
      ]) {
        expect((await page.request.get(missing)).status(), missing).toBe(404);
      }
      expect((await page.request.get(`/media/${data.id}/original.webp`)).status()).toBe(200);

      // A published story shows it.
      const db = testDb();
      const author = db
        .prepare("SELECT id FROM users WHERE email = 'reporter@masthead.local'")
        .get() as {
        id: number;
      };
      const story = db
        .prepare(
          "INSERT INTO stories (headline, author_id, status, published_at) VALUES ('图片新闻', ?, 'published', ?) RETURNING id",
        )
        .get(author.id, Date.now()) as { id: number };
      db.prepare("INSERT INTO story_photos (story_id, media_id, position) VALUES (?, ?, 0)").run(
        story.id,
        data.id,
      );
      db.close();
      const published = await anonymous.get(url);
      expect(published.status()).toBe(200);
      expect(published.headers()["content-type"]).toBe("image/webp");
      // Kept by shared caches for seconds, never a year: a takedown must reach the photo too.
      expect(published.headers()["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
    } finally {
      await anonymous.dispose();
    }
  });
});

test("a signed-out caller can neither upload nor list", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const before = countMedia();
  const posted = await request.post("/api/media", {
    headers: { Origin: baseURL ?? "" },
    multipart: { file: { name: "a.jpg", mimeType: "image/jpeg", buffer: await photoJpeg() } },
  });
  expect(posted.status()).toBe(401);
  expect(await posted.json()).toEqual({
    ok: false,
    code: "unauthorized",
    messageKey: "unauthorized",
  });
  expect((await request.get("/api/media")).status()).toBe(401);
  expect(countMedia()).toBe(before);
  await request.dispose();
});

test("another reporter cannot change a photo's text, even by calling the action directly", async ({
  browser,
  baseURL,
}) => {
  const owner = await browser.newContext({ storageState: storageStateOf("reporter") });
  const uploaded = await owner.request.post("/api/media", {
    headers: { Origin: baseURL ?? "" },
    multipart: {
      file: { name: "a.jpg", mimeType: "image/jpeg", buffer: await photoJpeg() },
      caption: "原始说明",
    },
  });
  const { data } = (await uploaded.json()) as { data: { id: number } };
  await owner.close();

  const other = await createTestUser("reporter");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAndWait(page, other.email, other.password);
  await page.goto("/desk/media");
  await expect(page.getByTestId(`photo-${data.id}`)).toContainText("原始说明");
  await expect(
    page.getByTestId(`photo-${data.id}`).getByRole("button", { name: "编辑说明" }),
  ).toHaveCount(0);
  const result = await callServerAction(page.request, baseURL ?? "", ACTIONS, "updatePhotoInfo", [
    { id: data.id, caption: "被篡改", credit: null, alt: null },
  ]);
  expect(result.body).toContain('"forbidden"');
  await context.close();

  const db = testDb();
  const row = db.prepare("SELECT caption FROM media WHERE id = ?").get(data.id);
  db.close();
  expect(row).toEqual({ caption: "原始说明" });
});
