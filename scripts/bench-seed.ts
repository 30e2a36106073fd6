// A synthetic archive for benchmarks: a daily of 8 pages and 48 stories (12 on the front page,
// 3–6 on the others, 6 a page on average) for --years years, every issue published, the text
// recombined from the seed page's own sentences. Writes to its own database (DATA_DIR,
// default bench-data/), never to data/.
//
//   npm run bench:seed -- --years 10
import fs from "node:fs";
import path from "node:path";
import { closeDatabase, db, sqlite } from "@/db/client";
import seedPage from "@/db/fixtures/seed-page.expected.json";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { documentGrams, searchableText } from "@/lib/search-terms";
import { countCharacters } from "@/lib/text";

const args = process.argv.slice(2);
const yearsArg = args.indexOf("--years");
const YEARS = yearsArg >= 0 ? Number(args[yearsArg + 1]) : 10;
if (!Number.isInteger(YEARS) || YEARS < 1 || YEARS > 50) {
  console.error("--years must be a whole number from 1 to 50");
  process.exit(1);
}
process.env.DATA_DIR ||= "bench-data";
const dataDir = path.resolve(process.env.DATA_DIR);
if (dataDir === path.resolve("data")) {
  console.error("Refusing to write the benchmark archive into data/: set DATA_DIR.");
  process.exit(1);
}
fs.rmSync(dataDir, { recursive: true, force: true });

// Settings, the demo accounts and the seed issue, then the archive around it.
migrateDatabase(db());
seedDatabase(db()).then(buildArchive, (error: unknown) => {
  console.error(error);
  process.exit(1);
});

function buildArchive(): void {
  const conn = sqlite();
  conn.pragma("synchronous = OFF"); // a throwaway archive: speed over durability while it is built

  // Deterministic pseudo-random numbers (mulberry32), so every run builds the same archive.
  let state = 20230222;
  function random(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const articles = seedPage.articles;
  const sentences = articles
    .flatMap((a) => a.paragraphs)
    .flatMap((p) => p.split(/(?<=[。！？])/u))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
  const headlines = articles.map((a) => a.headline);
  const kickers = articles
    .map((a) => a.kicker as string | null)
    .filter((k): k is string => Boolean(k));
  const subheadlines = articles
    .map((a) => a.subheadline as string | null)
    .filter((s): s is string => Boolean(s));
  const reporters = [...new Set(articles.flatMap((a) => a.byline.reporters))];
  const correspondents = [...new Set(articles.flatMap((a) => a.byline.correspondents))];
  const PAGE_NAMES = ["要闻", "综合新闻", "经济", "职工生活", "劳动保障", "文化", "体育", "副刊"];
  const STORIES_PER_PAGE = [12, 6, 5, 6, 4, 6, 5, 4]; // 48 an issue, 6 a page on average

  const editor = (
    conn.prepare("SELECT id FROM users WHERE email = 'editor@masthead.local'").get() as {
      id: number;
    }
  ).id;
  const insertIssue = conn.prepare(
    "INSERT INTO issues (date, number, status, publish_at, published_at) VALUES (?, ?, 'published', ?, ?) RETURNING id",
  );
  const insertPage = conn.prepare(
    "INSERT INTO pages (issue_id, number, name, banner, editor_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
  );
  const insertStory = conn.prepare(
    `INSERT INTO stories (kind, kicker, headline, subheadline, byline, body, body_text, char_count,
     status, author_id, created_at, updated_at, published_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?) RETURNING id`,
  );
  const insertPlacement = conn.prepare(
    "INSERT INTO placements (page_id, story_id, position, slot) VALUES (?, ?, ?, ?)",
  );
  // The gram index's insert trigger (db/migrations/0011_search-grams.sql) builds a story's grams
  // in SQL at about 2 µs a character; for the bulk load the same grams come from
  // documentGrams() (lib/search-grams.test.ts checks that the two agree) and the trigger is put
  // back at the end. Every other trigger runs as usual.
  const gramTrigger = (
    conn
      .prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'stories_grams_insert'",
      )
      .get() as { sql: string }
  ).sql;
  conn.exec("DROP TRIGGER stories_grams_insert");
  const insertGrams = conn.prepare("INSERT INTO stories_grams(rowid, grams) VALUES (?, ?)");
  // Some Latin and numbers, so that those searches have something to find: one story in 17.
  const LATIN =
    "记者在 APEC 会议上了解到，5G 与 AI 技术已用于 Beijing 的 CPI 统计，covid-19 后增长 3.5%。";
  let storyCount = 0;
  const existingDates = new Set(
    (conn.prepare("SELECT date FROM issues").all() as { date: string }[]).map((r) => r.date),
  );

  function story(pageId: number, position: number, slot: string, publishedAt: number): void {
    const paragraphs = Array.from({ length: between(3, 6) }, () =>
      Array.from({ length: between(2, 4) }, () => pick(sentences)).join(""),
    );
    if (storyCount % 17 === 0) paragraphs.push(LATIN);
    storyCount += 1;
    const bodyText = paragraphs.join("\n");
    const body = JSON.stringify({
      type: "doc",
      content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
    });
    const names = {
      reporters: [pick(reporters)],
      correspondents: random() < 0.4 ? [pick(correspondents)] : [],
    };
    const byline = JSON.stringify({
      dateline: "本报讯",
      agency: null,
      ...names,
      photographers: [],
      credit: null,
    });
    const kicker = random() < 0.2 ? pick(kickers) : null;
    const headline = `${pick(headlines).slice(0, between(8, 24))}`;
    const subheadline = random() < 0.25 ? pick(subheadlines) : null;
    const row = insertStory.get(
      "news",
      kicker,
      headline,
      subheadline,
      byline,
      body,
      bodyText,
      countCharacters(bodyText),
      editor,
      publishedAt,
      publishedAt,
      publishedAt,
    ) as { id: number };
    insertPlacement.run(pageId, row.id, position, slot);
    const bylineNames = ["本报讯", ...names.reporters, ...names.correspondents].join(" ");
    const text = searchableText([kicker, headline, subheadline, bylineNames, bodyText]);
    insertGrams.run(row.id, documentGrams(text).join(" "));
  }

  const DAY = 86_400_000;
  const end = Date.UTC(2026, 10, 24);
  const days = YEARS * 365;
  const started = performance.now();
  let issues = 0;
  let count = 0;
  const batch = conn.transaction((from: number, to: number) => {
    for (let d = from; d < to; d += 1) {
      const moment = end - (days - 1 - d) * DAY;
      const date = new Date(moment).toISOString().slice(0, 10);
      if (existingDates.has(date)) continue;
      const publishedAt = moment - 3 * 3_600_000; // 05:00 in Beijing
      issues += 1;
      const { id: issueId } = insertIssue.get(date, d + 2, publishedAt, publishedAt) as {
        id: number;
      };
      PAGE_NAMES.forEach((name, p) => {
        const { id: pageId } = insertPage.get(
          issueId,
          p + 1,
          name,
          p === 0 ? pick(sentences).slice(0, 24) : null,
          editor,
        ) as { id: number };
        const n = STORIES_PER_PAGE[p] ?? 6;
        for (let s = 0; s < n; s += 1) {
          story(pageId, s, s === 0 ? "lead" : s === n - 1 && p > 0 ? "side" : "main", publishedAt);
          count += 1;
        }
      });
    }
  });
  const CHUNK = 100;
  for (let from = 0; from < days; from += CHUNK) {
    batch(from, Math.min(days, from + CHUNK));
    process.stdout.write(`\r${issues} issues, ${count} stories`);
  }
  conn.exec(gramTrigger);
  conn.exec("INSERT INTO stories_fts(stories_fts) VALUES ('optimize')");
  conn.exec("INSERT INTO stories_grams(stories_grams) VALUES ('optimize')");
  conn.exec("ANALYZE");
  conn.pragma("wal_checkpoint(TRUNCATE)");
  closeDatabase();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const size = fs.statSync(path.join(dataDir, "masthead.db")).size / 1024 / 1024;
  console.log(
    `\n${dataDir}: ${issues} issues, ${count} stories in ${seconds} s; database ${size.toFixed(0)} MB`,
  );
}
