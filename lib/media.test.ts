import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp, { type Sharp } from "sharp";
import { describe, expect, it } from "vitest";
import { db, sqlite } from "@/db/client";
import { auditEvents, media, stories, storyPhotos } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { env } from "@/lib/env";
import {
  isMediaPublished,
  listMedia,
  MAX_PHOTO_BYTES,
  mediaFilePath,
  parsePhotoFile,
  sizesFor,
  storePhoto,
  updatePhotoInfo,
} from "@/lib/media";
import { syncStoryPhotos } from "@/lib/story-rows";

withTempDatabase();
const now = new Date("2026-03-01T02:00:00Z");

/** A real image: left half red, right half blue, so a rotation shows in the pixels. */
async function halves(width: number, height: number): Promise<Sharp> {
  const half = Math.floor(width / 2);
  const red = await sharp({
    create: { width: half, height, channels: 3, background: { r: 220, g: 0, b: 0 } },
  })
    .png()
    .toBuffer();
  return sharp({
    create: { width, height, channels: 3, background: { r: 0, g: 0, b: 220 } },
  }).composite([{ input: red, left: 0, top: 0 }]);
}

async function jpeg(width = 800, height = 600): Promise<Buffer> {
  return (await halves(width, height)).jpeg({ quality: 85 }).toBuffer();
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((entry) => (entry.isFile() ? [path.join(entry.parentPath, entry.name)] : []));
}

function mediaDir(): string {
  return path.join(env.dataDir, "media");
}

async function pixel(file: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
}

function expectNothingStored(): void {
  expect(db().select().from(media).all()).toEqual([]);
  expect(db().select().from(auditEvents).all()).toEqual([]);
  expect(filesUnder(mediaDir())).toEqual([]);
}

describe("storePhoto: what is kept", () => {
  it("turns a JPEG upright by its EXIF orientation and keeps no metadata", async () => {
    const reporter = await insertUser("reporter");
    // Stored sideways (orientation 6: display it turned 90° clockwise), with EXIF to strip.
    const bytes = await (await halves(1200, 700))
      .withExif({ IFD0: { Copyright: "secret", Artist: "Someone" } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(bytes).metadata()).orientation).toBe(6);

    const item = await storePhoto(
      reporter,
      { bytes, filename: "IMG_0001.JPG", caption: " 理发活动现场 ", credit: "盛丽 摄", alt: "" },
      now,
    );
    expect(item).toMatchObject({
      width: 700,
      height: 1200,
      caption: "理发活动现场",
      credit: "盛丽 摄",
      alt: null,
      sizes: [320, 640],
      createdAt: now.getTime(),
    });

    const original = mediaFilePath(item.id, "original");
    expect(original).not.toBeNull();
    const meta = await sharp(original as string).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 700, height: 1200 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(fs.readFileSync(original as string).includes("secret")).toBe(false);
    // The left (red) half of the sideways picture is now on top.
    const top = await pixel(original as string, 350, 100);
    const bottom = await pixel(original as string, 350, 1100);
    expect(top[0]).toBeGreaterThan(150);
    expect(top[2]).toBeLessThan(80);
    expect(bottom[2]).toBeGreaterThan(150);
    expect(bottom[0]).toBeLessThan(80);

    for (const size of [320, 640]) {
      const file = mediaFilePath(item.id, size) as string;
      const m = await sharp(file).metadata();
      expect(m.format).toBe("webp");
      expect(m.width).toBe(size);
      expect(m.height).toBe(Math.round((1200 * size) / 700));
      expect(m.exif).toBeUndefined();
    }
    expect(mediaFilePath(item.id, 1024)).toBeNull();

    const row = db().select().from(media).where(eq(media.id, item.id)).get();
    expect(row).toMatchObject({
      mimeType: "image/jpeg",
      sizeBytes: bytes.length,
      width: 700,
      height: 1200,
      uploadedBy: reporter.id,
    });
    expect(row?.storageKey).toMatch(/^[0-9a-f]{32}$/);
    const audit = db().select().from(auditEvents).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: reporter.id,
      action: "media.upload",
      subjectType: "media",
      subjectId: String(item.id),
    });
    // Only the finished folder remains: no temporary files.
    expect(
      filesUnder(mediaDir())
        .map((f) => path.relative(mediaDir(), f))
        .sort(),
    ).toEqual([
      `${row?.storageKey}/320.webp`,
      `${row?.storageKey}/640.webp`,
      `${row?.storageKey}/original.webp`,
    ]);
  });

  it("stores a PNG in every size up to its width", async () => {
    const reporter = await insertUser("reporter");
    const bytes = await (await halves(2000, 1000)).png().toBuffer();
    const item = await storePhoto(reporter, { bytes, filename: "chart.png" }, now);
    expect(item.sizes).toEqual([320, 640, 1024, 1600]);
    expect([item.width, item.height]).toEqual([2000, 1000]);
    for (const size of item.sizes) {
      const m = await sharp(mediaFilePath(item.id, size) as string).metadata();
      expect([m.width, m.height]).toEqual([size, size / 2]);
    }
    expect(db().select({ t: media.mimeType }).from(media).get()?.t).toBe("image/png");
  });

  it("stores a WebP, and never enlarges a small photo", async () => {
    const reporter = await insertUser("editor");
    const bytes = await (await halves(500, 300)).webp().toBuffer();
    const item = await storePhoto(reporter, { bytes, filename: "a.webp" }, now);
    expect(item.sizes).toEqual([320]);
    const tiny = await storePhoto(
      reporter,
      { bytes: await (await halves(100, 80)).webp().toBuffer(), filename: "tiny.webp" },
      now,
    );
    expect(tiny.sizes).toEqual([320]);
    const m = await sharp(mediaFilePath(tiny.id, 320) as string).metadata();
    expect([m.width, m.height]).toEqual([100, 80]);
  });

  it("accepts a progressive JPEG, and padding after the image", async () => {
    const reporter = await insertUser("reporter");
    const progressive = await (await halves(700, 400)).jpeg({ progressive: true }).toBuffer();
    const padded = Buffer.concat([progressive, Buffer.alloc(64, 0)]);
    const item = await storePhoto(reporter, { bytes: padded, filename: "p.jpg" }, now);
    expect([item.width, item.height, item.sizes]).toEqual([700, 400, [320, 640]]);
  });

  it("never uses the file name for storage, even a path-traversal one", async () => {
    const reporter = await insertUser("reporter");
    const item = await storePhoto(
      reporter,
      { bytes: await jpeg(), filename: "../../../x.jpg" },
      now,
    );
    expect(fs.existsSync(path.resolve(env.dataDir, "..", "x.jpg"))).toBe(false);
    expect(fs.existsSync(path.resolve(mediaDir(), "..", "..", "x.jpg"))).toBe(false);
    const files = filesUnder(env.dataDir).filter((f) => !f.includes("masthead.db"));
    expect(files.every((f) => f.startsWith(`${mediaDir()}${path.sep}`))).toBe(true);
    expect(files.some((f) => f.includes("x.jpg"))).toBe(false);
    const row = db().select().from(media).where(eq(media.id, item.id)).get();
    expect(row && sizesFor(row.width)).toEqual([320, 640]);
  });
});

describe("storePhoto: what is refused, leaving no row and no file", () => {
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
  );
  const cases: [string, () => Promise<Buffer>, string][] = [
    ["an SVG", async () => svg, "photo_type"],
    [
      "an SVG with a JPEG name",
      async () => Buffer.concat([Buffer.from("<?xml version='1.0'?>"), svg]),
      "photo_type",
    ],
    ["a GIF", async () => (await halves(40, 40)).gif().toBuffer(), "photo_type"],
    ["a text file renamed .jpg", async () => Buffer.from("这不是图片，只是文字。\n"), "photo_type"],
    ["a PDF", async () => Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), "photo_type"],
    [
      "a renamed .exe",
      async () => Buffer.concat([Buffer.from("MZ"), Buffer.alloc(512, 0x90)]),
      "photo_type",
    ],
    ["an empty file", async () => Buffer.alloc(0), "photo_type"],
    [
      "a truncated JPEG",
      async () => {
        const whole = await jpeg();
        return whole.subarray(0, Math.floor(whole.length * 0.6));
      },
      "photo_type",
    ],
    [
      "a JPEG with a page of HTML behind it (a polyglot)",
      async () => Buffer.concat([await jpeg(), Buffer.from("<html><script>alert(1)</script>")]),
      "photo_type",
    ],
    [
      "a PNG signature in front of HTML",
      async () =>
        Buffer.concat([
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          Buffer.from("<html><script>alert(1)</script></html>"),
        ]),
      "photo_type",
    ],
    [
      "a PNG with a ZIP behind its IEND",
      async () =>
        Buffer.concat([
          await (await halves(60, 40)).png().toBuffer(),
          Buffer.from("PK\u0003\u0004 payload"),
        ]),
      "photo_type",
    ],
    [
      "a 21 MB file",
      async () => Buffer.concat([await jpeg(), Buffer.alloc(21 * 1024 * 1024, 0)]),
      "photo_too_large",
    ],
  ];

  for (const [name, make, messageKey] of cases) {
    it(`refuses ${name}`, async () => {
      const reporter = await insertUser("reporter");
      const bytes = await make();
      await expect(
        storePhoto(reporter, { bytes, filename: "photo.jpg", caption: "说明" }, now),
      ).rejects.toMatchObject({ code: "invalid_input", messageKey });
      expectNothingStored();
    });
  }

  it("refuses a 60-megapixel PNG for its dimensions", async () => {
    const reporter = await insertUser("reporter");
    const bytes = await sharp({
      create: { width: 10_000, height: 6_000, channels: 3, background: "#888" },
    })
      .png({ compressionLevel: 1 })
      .toBuffer();
    expect(bytes.length).toBeLessThan(MAX_PHOTO_BYTES);
    await expect(storePhoto(reporter, { bytes, filename: "huge.png" }, now)).rejects.toMatchObject({
      code: "invalid_input",
      messageKey: "photo_too_big_dimensions",
    });
    expectNothingStored();
  }, 30_000);

  it("refuses a caption that is too long, before storing anything", async () => {
    const reporter = await insertUser("reporter");
    await expect(
      storePhoto(
        reporter,
        { bytes: await jpeg(), filename: "a.jpg", caption: "长".repeat(501) },
        now,
      ),
    ).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { caption: ["too_long"] } });
    expectNothingStored();
  });

  it("removes the stored files when the database refuses the row", async () => {
    // An uploader who does not exist breaks the foreign key inside the transaction.
    await expect(
      storePhoto({ id: 9_999, role: "reporter" }, { bytes: await jpeg(), filename: "a.jpg" }, now),
    ).rejects.toThrow();
    expectNothingStored();
  });
});

describe("updatePhotoInfo", () => {
  it("lets the uploader and editors change the text, audited; other reporters are refused", async () => {
    const owner = await insertUser("reporter");
    const other = await insertUser("reporter");
    const editor = await insertUser("editor");
    const item = await storePhoto(owner, { bytes: await jpeg(), filename: "a.jpg" }, now);

    await expect(
      (async () => updatePhotoInfo(other, { id: item.id, caption: "改了" }, now))(),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(db().select().from(media).where(eq(media.id, item.id)).get()?.caption).toBeNull();

    const mine = updatePhotoInfo(owner, { id: item.id, caption: "现场", credit: "盛丽 摄" }, now);
    expect(mine).toMatchObject({ caption: "现场", credit: "盛丽 摄", alt: null });
    const edited = updatePhotoInfo(
      editor,
      { id: item.id, caption: "现场", credit: "盛丽 摄", alt: "理发师为老人理发" },
      now,
    );
    expect(edited.alt).toBe("理发师为老人理发");
    expect(() => updatePhotoInfo(editor, { id: 12345, caption: "x" }, now)).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );

    const audit = db()
      .select({
        action: auditEvents.action,
        actorId: auditEvents.actorId,
        detail: auditEvents.detail,
      })
      .from(auditEvents)
      .all();
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["media.upload", owner.id],
      ["media.update", owner.id],
      ["media.update", editor.id],
    ]);
    expect(audit[2]?.detail).toEqual({ alt: { from: null, to: "理发师为老人理发" } });
  });
});

describe("listMedia", () => {
  it("searches caption, credit and alt text, newest first, page by page", async () => {
    const reporter = await insertUser("reporter");
    const bytes = await jpeg(400, 300);
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    const a = await storePhoto(
      reporter,
      { bytes, filename: "a.jpg", caption: "理发活动现场" },
      at(1),
    );
    const b = await storePhoto(reporter, { bytes, filename: "b.jpg", credit: "盛丽 摄" }, at(2));
    const c = await storePhoto(
      reporter,
      { bytes, filename: "c.jpg", alt: "工人在车间理发" },
      at(3),
    );
    await storePhoto(reporter, { bytes, filename: "d.jpg", caption: "100% 完成" }, at(4));

    expect(listMedia(reporter).map((m) => m.id)).toHaveLength(4);
    expect(listMedia(reporter, { q: "理发" }).map((m) => m.id)).toEqual([c.id, a.id]);
    expect(listMedia(reporter, { q: "盛丽" }).map((m) => m.id)).toEqual([b.id]);
    expect(listMedia(reporter, { q: "  " })).toHaveLength(4);
    // LIKE wildcards in a query are taken literally.
    expect(listMedia(reporter, { q: "%" })).toHaveLength(1);
    expect(listMedia(reporter, { q: "_" })).toHaveLength(0);
    expect(listMedia(reporter, { limit: 2 }).map((m) => m.createdAt)).toEqual([
      at(4).getTime(),
      at(3).getTime(),
    ]);
    expect(listMedia(reporter, { limit: 2, offset: 2 }).map((m) => m.id)).toEqual([b.id, a.id]);
  });
});

describe("delivery", () => {
  it("resolves only known sizes of existing photos", async () => {
    const reporter = await insertUser("reporter");
    const item = await storePhoto(
      reporter,
      { bytes: await jpeg(700, 500), filename: "a.jpg" },
      now,
    );
    expect(mediaFilePath(item.id, 320)).toMatch(/media\/[0-9a-f]{32}\/320\.webp$/);
    expect(mediaFilePath(item.id, 640)).toMatch(/\/640\.webp$/);
    expect(mediaFilePath(item.id, 1024)).toBeNull();
    expect(mediaFilePath(item.id, 321)).toBeNull();
    expect(mediaFilePath(item.id + 1, 320)).toBeNull();
    expect(mediaFilePath(-1, 320)).toBeNull();
    expect(parsePhotoFile("320.webp")).toBe(320);
    expect(parsePhotoFile("original.webp")).toBe("original");
    for (const bad of ["321.webp", "320.jpg", "../320.webp", "320.webp/..", "0320.webp", "x"]) {
      expect(parsePhotoFile(bad), bad).toBeNull();
    }
    expect(sizesFor(1600)).toEqual([320, 640, 1024, 1600]);
    expect(sizesFor(1599)).toEqual([320, 640, 1024]);
  });

  it("counts a photo as public only while a published story shows it", async () => {
    const reporter = await insertUser("reporter");
    const bytes = await jpeg(400, 300);
    const listed = await storePhoto(reporter, { bytes, filename: "a.jpg" }, now);
    const inBody = await storePhoto(reporter, { bytes, filename: "b.jpg" }, now);
    const unused = await storePhoto(reporter, { bytes, filename: "c.jpg" }, now);
    const story = db()
      .insert(stories)
      .values({ headline: "图片新闻", authorId: reporter.id, status: "draft" })
      .returning({ id: stories.id })
      .get();
    const body = {
      type: "doc" as const,
      content: [
        { type: "paragraph", content: [{ type: "text", text: "正文" }] },
        { type: "photo", attrs: { mediaId: inBody.id } },
        // Not a photo node: the number means nothing here.
        { type: "paragraph", attrs: { mediaId: unused.id } },
      ],
    };
    // As every save does: the body and the photos it shows, in one transaction.
    db().transaction((tx) => {
      tx.update(stories).set({ body }).where(eq(stories.id, story.id)).run();
      syncStoryPhotos(tx, story.id, body);
    });
    db().insert(storyPhotos).values({ storyId: story.id, mediaId: listed.id, position: 9 }).run();

    expect([listed, inBody, unused].map((m) => isMediaPublished(m.id, now))).toEqual([
      false,
      false,
      false,
    ]);
    db().update(stories).set({ status: "published" }).where(eq(stories.id, story.id)).run();
    expect([listed, inBody, unused].map((m) => isMediaPublished(m.id, now))).toEqual([
      true,
      true,
      false,
    ]);
    db().update(stories).set({ status: "withdrawn" }).where(eq(stories.id, story.id)).run();
    expect([listed, inBody, unused].map((m) => isMediaPublished(m.id, now))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("finds whether a photo is public through the media index, not by reading bodies", () => {
    const plan = (
      sqlite()
        .prepare(
          `EXPLAIN QUERY PLAN SELECT sp.id FROM story_photos sp
           JOIN stories s ON s.id = sp.story_id
           WHERE sp.media_id = ? AND s.status = 'published' LIMIT 1`,
        )
        .all(1) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join("\n")).toMatch(/SEARCH sp USING (COVERING )?INDEX story_photos_media_idx/);
    expect(plan.join("\n")).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
    expect(plan.join("\n")).not.toMatch(/SCAN/);
  });

  it("the backfill migration brings in photo blocks that have no story_photos row", async () => {
    const reporter = await insertUser("reporter");
    const photo = await storePhoto(
      reporter,
      { bytes: await jpeg(400, 300), filename: "a.jpg" },
      now,
    );
    const body = {
      type: "doc" as const,
      content: [{ type: "photo", attrs: { mediaId: photo.id } }],
    };
    db()
      .insert(stories)
      .values({ headline: "旧稿", authorId: reporter.id, status: "published", body })
      .run();
    expect(isMediaPublished(photo.id, new Date())).toBe(false);
    const file = path.join(process.cwd(), "db", "migrations", "0006_backfill-story-photos.sql");
    sqlite().exec(fs.readFileSync(file, "utf8"));
    expect(isMediaPublished(photo.id, new Date())).toBe(true);
  });
});
