// The shipped reader cache's benchmark (docs/benchmarks.md, "Reader cache"); part of
// `npm run bench`, or alone: `npm run bench:edge [-- --seconds 10]`. Needs a build.
//
// `--no-load` skips wrk (a quick check of the rest).
//
// 1. The seed paper in a throwaway data folder, `next start` on 3311, and nginx with the
//    shipped deploy/nginx.conf (port 3312 → 3311). The same nginx also serves the very bytes
//    of the two pages as static files (3313): the ceiling.
// 2. wrk (Debian's, installed when missing) on a page view and a story view, cached vs static,
//    at 10 and 100 connections, one after the other in the same run.
// 3. Publish-to-visible and unpublish-to-gone through the cache: an issue published and taken
//    down again through the desk's own actions (signed in over HTTP, through nginx), while the
//    cache holds the 404 and then the page; the time until every reader URL (story, page,
//    photo) shows the change.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ensureTools, startNginx, stopNginx } from "./ensure-nginx.mjs";
import { serverEnv } from "./lib/server-env.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const APP_PORT = 3311;
const NGINX_PORT = 3312;
const STATIC_PORT = 3313;
const CACHED = `http://127.0.0.1:${NGINX_PORT}`;
const STATIC = `http://127.0.0.1:${STATIC_PORT}`;
const secondsArg = process.argv.indexOf("--seconds");
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 10;
const CONNECTIONS = process.argv.includes("--no-load") ? [] : [10, 100];
const ROUNDS = 3;
const WORK = path.join(os.tmpdir(), "masthead-bench-edge");
const DATA_DIR = path.join(WORK, "data");
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);
const log = (line = "") => process.stdout.write(`${line}\n`);

async function waitFor(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function wrk(wrkBin, url, connections) {
  const run = spawnSync(wrkBin, ["-t2", `-c${connections}`, `-d${SECONDS}s`, "--latency", url], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1] ?? Number.NaN);
  const p99 = /\s99%\s+([\d.]+\w+)/.exec(run.stdout)?.[1] ?? "?";
  const errors = /Non-2xx or 3xx responses:\s+(\d+)/.exec(run.stdout)?.[1] ?? "0";
  return { rate, p99, errors: Number(errors) };
}

/** Cookies of a response, as a Cookie header merged into `jar`. */
function keepCookies(jar, response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...value] = (pair ?? "").split("=");
    if (name) jar.set(name.trim(), value.join("="));
  }
}
const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Sign in as the demo chief editor over HTTP through nginx (next-auth's credentials flow). */
async function signIn() {
  const jar = new Map();
  const csrf = await fetch(`${CACHED}/api/auth/csrf`);
  keepCookies(jar, csrf);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${CACHED}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookieHeader(jar),
      Origin: CACHED,
    },
    body: new URLSearchParams({
      csrfToken,
      email: "chief@masthead.local",
      password: "masthead-demo",
      json: "true",
    }),
  });
  keepCookies(jar, response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`sign-in failed (${response.status})`);
  }
  return jar;
}

function actionId(exportedName) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
  );
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (
      entry.filename === "app/(newsroom)/desk/issues/actions.ts" &&
      entry.exportedName === exportedName
    )
      return id;
  }
  throw new Error(`no server action ${exportedName}`);
}

async function callAction(jar, name, args, atPath) {
  const response = await fetch(`${CACHED}${atPath}`, {
    method: "POST",
    headers: {
      "Next-Action": actionId(name),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: CACHED,
      Cookie: cookieHeader(jar),
    },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"ok":false')) {
    throw new Error(`${name}: ${response.status} ${text.slice(0, 200)}`);
  }
}

/** An approved story with a photo on a signed-off issue (the desk's steps, straight to the db). */
async function seedIssue(db, date, mark) {
  const { default: sharp } = await import("sharp");
  const key = `${Date.now().toString(16)}${date.replaceAll("-", "")}${"e".repeat(32)}`.slice(0, 32);
  const dir = path.join(DATA_DIR, "media", key);
  fs.mkdirSync(dir, { recursive: true });
  const picture = sharp({
    create: { width: 700, height: 400, channels: 3, background: { r: 200, g: 60, b: 40 } },
  });
  for (const width of [320, 640]) {
    await picture
      .clone()
      .resize(width)
      .webp()
      .toFile(path.join(dir, `${width}.webp`));
  }
  const editor = db.prepare("SELECT id FROM users WHERE email = 'editor@masthead.local'").get().id;
  return db.transaction(() => {
    const text = `${mark}正文。`;
    const body = JSON.stringify({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text }] }],
    });
    const storyId = db
      .prepare(
        `INSERT INTO stories (headline, body, body_text, status, author_id, submitted_at)
         VALUES (?, ?, ?, 'approved', ?, ?) RETURNING id`,
      )
      .get(`${mark}：标题`, body, text, editor, Date.now()).id;
    const mediaId = db
      .prepare(
        `INSERT INTO media (storage_key, mime_type, size_bytes, width, height, caption, uploaded_by)
         VALUES (?, 'image/webp', 1000, 700, 400, ?, ?) RETURNING id`,
      )
      .get(key, mark, editor).id;
    db.prepare("INSERT INTO story_photos (story_id, media_id, position) VALUES (?, ?, 0)").run(
      storyId,
      mediaId,
    );
    const issueId = db
      .prepare("INSERT INTO issues (date, number, status) VALUES (?, 9500, 'planned') RETURNING id")
      .get(date).id;
    // Built signed off, as a fixture: the benchmark's own throwaway database, never a workflow step.
    const pageId = db
      .prepare(
        "INSERT INTO pages (issue_id, number, name, status, version) VALUES (?, 1, '要闻', 'signed_off', 2) RETURNING id",
      )
      .get(issueId).id;
    db.prepare(
      "INSERT INTO placements (page_id, story_id, position, slot) VALUES (?, ?, 0, 'lead')",
    ).run(pageId, storyId);
    const now = Date.now();
    db.prepare(
      "INSERT INTO page_sign_offs (page_id, signed_off_at, snapshot) VALUES (?, ?, ?)",
    ).run(
      pageId,
      now,
      JSON.stringify({ page: { number: 1, name: "", banner: null }, placements: [], stories: [] }),
    );
    db.prepare("UPDATE issues SET signed_off_at = ? WHERE id = ?").run(now, issueId);
    return { issueId, storyId, mediaId };
  })();
}

/** Milliseconds from `startedAt` until `check()` is true, polling every 50 ms (at most 90 s). */
async function msUntil(check, startedAt) {
  for (;;) {
    if (await check()) return Date.now() - startedAt;
    if (Date.now() - startedAt > 90_000) return Number.POSITIVE_INFINITY;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freshness(jar) {
  const db = new Database(path.join(DATA_DIR, "masthead.db"));
  db.pragma("busy_timeout = 5000");
  const rows = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const date = `2017-05-${String(10 + round).padStart(2, "0")}`;
      const mark = `壬癸基准${round}`;
      const ids = await seedIssue(db, date, mark);
      const urls = [
        `/stories/${ids.storyId}`,
        `/issues/${date}/1`,
        `/media/${ids.mediaId}/640.webp`,
      ];
      const status = (url) => fetch(`${CACHED}${url}`).then((r) => r.status);
      // Readers already asked (the cache holds the 404s).
      for (let i = 0; i < 3; i += 1) await Promise.all(urls.map(status));
      const publishedAt = Date.now();
      await callAction(
        jar,
        "publishNow",
        [{ issueId: ids.issueId }],
        `/desk/issues/${ids.issueId}`,
      );
      const visible = await msUntil(async () => {
        const codes = await Promise.all(urls.map(status));
        return codes.every((code) => code === 200);
      }, publishedAt);
      // Readers keep reading: the cache holds the story, its page and the photo.
      for (let i = 0; i < 5; i += 1) await Promise.all(urls.map(status));
      const takenDownAt = Date.now();
      await callAction(
        jar,
        "unpublishIssue",
        [{ issueId: ids.issueId, reason: "基准测试" }],
        `/desk/issues/${ids.issueId}`,
      );
      const gone = await msUntil(async () => {
        const codes = await Promise.all(urls.map(status));
        return codes.every((code) => code === 404);
      }, takenDownAt);
      rows.push({ visible, gone });
    }
  } finally {
    db.close();
  }
  return rows;
}

async function main() {
  const { wrk: wrkBin } = ensureTools({ wrk: true });
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const env = { ...serverEnv({ dataDir: DATA_DIR, port: APP_PORT }), HOST: "127.0.0.1" };
  const setup = spawnSync(bin("tsx"), ["scripts/db-setup.ts"], { cwd: ROOT, stdio: "ignore", env });
  if (setup.status !== 0) throw new Error("db-setup failed");
  const app = spawn(bin("next"), ["start", "-H", "127.0.0.1", "-p", String(APP_PORT)], {
    cwd: ROOT,
    env,
    stdio: "ignore",
  });
  const staticRoot = path.join(WORK, "static");
  let nginx;
  try {
    await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`);
    nginx = await startNginx({
      port: NGINX_PORT,
      upstream: `127.0.0.1:${APP_PORT}`,
      prefix: path.join(WORK, "nginx"),
      quiet: true,
      extraHttp: `
    # The benchmark's ceiling: the same bytes as static files, same workers, same logging.
    server {
        listen 127.0.0.1:${STATIC_PORT};
        root ${staticRoot};
        default_type text/html;
    }`,
    });
    const db = new Database(path.join(DATA_DIR, "masthead.db"), { readonly: true });
    const storyId = db
      .prepare(
        "SELECT s.id FROM stories s JOIN placements pl ON pl.story_id = s.id JOIN pages p ON p.id = pl.page_id JOIN issues i ON i.id = p.issue_id WHERE i.date = '2023-02-22' AND p.number = 1 ORDER BY pl.position LIMIT 1",
      )
      .get().id;
    db.close();
    const targets = [
      { name: "page view", url: "/issues/2023-02-22/1", file: "page.html" },
      { name: "story view", url: `/stories/${storyId}`, file: "story.html" },
    ];
    fs.mkdirSync(staticRoot, { recursive: true, mode: 0o755 });
    fs.chmodSync(WORK, 0o755);
    for (const target of targets) {
      // Warm, then keep the very bytes the cache serves.
      for (let i = 0; i < 5; i += 1) await fetch(`${CACHED}${target.url}`).then((r) => r.text());
      const body = Buffer.from(await (await fetch(`${CACHED}${target.url}`)).arrayBuffer());
      fs.writeFileSync(path.join(staticRoot, target.file), body, { mode: 0o644 });
      target.bytes = body.length;
    }
    const rows = [];
    for (const target of targets) {
      for (const connections of CONNECTIONS) {
        const cached = wrk(wrkBin, `${CACHED}${target.url}`, connections);
        const ceiling = wrk(wrkBin, `${STATIC}/${target.file}`, connections);
        rows.push({ target, connections, cached, ceiling });
        log(
          `${target.name} c=${connections}: cached ${cached.rate.toFixed(0)} req/s, static ${ceiling.rate.toFixed(0)} req/s`,
        );
      }
    }
    const jar = await signIn();
    const fresh = await freshness(jar);

    const cpu = os.cpus();
    const nginxVersion = spawnSync("nginx", ["-v"], { encoding: "utf8" }).stderr.trim();
    const wrkVersion = spawnSync(wrkBin, ["-v"], { encoding: "utf8" }).stdout.split("\n")[0];
    const now = new Date().toISOString().replace("T", " ").slice(0, 16);
    const fmt = (n) => Math.round(n).toLocaleString("en-US");
    const s = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "> 90 s");
    log("\n## Reader cache\n");
    log(
      `Run ${now} UTC on ${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${os.release()}, Node ${process.version}, ${nginxVersion.replace("nginx version: ", "")}, ${wrkVersion.split(" [")[0]}; the machine is shared (other work may have run at the same time). \`npm run bench:edge\` (part of \`npm run bench\`) writes this section.`,
    );
    log();
    log(
      `The seed paper behind \`deploy/nginx.conf\` (its upstream and port changed, nothing else) vs the same nginx serving the very bytes of each page as a static file; \`wrk -t2 -d${SECONDS}s\`, without \`Accept-Encoding\` (the uncompressed bytes both ways), each pair back to back in one run. Target: cached ≥ 0.9× static.`,
    );
    log();
    log(
      "| view | bytes | connections | cached req/s | static req/s | ratio | cached p99 | static p99 |",
    );
    log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const row of rows) {
      const ratio = row.cached.rate / row.ceiling.rate;
      const errors = row.cached.errors + row.ceiling.errors;
      log(
        `| ${row.target.name} | ${fmt(row.target.bytes)} | ${row.connections} | ${fmt(row.cached.rate)} | ${fmt(row.ceiling.rate)} | ${ratio.toFixed(2)}× | ${row.cached.p99} | ${row.ceiling.p99} |${errors ? ` ${errors} non-2xx` : ""}`,
      );
    }
    log();
    log(
      `Freshness through the cache, ${ROUNDS} rounds: an issue (one story with a photo) published and taken down through the desk's actions over nginx, while readers already hold its 404s and then its pages in the cache; the time until the story, its page and its photo all answer 200 (published) or 404 (taken down), polled every 50 ms. Bound: 60 s; design: about 5–6 s (lib/cache-control.ts).`,
    );
    log();
    log("| round | publish → visible | unpublish → gone |");
    log("| --- | --- | --- |");
    fresh.forEach((row, i) => {
      log(`| ${i + 1} | ${s(row.visible)} | ${s(row.gone)} |`);
    });
    const worst = Math.max(...fresh.flatMap((row) => [row.visible, row.gone]));
    log();
    log(`Slowest: ${s(worst)}.`);
    if (!(worst < 60_000)) process.exitCode = 1;
  } finally {
    await stopNginx(nginx);
    app.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
