// Reader pages (`npm run bench:reader`, issue #15): the seed paper's page view and story view
// from `next start` alone, in both languages. Throughput of cached pages with autocannon
// (10 connections, 10 s, with and without gzip), the bytes a reader gets (HTML, inline React
// Server Components payload, scripts), and Lighthouse 12 mobile (median of 3 runs): LCP and
// TBT. Prints a Markdown section for docs/benchmarks.md. Targets: ≥ 1,500 req/s, LCP < 1.0 s,
// TBT < 50 ms.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { waitForHealth } from "./lib/test-server";

const ROOT = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const PORT = Number(process.env.BENCH_READER_PORT ?? 3520);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROME = process.env.CHROME_PATH ?? "/usr/lib/chromium/chromium";
const CHROME_FLAGS =
  "--headless --no-sandbox --disable-gpu --disable-background-networking " +
  "--disable-component-update --no-first-run --disable-sync";
const RUNS = Number(process.env.BENCH_READER_LIGHTHOUSE_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_READER_SECONDS ?? 10);

type Lighthouse = { lcp: number; tbt: number; fcp: number; score: number; scriptKiB: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/** The story view of the seed paper's first story, found on its page view. */
async function firstStoryPath(): Promise<string> {
  const html = await (await fetch(`${BASE}/issues/2023-02-22/1`)).text();
  const id = /href="\/stories\/(\d+)"/.exec(html)?.[1];
  if (!id) throw new Error("no story on the seed page");
  return `/stories/${id}`;
}

async function weight(pathname: string) {
  const response = await fetch(`${BASE}${pathname}`, { headers: { "Accept-Encoding": "gzip" } });
  const html = await response.text();
  let rsc = 0;
  for (const m of html.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)) {
    const pushed = JSON.parse(m[1] ?? "[]") as unknown[];
    if (typeof pushed[1] === "string") rsc += Buffer.byteLength(pushed[1]);
  }
  return {
    cache: response.headers.get("x-nextjs-cache") ?? "-",
    encoding: response.headers.get("content-encoding") ?? "none",
    vary: response.headers.get("vary") ?? "",
    html: Buffer.byteLength(html),
    gzip: gzipSync(html).length,
    rsc,
    newsroomLinksPrefetched: /<link[^>]+(?:prefetch|preload)[^>]+\/(?:desk|login)/.test(html),
  };
}

async function throughput(pathname: string, gzip: boolean): Promise<number> {
  const result = await autocannon({
    url: `${BASE}${pathname}`,
    connections: 10,
    duration: SECONDS,
    ...(gzip ? { headers: { "accept-encoding": "gzip" } } : {}),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${pathname}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return result.requests.average;
}

function lighthouseOnce(url: string, out: string): Lighthouse {
  const run = spawnSync(
    bin("lighthouse"),
    [
      url,
      "--quiet",
      `--chrome-path=${CHROME}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      "--form-factor=mobile",
      "--only-categories=performance",
      "--output=json",
      `--output-path=${out}`,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed: ${run.stderr.slice(-500)}`);
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  const audits = report.audits;
  const scripts = audits["resource-summary"].details.items.find(
    (i: { resourceType: string }) => i.resourceType === "script",
  );
  return {
    lcp: audits["largest-contentful-paint"].numericValue,
    tbt: audits["total-blocking-time"].numericValue,
    fcp: audits["first-contentful-paint"].numericValue,
    score: Math.round(report.categories.performance.score * 100),
    scriptKiB: (scripts?.transferSize ?? 0) / 1024,
  };
}

function lighthouse(url: string, dir: string): Lighthouse {
  const runs = Array.from({ length: RUNS }, (_, i) =>
    lighthouseOnce(url, path.join(dir, `lighthouse-${i}.json`)),
  );
  return {
    lcp: median(runs.map((r) => r.lcp)),
    tbt: median(runs.map((r) => r.tbt)),
    fcp: median(runs.map((r) => r.fcp)),
    score: median(runs.map((r) => r.score)),
    scriptKiB: median(runs.map((r) => r.scriptKiB)),
  };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-reader-"));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(PORT),
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: "reader-bench-secret",
    NEXTAUTH_URL: BASE,
  };
  const setup = spawnSync(bin("tsx"), ["scripts/db-setup.ts"], { cwd: ROOT, env });
  if (setup.status !== 0) throw new Error(setup.stderr.toString());
  const server: ChildProcess = spawn(bin("next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(PORT);
    const story = await firstStoryPath();
    const views = [
      ["page view", "/issues/2023-02-22/1"],
      ["story view", story],
      ["page view, English", "/en/issues/2023-02-22/1"],
      ["story view, English", `/en${story}`],
    ] as const;
    // Warm: rendered once, then served from Next's cache.
    for (const [, p] of views) for (let i = 0; i < 3; i += 1) await weight(p);

    const rows: string[] = [];
    const lighthouseRows: string[] = [];
    let failed = false;
    for (const [name, p] of views) {
      const w = await weight(p);
      const plain = await throughput(p, false);
      const gzip = await throughput(p, true);
      if (Math.min(plain, gzip) < 1500) failed = true;
      rows.push(
        `| ${name} | \`${p}\` | ${w.cache} | ${Math.round(plain).toLocaleString("en")} | ${Math.round(gzip).toLocaleString("en")} | ${(w.html / 1024).toFixed(1)} KB (${w.encoding === "gzip" ? "gzip" : "no gzip!"} ${(w.gzip / 1024).toFixed(1)} KB) | ${(w.rsc / 1024).toFixed(1)} KB | ${/cookie/i.test(w.vary) ? "yes!" : "no"} |`,
      );
    }
    for (const [name, p] of views.slice(0, 2)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-lighthouse-"));
      const l = lighthouse(`${BASE}${p}`, dir);
      if (l.lcp >= 1000 || l.tbt >= 50) failed = true;
      lighthouseRows.push(
        `| ${name} | ${l.score} | ${(l.fcp / 1000).toFixed(2)} s | ${(l.lcp / 1000).toFixed(2)} s | ${Math.round(l.tbt)} ms | ${l.scriptKiB.toFixed(0)} KiB |`,
      );
    }
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(
      [
        "## Reader pages",
        "",
        `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, Node ${process.version}, the seed paper, \`next start\` alone on loopback (\`npm run bench:reader\`).`,
        `Throughput: autocannon, 10 connections, ${SECONDS} s each, after warming; "gzip" sends \`Accept-Encoding: gzip\` and gets compressed pages. Target ≥ 1,500 req/s.`,
        "",
        "| view | URL | cache | req/s | req/s (gzip) | HTML | inline RSC payload | Vary: Cookie |",
        "|---|---|---|---|---|---|---|---|",
        ...rows,
        "",
        `Lighthouse ${lighthouseVersion()} mobile (simulated slow 4G, 4× CPU), performance only, median of ${RUNS} runs. Targets: LCP < 1.0 s, TBT < 50 ms.`,
        "",
        "| view | score | FCP | LCP | TBT | scripts |",
        "|---|---|---|---|---|---|",
        ...lighthouseRows,
        "",
      ].join("\n"),
    );
    if (failed) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function lighthouseVersion(): string {
  const pkg = path.join(ROOT, "node_modules", "lighthouse", "package.json");
  return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
