// Sign-off benchmark (`npm run bench:sign-off`): signing off (签发) a page of 12 stories, each
// about 2,000 characters, with 10,000 other stories in the database — server-side, p95 — and
// the sign-off panel of that page after a replate (state and the diff since sign-off).
// Prints a Markdown section for docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const ROOT = path.resolve(__dirname, "..");
const RUNS = 200;
const SENTENCE =
  "全国总工会到东城区调研“县级工会加强年”专项工作，通过实地查看、听取汇报、座谈交流等形式开展全面调研。";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function doc(chars: number) {
  const paragraphs: string[] = [];
  for (let total = 0; total < chars; total += SENTENCE.length * 4)
    paragraphs.push(SENTENCE.repeat(4));
  return {
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  };
}

function prepare(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const setup = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/db-setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
  });
  if (setup.status !== 0) throw new Error(setup.stderr.toString());
  const db = new Database(path.join(dataDir, "masthead.db"));
  db.pragma("synchronous = OFF");
  const author = db
    .prepare("SELECT id FROM users WHERE email = 'reporter@masthead.local'")
    .get() as {
    id: number;
  };
  const body = doc(2000);
  const text = body.content.map((p) => p.content[0]?.text).join("\n");
  const insert = db.prepare(
    "INSERT INTO stories (headline, status, author_id, body, body_text, char_count) VALUES (?, 'published', ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < 10_000; i += 1)
      insert.run(`存档稿件 ${i}`, author.id, JSON.stringify(body), text, text.length);
  })();
  db.close();
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bench-signoff-"));
  prepare(dataDir);
  process.env.DATA_DIR = dataDir;
  const { db } = await import("@/db/client");
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const { createStory, transitionStory, saveStory } = await import("@/lib/stories");
  const { getDeskStory } = await import("@/lib/story-reads");
  const { addPage, createIssue, placeStory } = await import("@/lib/issues");
  const { completeRound } = await import("@/lib/proofreading");
  const { getPageSignOffState, reopenPage, signOffPage } = await import("@/lib/sign-off");
  const { getFullSettings } = await import("@/lib/settings");
  const person = (email: string) => {
    const row = db().select().from(users).where(eq(users.email, email)).get();
    if (!row) throw new Error(`no ${email}`);
    return { id: row.id, role: row.role, displayName: row.displayName };
  };
  const reporter = person("reporter@masthead.local");
  const editor = person("editor@masthead.local");
  const proofreader = person("proofreader@masthead.local");
  const chief = person("chief@masthead.local");
  // 初审, 复审, 终审: the demo's editor, desk head and duty editor (the story has no desk).
  const passers = [editor, person("deskhead@masthead.local"), chief];
  const now = () => new Date();
  const { id: issueId } = createIssue(editor, { date: "2040-01-01" }, now());
  const page = addPage(editor, { issueId, name: "要闻", banner: null, editorId: null }, now());
  const storyIds: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    const story = createStory(
      reporter,
      { headline: `第${i + 1}篇`, kind: "news" },
      now(),
      doc(2000) as never,
    );
    transitionStory(reporter, { storyId: story.id, action: "submit" }, now());
    for (const passer of passers)
      transitionStory(passer, { storyId: story.id, action: "pass" }, now());
    placeStory(
      editor,
      { pageId: page.id, storyId: story.id, slot: i === 0 ? "lead" : "main" },
      now(),
    );
    storyIds.push(story.id);
  }
  for (let round = 1; round <= getFullSettings().proofRounds; round += 1)
    completeRound(proofreader, { pageId: page.id, round }, now());

  const signOff: number[] = [];
  const panel: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    signOffPage(chief, { pageId: page.id }, now());
    signOff.push(performance.now() - t);
    reopenPage(editor, { pageId: page.id, reason: `改版 ${i}` }, now());
    if (i === 0) {
      // One story changed in the replate, so the panel has a text diff to compute.
      const story = getDeskStory(editor, storyIds[0] ?? 0);
      const { kind, kicker, headline, subheadline, byline } = story;
      saveStory(
        editor,
        {
          storyId: story.id,
          baseVersion: story.version,
          fields: {
            kind,
            kicker,
            headline,
            subheadline,
            byline: { ...byline, agency: byline.agency ?? null, credit: byline.credit ?? null },
            body: doc(2100),
          },
        },
        now(),
      );
    }
    const p = performance.now();
    getPageSignOffState(chief, page.id);
    panel.push(performance.now() - p);
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(
    [
      "## Sign-off",
      "",
      `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${cpu}) · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · \`npm run bench:sign-off\``,
      "",
      `- Sign-off of a 12-story page (about 2,000 characters each) with 10,000 other stories in the database (lib/sign-off signOffPage: rounds and open marks checked, compare-and-set on the page, snapshot of placements and every story's text, audit; synchronous=FULL): p50 ${fmt(percentile(signOff, 50))}, **p95 ${fmt(percentile(signOff, 95))}** over ${signOff.length} sign-offs (target < 100 ms).`,
      `- The sign-off panel of that page after a replate (state, rounds, marks, and the diff since sign-off: layout and a word diff per story): p50 ${fmt(percentile(panel, 50))}, p95 ${fmt(percentile(panel, 95))}.`,
      "",
    ].join("\n"),
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
}

void main();
