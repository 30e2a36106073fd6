// Load without loss (`npm run bench:load`): 50 reporters and editors save every 2–5 s while
// readers request 200 pages/s, for 60 s, against one server. Afterwards every story must hold
// exactly the last save its writer was told succeeded. Prints a Markdown section.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { signInOverHttp } from "./lib/test-server";

const ROOT = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const PORT = 3510;
const BASE = `http://127.0.0.1:${PORT}`;
const WRITERS = 50;
const READS_PER_SECOND = 200;
const DURATION_MS = Number(process.env.BENCH_LOAD_SECONDS ?? 60) * 1000;
const PASSWORD = "load-test-password";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-load-"));
  const setup = spawnSync(bin("tsx"), ["scripts/db-setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
  });
  if (setup.status !== 0) throw new Error(setup.stderr.toString());
  const db = new Database(path.join(dataDir, "masthead.db"));
  const passwordHash = await hash(PASSWORD);
  const writers: { email: string; storyId: number }[] = [];
  for (let i = 0; i < WRITERS; i += 1) {
    const role = i % 5 === 0 ? "editor" : "reporter";
    const email = `load-${i}@test.local`;
    const user = db
      .prepare(
        "INSERT INTO users (email, display_name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id",
      )
      .get(email, `写手${i}`, role, passwordHash) as { id: number };
    const story = db
      .prepare("INSERT INTO stories (headline, author_id) VALUES (?, ?) RETURNING id")
      .get(`负载稿件 ${i}`, user.id) as { id: number };
    writers.push({ email, storyId: story.id });
  }
  const readerPaths = [
    "/",
    "/issues/2023-02-22/1",
    "/issues/2023-02-22",
    ...[1, 2, 3, 4, 5, 6, 7].map((id) => `/stories/${id}`),
  ];
  db.close();

  const server: ChildProcess = spawn(bin("next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(PORT),
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "load-secret",
      NEXTAUTH_URL: BASE,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let serverErrors = "";
  server.stderr?.on("data", (d) => {
    serverErrors += d;
  });
  try {
    for (let i = 0; i < 200; i += 1) {
      if (
        await fetch(`${BASE}/api/health`)
          .then((r) => r.ok)
          .catch(() => false)
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const cookies = await Promise.all(writers.map((w) => signInOverHttp(PORT, w.email, PASSWORD)));
    for (const p of readerPaths) await fetch(`${BASE}${p}`).then((r) => r.text());

    const saveTimes: number[] = [];
    const readTimes: number[] = [];
    let saves = 0;
    let reads = 0;
    let status5xx = 0;
    let busyErrors = 0;
    let otherFailures = 0;
    const acknowledged = new Map<number, { version: number; text: string }>();
    const end = Date.now() + DURATION_MS;

    const writerLoops = writers.map(async (writer, index) => {
      let version = 1;
      let n = 0;
      while (Date.now() < end) {
        await new Promise((r) => setTimeout(r, 2000 + Math.random() * 3000));
        if (Date.now() >= end) break;
        n += 1;
        const text = `写手${index}的第${n}次保存。${"正文".repeat(400)}`;
        const started = performance.now();
        const response = await fetch(`${BASE}/api/stories/${writer.storyId}`, {
          method: "PUT",
          headers: {
            "Content-Type": "application/json",
            Cookie: cookies[index] ?? "",
            Origin: BASE,
          },
          body: JSON.stringify({
            kind: "news",
            kicker: null,
            headline: `负载稿件 ${index}`,
            subheadline: null,
            byline: {
              dateline: "本报讯",
              reporters: [`写手${index}`],
              correspondents: [],
              photographers: [],
            },
            body: {
              type: "doc",
              content: [{ type: "paragraph", content: [{ type: "text", text }] }],
            },
            baseVersion: version,
          }),
        });
        const body = await response.text();
        saveTimes.push(performance.now() - started);
        saves += 1;
        if (response.status >= 500) status5xx += 1;
        if (/SQLITE_BUSY|database is locked/i.test(body)) busyErrors += 1;
        if (response.status === 200) {
          version = (JSON.parse(body) as { data: { version: number } }).data.version;
          acknowledged.set(writer.storyId, { version, text });
        } else {
          otherFailures += 1;
        }
      }
    });

    const readerLoop = (async () => {
      const inFlight = new Set<Promise<void>>();
      const interval = 1000 / READS_PER_SECOND;
      let next = Date.now();
      let i = 0;
      while (Date.now() < end) {
        const path = readerPaths[i % readerPaths.length] ?? "/";
        i += 1;
        const started = performance.now();
        const request = fetch(`${BASE}${path}`)
          .then(async (response) => {
            await response.arrayBuffer();
            readTimes.push(performance.now() - started);
            reads += 1;
            if (response.status >= 500) status5xx += 1;
          })
          .catch(() => {
            otherFailures += 1;
          })
          .finally(() => inFlight.delete(request));
        inFlight.add(request);
        next += interval;
        const wait = next - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      await Promise.all(inFlight);
    })();

    await Promise.all([...writerLoops, readerLoop]);

    const check = new Database(path.join(dataDir, "masthead.db"), { readonly: true });
    let lost = 0;
    for (const [storyId, last] of acknowledged) {
      const row = check
        .prepare("SELECT version, body_text AS text FROM stories WHERE id = ?")
        .get(storyId) as { version: number; text: string };
      if (row.version !== last.version || row.text !== last.text) lost += 1;
    }
    const integrity = check.pragma("integrity_check", { simple: true });
    check.close();

    const seconds = DURATION_MS / 1000;
    const lines = [
      "## Load without loss",
      "",
      `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}) · Node ${process.version} · \`npm run bench:load\` (load generator on the same 2 cores)`,
      "",
      `- ${WRITERS} writers saving every 2–5 s and readers at ${READS_PER_SECOND} pages/s for ${seconds} s against one server (SQLite, WAL, synchronous=FULL).`,
      `- Saves: ${saves} (${(saves / seconds).toFixed(1)}/s), p50 ${percentile(saveTimes, 50).toFixed(1)} ms, **p95 ${percentile(saveTimes, 95).toFixed(1)} ms**.`,
      `- Page reads: ${reads} (${(reads / seconds).toFixed(0)}/s), p50 ${percentile(readTimes, 50).toFixed(1)} ms, **p95 ${percentile(readTimes, 95).toFixed(1)} ms**.`,
      `- 5xx responses: **${status5xx}**; SQLITE_BUSY shown to a user: **${busyErrors}**; other failed requests: ${otherFailures}.`,
      `- Lost or reordered saves (story ≠ the last save its writer was told succeeded): **${lost}** of ${acknowledged.size} stories; integrity_check: ${String(integrity)}.`,
    ];
    console.log(lines.join("\n"));
    if (status5xx > 0 || busyErrors > 0 || lost > 0 || integrity !== "ok") {
      console.error(serverErrors.slice(-2000));
      process.exitCode = 1;
    }
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
