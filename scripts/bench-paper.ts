// The public paper's benchmark (docs/benchmarks.md, "Public paper"). Needs the synthetic
// archive (npm run bench:seed -- --years 10) and a build. Run it alone on the machine:
//
//   flock -o /tmp/masthead-build.lock npm run bench:paper [-- --no-lighthouse]
//
// 1. serves the built app on the archive (port 3201), warms it, and drives a story page and a
//    page view with autocannon (10 connections, 10 s); the same page's HTML from nginx (3202)
//    is the ceiling, a route handler that skips the proxy (/api/health) the floor of Next;
// 2. in this process: an uncached 12-story page (database read + React render) — search has its
//    own benchmark, scripts/bench-search.ts;
// 3. Lighthouse (mobile) on a page view and a story view.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PageView } from "@/components/paper/page-view";
import { sqlite } from "@/db/client";
import { getPageView } from "@/lib/paper";

const ROOT = path.resolve(__dirname, "..");
process.env.DATA_DIR ||= path.join(ROOT, "bench-data");
const DATA_DIR = path.resolve(process.env.DATA_DIR);
const DB_FILE = path.join(DATA_DIR, "masthead.db");
const PORT = 3201;
const NGINX_PORT = 3202;
const BASE = `http://127.0.0.1:${PORT}`;
const lighthouse = !process.argv.includes("--no-lighthouse");

async function main(): Promise<void> {
  if (!fs.existsSync(DB_FILE)) {
    console.error(`No archive at ${DB_FILE}: run npm run bench:seed -- --years 10 first.`);
    process.exit(1);
  }

  const { buildIfNeeded } = (await import(path.join(ROOT, "scripts/lib/build.mjs"))) as {
    buildIfNeeded: () => void;
  };

  type Row = Record<string, string | number>;
  const report: string[] = [];
  const log = (line = "") => {
    console.log(line);
    report.push(line);
  };

  function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  }
  const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

  function table(rows: Row[]): void {
    const keys = Object.keys(rows[0] ?? {});
    log(`| ${keys.join(" | ")} |`);
    log(`| ${keys.map(() => "---").join(" | ")} |`);
    for (const row of rows) log(`| ${keys.map((k) => row[k]).join(" | ")} |`);
    log();
  }

  async function waitFor(url: string, seconds: number): Promise<void> {
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      try {
        if ((await fetch(url)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${url} did not answer within ${seconds} s`);
  }

  async function load(url: string): Promise<Row> {
    const result = await autocannon({ url, connections: 10, duration: 10 });
    return {
      "req/s (mean)": Math.round(result.requests.average),
      "latency p50 ms": result.latency.p50,
      "latency p99 ms": result.latency.p99,
      "non-2xx": result.non2xx,
      errors: result.errors,
    };
  }

  // --- the archive ------------------------------------------------------------------------------
  const conn = sqlite();
  const counts = conn
    .prepare(
      "SELECT (SELECT count(*) FROM issues WHERE status = 'published') AS issues, (SELECT count(*) FROM stories WHERE status = 'published') AS stories",
    )
    .get() as { issues: number; stories: number };
  const latest = (
    conn
      .prepare("SELECT date FROM issues WHERE status = 'published' ORDER BY date DESC LIMIT 1")
      .get() as {
      date: string;
    }
  ).date;
  const storyId = (
    conn
      .prepare(
        `SELECT pl.story_id AS id FROM placements pl JOIN pages p ON p.id = pl.page_id
       JOIN issues i ON i.id = p.issue_id WHERE i.date = ? AND p.number = 1 ORDER BY pl.position LIMIT 1 OFFSET 1`,
      )
      .get(latest) as { id: number }
  ).id;
  const pagePath = `/issues/${latest}/1`;
  const storyPath = `/stories/${storyId}`;

  const cpus = os.cpus();
  log("## Public paper");
  log();
  log(
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus.length} × ${cpus[0]?.model.trim()}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; ` +
      "the machine is shared (other work may have run at the same time). `npm run bench:paper` (part of `npm run bench`) writes this section.",
  );
  log();
  log(
    `Archive: ${counts.issues.toLocaleString("en")} published issues, ${counts.stories.toLocaleString("en")} published stories ` +
      `(\`npm run bench:seed -- --years 10\`: 8 pages a day, 12 stories on page 1, 48 an issue), ` +
      `database ${(fs.statSync(DB_FILE).size / 2 ** 20).toFixed(0)} MB.`,
  );
  log();

  // --- 2. in-process: uncached page render (before the server competes for CPU) -----------------
  const dates = (
    conn
      .prepare("SELECT date FROM issues WHERE status = 'published' ORDER BY random() LIMIT 200")
      .all() as { date: string }[]
  ).map((r) => r.date);
  const readTimes: number[] = [];
  const renderTimes: number[] = [];
  let storiesOnPage = 0;
  let htmlBytes = 0;
  for (const [i, date] of dates.entries()) {
    const t0 = performance.now();
    const view = getPageView(date, 1, new Date());
    const t1 = performance.now();
    if (!view) throw new Error(`no page 1 on ${date}`);
    const html = renderToStaticMarkup(
      createElement(PageView, { locale: "zh-CN", paperName: "职工时报", view }),
    );
    const t2 = performance.now();
    if (i >= 10) {
      // the first renders warm up the JIT and SQLite's page cache
      readTimes.push(t1 - t0);
      renderTimes.push(t2 - t1);
    }
    storiesOnPage = view.stories.length;
    htmlBytes = html.length;
  }
  const totals = readTimes.map((r, i) => r + (renderTimes[i] ?? 0));
  log("### Uncached page view, in process");
  log();
  log(
    `Page 1 of 190 random issues (${storiesOnPage} stories, ${Math.round(htmlBytes / 1024)} KB of markup): ` +
      "the database read (`getPageView`, no cache) and the React render of the page (`renderToStaticMarkup`).",
  );
  log();
  table([
    {
      step: "database read",
      "p50 ms": ms(percentile(readTimes, 50)),
      "p95 ms": ms(percentile(readTimes, 95)),
    },
    {
      step: "React render",
      "p50 ms": ms(percentile(renderTimes, 50)),
      "p95 ms": ms(percentile(renderTimes, 95)),
    },
    { step: "total", "p50 ms": ms(percentile(totals, 50)), "p95 ms": ms(percentile(totals, 95)) },
  ]);

  log('Search on the same archive is measured by `npm run bench:search` (section "Search" below).');
  log();

  // --- 1. over HTTP --------------------------------------------------------------------------------
  buildIfNeeded();
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.on("exit", stopAll);
  process.on("SIGINT", () => process.exit(130));

  const server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: "bench-only-secret",
      NEXTAUTH_URL: BASE,
    },
    stdio: "ignore",
    detached: true, // its own process group, so the next-server child stops with it
  });
  children.push(server);
  const stopServer = () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {}
    }
  };
  process.on("exit", stopServer);
  await waitFor(`${BASE}/api/health`, 60);

  for (const p of [pagePath, storyPath]) {
    for (let i = 0; i < 20; i += 1) await (await fetch(`${BASE}${p}`)).text();
  }
  const pageHtml = await (await fetch(`${BASE}${pagePath}`)).text();
  const cacheState = (await fetch(`${BASE}${pagePath}`)).headers.get("x-nextjs-cache");

  // nginx serving the same HTML as a static file: the ceiling for this machine.
  let nginxRow: Row | null = null;
  let nginxNote = "";
  let nginx = spawnSync("sh", ["-c", "command -v nginx || ls /usr/sbin/nginx"], {
    encoding: "utf8",
  })
    .stdout.trim()
    .split("\n")[0];
  if (!nginx && process.getuid?.() === 0) {
    spawnSync("apt-get", ["install", "-y", "-q", "nginx-light"], { stdio: "ignore" });
    nginx = fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "";
  }
  if (nginx) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-nginx-"));
    fs.writeFileSync(path.join(dir, "page.html"), pageHtml);
    fs.writeFileSync(
      path.join(dir, "nginx.conf"),
      `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir};
  uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${dir};
    location / { default_type "text/html; charset=utf-8"; try_files /page.html =404; }
  }
}
`,
    );
    const proc = spawn(nginx, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore" });
    children.push(proc);
    await waitFor(`http://127.0.0.1:${NGINX_PORT}/`, 10);
    nginxRow = {
      url: "the same page HTML, static file",
      server: "nginx, 1 worker",
      ...(await load(`http://127.0.0.1:${NGINX_PORT}/`)),
    };
    proc.kill("SIGTERM");
  } else {
    nginxNote =
      "nginx is not installed and could not be installed (not root): no ceiling measured.";
  }

  const rows: Row[] = [
    {
      url: `\`${pagePath}\` (page view, 12 stories)`,
      server: "next start",
      ...(await load(`${BASE}${pagePath}`)),
    },
    {
      url: `\`${storyPath}\` (story view)`,
      server: "next start",
      ...(await load(`${BASE}${storyPath}`)),
    },
    {
      url: "`/api/health` (route handler, no proxy)",
      server: "next start",
      ...(await load(`${BASE}/api/health`)),
    },
  ];
  if (nginxRow) rows.push(nginxRow);
  const pageBytes = Buffer.byteLength(pageHtml);
  const inlineBytes = [...pageHtml.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[1] ?? ""),
    0,
  );
  log("### Throughput over HTTP");
  log();
  log(
    `autocannon, 10 connections, 10 s each, on loopback, after warming (the page answers \`x-nextjs-cache: ${cacheState}\`); ` +
      `page HTML ${Math.round(pageBytes / 1024)} KB uncompressed, of which ${Math.round(inlineBytes / 1024)} KB is the inline ` +
      "React Server Components payload (autocannon sends no Accept-Encoding). autocannon runs on the same two cores.",
  );
  log();
  table(rows);
  if (nginxNote) log(nginxNote);
  const rate = (row: Row | undefined) => Number(row?.["req/s (mean)"] ?? 0);
  const [pageRow, storyRow, floorRow] = rows;
  const perRequest = (row: Row | undefined) => (rate(row) > 0 ? 1000 / rate(row) : 0);
  log(
    "Where the time goes (one Node thread serves every request, so 1000 / req/s is its time per request):",
  );
  log();
  log(
    `- Next's floor, a route handler that skips the proxy and returns a few bytes: ${ms(perRequest(floorRow))} ms a request ` +
      "(HTTP parsing, routing, the response pipeline).",
  );
  log(
    "- A cached page adds the language rewrite (next.config.ts; readers skip the proxy), the lookup of the rendered page in the in-memory cache, headers " +
      `and writing the body: ${ms(perRequest(storyRow))} ms for the story, ${ms(perRequest(pageRow))} ms for the ` +
      `${Math.round(pageBytes / 1024)} KB page view; the difference between the two is mostly body size. Nothing is ` +
      "rendered and the database is not touched on a cache hit.",
  );
  if (nginxRow) {
    log(
      `- nginx sends the same bytes from a file at ${rate(nginxRow)} req/s (${ms(perRequest(nginxRow))} ms): the rest is ` +
        "Node and Next per-request overhead. A CDN in front (the pages are `public, s-maxage=60`) serves nearly every " +
        "read without reaching Node at all.",
    );
  }
  log();

  // --- 3. Lighthouse ---------------------------------------------------------------------------
  if (lighthouse) {
    const scores: Row[] = [];
    for (const [name, p] of [
      ["page view", pagePath],
      ["story view", storyPath],
    ] as const) {
      const out = path.join(os.tmpdir(), `masthead-lighthouse-${name.replace(" ", "-")}.json`);
      execFileSync(
        "npx",
        [
          "-y",
          "lighthouse@13.5.0",
          `${BASE}${p}`,
          "--chrome-path=/usr/lib/chromium/chromium",
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
          "--only-categories=performance,accessibility,best-practices,seo",
          "--output=json",
          `--output-path=${out}`,
          "--quiet",
        ],
        { stdio: "ignore", timeout: 180_000 },
      );
      const result = JSON.parse(fs.readFileSync(out, "utf8")) as {
        categories: Record<string, { score: number | null }>;
        audits: Record<string, { displayValue?: string }>;
      };
      const score = (key: string) => Math.round((result.categories[key]?.score ?? 0) * 100);
      scores.push({
        view: `${name} \`${p}\``,
        performance: score("performance"),
        accessibility: score("accessibility"),
        "best practices": score("best-practices"),
        SEO: score("seo"),
        LCP: result.audits["largest-contentful-paint"]?.displayValue ?? "",
        TBT: result.audits["total-blocking-time"]?.displayValue ?? "",
        CLS: result.audits["cumulative-layout-shift"]?.displayValue ?? "",
      });
    }
    log("### Lighthouse 13.5.0, mobile (default emulation and throttling)");
    log();
    table(scores);
  }

  stopServer();
  stopAll();

  // --- docs/benchmarks.md: replace this section, keep every other one ----------------------------
  const docs = path.join(ROOT, "docs", "benchmarks.md");
  const existing = fs.existsSync(docs) ? fs.readFileSync(docs, "utf8") : "# Benchmarks\n";
  const section = `${report.join("\n").trimEnd()}\n`;
  const start = existing.indexOf("## Public paper");
  let next = -1;
  if (start >= 0) {
    const after = existing.slice(start + 3).search(/^## /m);
    next = after >= 0 ? start + 3 + after : -1;
  }
  const updated =
    start >= 0
      ? `${existing.slice(0, start)}${section}${next >= 0 ? `\n${existing.slice(next)}` : ""}`
      : `${existing.trimEnd()}\n\n${section}`;
  fs.writeFileSync(docs, updated);
  console.log(`\nWrote ${path.relative(ROOT, docs)} (section "Public paper").`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
