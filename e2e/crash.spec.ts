// Crash without loss: the server is killed with SIGKILL in the middle of a burst of saves and
// while a scheduled issue falls due. After a restart the database is intact, every save the
// client was told succeeded is there, and the issue is published exactly once.
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
const PORT = 3120;
const BASE = `http://127.0.0.1:${PORT}`;

test("SIGKILL during saves and a due publish loses nothing acknowledged and publishes once", async () => {
  test.setTimeout(120_000);
  const dataDir = freshDataDir(path.join(ROOT, "e2e", ".data", "crash"));
  const dbFile = path.join(dataDir, "masthead.db");
  const seed = new Database(dbFile);
  const reporter = seed
    .prepare("SELECT id FROM users WHERE email = 'reporter@masthead.local'")
    .get() as { id: number };
  const story = seed
    .prepare(
      "INSERT INTO stories (headline, status, author_id) VALUES ('崩溃测试', 'draft', ?) RETURNING id, version",
    )
    .get(reporter.id) as { id: number; version: number };
  const due = seed
    .prepare(
      "INSERT INTO stories (headline, status, author_id, body_text) VALUES ('定时见报', 'approved', ?, '正文') RETURNING id",
    )
    .get(reporter.id) as { id: number };
  const dueAt = Date.now() + 4000;
  const issue = seed
    .prepare(
      "INSERT INTO issues (date, number, status, publish_at) VALUES ('2031-01-01', 7, 'scheduled', ?) RETURNING id",
    )
    .get(dueAt) as { id: number };
  const page = seed
    .prepare("INSERT INTO pages (issue_id, number, name) VALUES (?, 1, '要闻') RETURNING id")
    .get(issue.id) as { id: number };
  seed
    .prepare("INSERT INTO placements (page_id, story_id, position, slot) VALUES (?, ?, 0, 'lead')")
    .run(page.id, due.id);
  markIssueSignedOff(seed, issue.id);
  seed.close();

  let server = startServer(dataDir, PORT);
  await waitForHealth(PORT);
  const cookie = await signInOverHttp(PORT, "reporter@masthead.local", "masthead-demo");
  expect(cookie).toContain("session-token");

  // A burst of saves, each waiting for its answer; the server dies in the middle of it.
  let version = story.version;
  let acknowledged: { version: number; text: string } | null = null;
  let acknowledgedCount = 0;
  let inFlight: string | null = null;
  let stop = false;
  const burst = (async () => {
    for (let i = 0; !stop; i += 1) {
      const text = `第${i}次保存的正文。`;
      inFlight = text;
      try {
        const response = await fetch(`${BASE}/api/stories/${story.id}`, {
          method: "PUT",
          headers: { "Content-Type": "application/json", Cookie: cookie, Origin: BASE },
          body: JSON.stringify({
            kind: "news",
            kicker: null,
            headline: "崩溃测试",
            subheadline: null,
            byline: { dateline: null, reporters: [], correspondents: [], photographers: [] },
            body: {
              type: "doc",
              content: [{ type: "paragraph", content: [{ type: "text", text }] }],
            },
            baseVersion: version,
          }),
        });
        if (response.status !== 200) break;
        const result = (await response.json()) as { data: { version: number } };
        version = result.data.version;
        acknowledged = { version, text };
        acknowledgedCount += 1;
      } catch {
        break; // the server is gone
      }
    }
  })();
  // Kill it once the issue is past due and the burst is well under way.
  await expect
    .poll(() => Date.now() > dueAt && acknowledgedCount >= 10, { timeout: 30_000 })
    .toBe(true);
  stopServer(server, "SIGKILL");
  stop = true;
  await burst;
  expect(acknowledged).not.toBeNull();

  server = startServer(dataDir, PORT);
  try {
    await waitForHealth(PORT);
    const db = new Database(dbFile);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const row = db
      .prepare("SELECT version, body_text AS text FROM stories WHERE id = ?")
      .get(story.id) as {
      version: number;
      text: string;
    };
    const last = acknowledged as unknown as { version: number; text: string };
    // Everything acknowledged is there. The one save in flight at the kill may also have
    // committed without its answer reaching the client: then the story is exactly that save.
    if (row.version === last.version) expect(row.text).toBe(last.text);
    else expect(row).toEqual({ version: last.version + 1, text: inFlight });
    db.close();
    await expect
      .poll(
        () => {
          const check = new Database(dbFile, { readonly: true });
          const state = check.prepare("SELECT status FROM issues WHERE id = ?").get(issue.id) as {
            status: string;
          };
          const events = check
            .prepare(
              "SELECT count(*) AS n FROM audit_events WHERE action = 'issue.publish' AND subject_id = ?",
            )
            .get(String(issue.id)) as { n: number };
          check.close();
          return `${state.status}:${events.n}`;
        },
        { timeout: 40_000 },
      )
      .toBe("published:1");
    expect((await fetch(`${BASE}/stories/${due.id}`)).status).toBe(200);
  } finally {
    stopServer(server, "SIGKILL");
  }
});
