// The publishing clock with real server processes: an issue due while no server ran is
// published at start, and two servers on one database publish a due issue exactly once.
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import {
  freshDataDir,
  signInOverHttp,
  startServer,
  stopServer,
  waitForHealth,
} from "../scripts/lib/test-server";
import { markIssueSignedOff } from "./sign-off-helper";

const ROOT = path.resolve(__dirname, "..");
/** The servers' publishing clock ticks every second here (MASTHEAD_SCHEDULER_INTERVAL_MS). */
const TICK = { MASTHEAD_SCHEDULER_INTERVAL_MS: "1000" };

/** When the server's clock last ticked, as the admin's /api/health tells it (lib/health.ts). */
async function lastTickAt(port: number, cookie: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
    headers: { Cookie: cookie },
  });
  const health = (await response.json()) as { scheduler?: { lastRunAt: string | null } };
  const at = health.scheduler?.lastRunAt;
  return at ? Date.parse(at) : 0;
}

/** A scheduled issue with one approved story, due `dueInMs` from now (negative: overdue). */
function scheduleIssue(
  dataDir: string,
  date: string,
  dueInMs: number,
): { issueId: number; storyId: number } {
  const db = new Database(path.join(dataDir, "masthead.db"));
  const editor = db.prepare("SELECT id FROM users WHERE email = 'editor@masthead.local'").get() as {
    id: number;
  };
  const now = Date.now();
  const story = db
    .prepare(
      "INSERT INTO stories (headline, status, author_id, body_text) VALUES (?, 'approved', ?, '正文') RETURNING id",
    )
    .get(`定时稿件 ${date}`, editor.id) as { id: number };
  const issue = db
    .prepare(
      "INSERT INTO issues (date, number, status, publish_at) VALUES (?, 99, 'scheduled', ?) RETURNING id",
    )
    .get(date, now + dueInMs) as { id: number };
  const page = db
    .prepare("INSERT INTO pages (issue_id, number, name) VALUES (?, 1, '要闻') RETURNING id")
    .get(issue.id) as { id: number };
  db.prepare(
    "INSERT INTO placements (page_id, story_id, position, slot) VALUES (?, ?, 0, 'lead')",
  ).run(page.id, story.id);
  markIssueSignedOff(db, issue.id);
  db.close();
  return { issueId: issue.id, storyId: story.id };
}

function issueState(dataDir: string, issueId: number) {
  const db = new Database(path.join(dataDir, "masthead.db"), { readonly: true });
  const issue = db
    .prepare("SELECT status, published_at AS publishedAt FROM issues WHERE id = ?")
    .get(issueId) as {
    status: string;
    publishedAt: number | null;
  };
  const events = db
    .prepare(
      "SELECT count(*) AS n FROM audit_events WHERE action = 'issue.publish' AND subject_id = ?",
    )
    .get(String(issueId)) as { n: number };
  // The publish revisions of this issue's stories (the seed's issue was published too).
  const revisions = db
    .prepare(
      `SELECT count(*) AS n FROM story_revisions r
       JOIN placements pl ON pl.story_id = r.story_id
       JOIN pages p ON p.id = pl.page_id
       WHERE r.reason = 'publish' AND p.issue_id = ?`,
    )
    .get(issueId) as { n: number };
  db.close();
  return { ...issue, publishEvents: events.n, publishRevisions: revisions.n };
}

test.describe.configure({ mode: "serial" });

test("an issue that fell due while no server ran is published when a server starts", async () => {
  test.setTimeout(90_000);
  const dataDir = freshDataDir(path.join(ROOT, "e2e", ".data", "scheduler-restart"));
  const { issueId, storyId } = scheduleIssue(dataDir, "2030-01-02", -10 * 60 * 1000);
  expect(issueState(dataDir, issueId).status).toBe("scheduled");
  const server = startServer(dataDir, 3110, undefined, TICK);
  try {
    await waitForHealth(3110);
    await expect
      .poll(() => issueState(dataDir, issueId).status, { timeout: 15_000 })
      .toBe("published");
    const story = await fetch(`http://127.0.0.1:3110/stories/${storyId}`);
    expect(story.status).toBe(200);
    expect(await story.text()).toContain("定时稿件 2030-01-02");
    // Anonymous callers learn ok or not ok, never the scheduler's state (lib/health.ts).
    const health = await (await fetch("http://127.0.0.1:3110/api/health")).json();
    expect(health).toEqual({ ok: true });
  } finally {
    stopServer(server);
  }
});

test("two servers on one database publish a due issue exactly once", async () => {
  test.setTimeout(120_000);
  const dataDir = freshDataDir(path.join(ROOT, "e2e", ".data", "scheduler-two"));
  // Due a little after both servers are up, so both clocks race for it.
  const { issueId } = scheduleIssue(dataDir, "2030-01-03", 20_000);
  const first = startServer(dataDir, 3111, undefined, TICK);
  const second = startServer(dataDir, 3112, undefined, TICK);
  try {
    await Promise.all([waitForHealth(3111), waitForHealth(3112)]);
    const cookies = await Promise.all(
      [3111, 3112].map((port) => signInOverHttp(port, "admin@masthead.local", "masthead-demo")),
    );
    await expect
      .poll(() => issueState(dataDir, issueId).status, { timeout: 60_000, intervals: [500] })
      .toBe("published");
    // Both clocks tick again after the publication was seen committed: each has looked at the
    // published issue and had its chance to publish it a second time.
    const seenAt = Date.now();
    for (const [index, port] of [3111, 3112].entries()) {
      await expect
        .poll(() => lastTickAt(port, cookies[index] ?? ""), { timeout: 15_000 })
        .toBeGreaterThan(seenAt);
    }
    const state = issueState(dataDir, issueId);
    expect(state.publishEvents).toBe(1);
    expect(state.publishRevisions).toBe(1);
    expect(state.publishedAt).not.toBeNull();
  } finally {
    stopServer(first);
    stopServer(second);
  }
});
