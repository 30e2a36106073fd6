// The reader spec's own issues, written before any page is requested (from global setup):
// public lists (archive years, feed, sitemaps) are cached from their first request, and a
// direct database write does not expire them the way publishing does.
//
// A published two-page issue holding a draft, a spiked and a withdrawn story besides its
// published ones, and the next day a scheduled issue with a story marked published. Everything
// carries the marker 甲乙丙, which nothing else in the paper contains. The dates are far from
// the seed issue's so other specs' issues do not meet them.
import type Database from "better-sqlite3";

export const READER_DATE = "2019-06-03";
export const SCHEDULED_DATE = "2019-06-04";

export const READER_STORIES = {
  lead: ["甲乙丙头条：职工书屋开放", "published", READER_DATE, 1],
  second: ["甲乙丙第二篇：技能竞赛启动", "published", READER_DATE, 1],
  draft: ["甲乙丙草稿不应出现", "draft", READER_DATE, 1],
  spiked: ["甲乙丙撤稿不应出现", "spiked", READER_DATE, 1],
  withdrawn: ["甲乙丙下线不应出现", "withdrawn", READER_DATE, 1],
  pageTwo: ["甲乙丙二版稿件", "published", READER_DATE, 2],
  scheduled: ["甲乙丙明日稿不应出现", "published", SCHEDULED_DATE, 1],
} as const;
export type ReaderStory = keyof typeof READER_STORIES;
export const READER_PHOTO = {
  caption: "甲乙丙图片说明：职工在书屋里读书",
  credit: "本报记者 测试摄影 摄",
  alt: "职工在书屋里读书",
} as const;
export const READER_CORRECTION = {
  note: "本文第一段中的日期有误，已更正。",
  at: Date.parse("2019-06-05T10:30:00+08:00"),
} as const;

export function addReaderIssues(db: Database.Database): void {
  if (db.prepare("SELECT 1 FROM issues WHERE date = ?").get(READER_DATE)) return;
  const editor = (
    db.prepare("SELECT id FROM users WHERE email = 'editor@masthead.local'").get() as {
      id: number;
    }
  ).id;
  const publishedAt = Date.parse(`${READER_DATE}T05:00:00+08:00`);
  const insertIssue = db.prepare(
    "INSERT INTO issues (date, number, status, published_at) VALUES (?, ?, ?, ?) RETURNING id",
  );
  const insertPage = db.prepare(
    "INSERT INTO pages (issue_id, number, name, banner) VALUES (?, ?, ?, ?) RETURNING id",
  );
  const insertStory = db.prepare(
    `INSERT INTO stories (headline, body, body_text, byline, status, author_id, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const place = db.prepare(
    "INSERT INTO placements (page_id, story_id, position, slot) VALUES (?, ?, ?, ?)",
  );
  const byline = JSON.stringify({
    dateline: "本报讯",
    reporters: ["测试记者"],
    correspondents: [],
    photographers: [],
  });
  db.transaction(() => {
    const reader = (insertIssue.get(READER_DATE, 9990, "published", publishedAt) as { id: number })
      .id;
    const scheduled = (insertIssue.get(SCHEDULED_DATE, 9991, "scheduled", null) as { id: number })
      .id;
    const pages = new Map<string, number>([
      [
        `${READER_DATE}/1`,
        (insertPage.get(reader, 1, "要闻", "甲乙丙读者测试通栏") as { id: number }).id,
      ],
      [`${READER_DATE}/2`, (insertPage.get(reader, 2, "综合新闻", null) as { id: number }).id],
      [`${SCHEDULED_DATE}/1`, (insertPage.get(scheduled, 1, "要闻", null) as { id: number }).id],
    ]);
    const positions = new Map<number, number>();
    for (const [headline, status, date, pageNumber] of Object.values(READER_STORIES)) {
      const text = `${headline}。甲乙丙读者测试正文，职工书屋向社区开放。`;
      const body = JSON.stringify({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text }] }],
      });
      const story = insertStory.get(headline, body, text, byline, status, editor, publishedAt) as {
        id: number;
      };
      const pageId = pages.get(`${date}/${pageNumber}`) ?? 0;
      const position = positions.get(pageId) ?? 0;
      positions.set(pageId, position + 1);
      place.run(pageId, story.id, position, position === 0 ? "lead" : "main");
    }
    // The lead has a photo (the file itself is the media route's business), the second story a
    // correction.
    const find = db.prepare("SELECT id FROM stories WHERE headline = ?");
    const lead = (find.get(READER_STORIES.lead[0]) as { id: number }).id;
    const second = (find.get(READER_STORIES.second[0]) as { id: number }).id;
    const media = db
      .prepare(
        `INSERT INTO media (storage_key, mime_type, size_bytes, width, height, caption, credit, alt, uploaded_by)
         VALUES (?, 'image/webp', 1000, 1200, 800, ?, ?, ?, ?) RETURNING id`,
      )
      .get("0".repeat(32), READER_PHOTO.caption, READER_PHOTO.credit, READER_PHOTO.alt, editor) as {
      id: number;
    };
    db.prepare("INSERT INTO story_photos (story_id, media_id, position) VALUES (?, ?, 0)").run(
      lead,
      media.id,
    );
    db.prepare(
      "INSERT INTO story_corrections (story_id, note, author_id, created_at) VALUES (?, ?, ?, ?)",
    ).run(second, READER_CORRECTION.note, editor, READER_CORRECTION.at);
  })();
}

export function readerStoryIds(db: Database.Database): Record<ReaderStory, number> {
  const find = db.prepare("SELECT id FROM stories WHERE headline = ?");
  const entries = Object.entries(READER_STORIES).map(([key, [headline]]) => {
    const row = find.get(headline) as { id: number } | undefined;
    if (!row) throw new Error(`reader fixture missing: ${headline} (global setup adds it)`);
    return [key, row.id] as const;
  });
  return Object.fromEntries(entries) as Record<ReaderStory, number>;
}
