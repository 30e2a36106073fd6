// Readers' search on the ten-year archive (docs/benchmarks.md, "Search"; docs/search.md):
// searchStories() in process, every query kind, p95 against the 50 ms target. Needs the
// synthetic archive (npm run bench:seed -- --years 10). Run it alone on the machine:
//
//   /work/heavy npm run bench:search
//
// Prints a Markdown section; `npm run bench` puts it into docs/benchmarks.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sqlite } from "@/db/client";
import { MAX_COUNT, SPARSE_MATCHES, searchStories } from "@/lib/search";
import { gramKey, isShort, parseQuery } from "@/lib/search-terms";

const ROOT = path.resolve(__dirname, "..");
process.env.DATA_DIR ||= path.join(ROOT, "bench-data");
const DB_FILE = path.join(path.resolve(process.env.DATA_DIR), "masthead.db");
const TARGET_MS = 50;
const RUNS = 20;

type Query = { q: string; from?: string; to?: string };
const KINDS: [string, Query[]][] = [
  ["1 character", [{ q: "工" }, { q: "城" }, { q: "谷" }, { q: "宣" }]],
  ["2 characters", [{ q: "工会" }, { q: "东城" }, { q: "职工" }, { q: "平谷" }, { q: "宣讲" }]],
  [
    "3+ characters",
    [{ q: "加强年" }, { q: "县级工会加强年" }, { q: "劳动和技能竞赛" }, { q: "时代号子" }],
  ],
  [
    "mixed short and long",
    [
      { q: "东城 加强年" },
      { q: "工会 劳动和技能竞赛" },
      { q: "平谷 职工沟通会" },
      { q: "职工 时代号子" },
    ],
  ],
  ["Latin", [{ q: "AI" }, { q: "5g" }, { q: "APEC" }, { q: "beijing" }, { q: "covid-19" }]],
  ["number", [{ q: "2023" }, { q: "50" }, { q: "3.5%" }, { q: "699" }, { q: "9" }]],
  [
    "date range",
    [
      { q: "工会", from: "2025-01-01", to: "2025-12-31" },
      { q: "东城", from: "2019-03-01", to: "2019-03-31" },
      { q: "加强年", from: "2017-01-01", to: "2018-12-31" },
      { q: "AI 职工", from: "2020-06-01", to: "2020-06-30" },
    ],
  ],
  [
    "no hit",
    [{ q: "不存在的词语组合" }, { q: "鑫" }, { q: "zq" }, { q: "9999" }, { q: '"NOT" AND *' }],
  ],
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

function main(): void {
  if (!fs.existsSync(DB_FILE)) {
    console.error(`No archive at ${DB_FILE}: run npm run bench:seed -- --years 10 first.`);
    process.exit(1);
  }
  const conn = sqlite();
  const counts = conn
    .prepare(
      "SELECT (SELECT count(*) FROM issues WHERE status = 'published') AS issues, (SELECT count(*) FROM stories WHERE status = 'published') AS stories",
    )
    .get() as { issues: number; stories: number };
  const pageCount = conn.pragma("page_count", { simple: true }) as number;
  const pageSize = conn.pragma("page_size", { simple: true }) as number;
  const indexBytes = (table: string) =>
    (
      conn
        .prepare(
          "SELECT coalesce(sum(pgsize), 0) AS bytes FROM dbstat WHERE name LIKE ? || '%' AND name <> ?",
        )
        .get(table, table) as { bytes: number }
    ).bytes;
  let sizes = "";
  try {
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
    sizes = `; the trigram index (stories_fts) takes ${mb(indexBytes("stories_fts"))}, the gram index (stories_grams) ${mb(indexBytes("stories_grams"))}`;
  } catch {
    // dbstat is compiled in better-sqlite3's SQLite; if not, leave the sizes out.
  }
  conn.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.grams_vocab USING fts5vocab(main, stories_grams, 'row')",
  );
  const vocab = conn.prepare("SELECT doc FROM temp.grams_vocab WHERE term = ?");
  /** How many stories (any status) the gram index lists for a short term. */
  const gramDocs = (term: string) =>
    (vocab.get(gramKey(term)) as { doc: number } | undefined)?.doc ?? 0;

  const cpus = os.cpus();
  const lines: string[] = [];
  const log = (line = "") => {
    console.log(line);
    lines.push(line);
  };
  log("## Search");
  log();
  log(
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus.length} × ${cpus[0]?.model.trim()}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; ` +
      "the machine is shared (other work may have run at the same time). `npm run bench:search` (part of `npm run bench`) writes this section.",
  );
  log();
  log(
    `Archive: ${counts.issues.toLocaleString("en")} published issues, ${counts.stories.toLocaleString("en")} published stories ` +
      `(\`npm run bench:seed -- --years 10\`; text recombined from the seed page's sentences, so common words such as 工会 are in most stories; one story in 17 also carries a sentence with Latin words and numbers), ` +
      `database ${((pageCount * pageSize) / 2 ** 20).toFixed(0)} MB${sizes}.`,
  );
  log();
  log(
    `\`searchStories()\` in process, ${RUNS} runs a query after one warm-up (every fourth run asks for result page 3; every query counts up to ${MAX_COUNT} hits and returns its page). ` +
      `"matches in index" is how many stories (any status) the gram index lists for a short term — the denser a term, the sooner the newest-first walk fills a page; a query with an index under its bound (${SPARSE_MATCHES.gram.toLocaleString("en")} matches for the gram index, ${SPARSE_MATCHES.trigram.toLocaleString("en")} for the trigram index) reads those whole and sorts them instead. Target: p95 < ${TARGET_MS} ms for every kind.`,
  );
  log();
  log("| kind | query | results | matches in index (short terms) | p50 ms | p95 ms |");
  log("| --- | --- | --- | --- | --- | --- |");
  const byKind: [string, number[]][] = [];
  for (const [kind, queries] of KINDS) {
    const times: number[] = [];
    for (const query of queries) {
      const run = (page: string) => searchStories({ ...query, page, now: new Date() });
      const first = run("1");
      const own: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const t0 = performance.now();
        run(i % 4 === 3 ? "3" : "1");
        own.push(performance.now() - t0);
      }
      times.push(...own);
      const total =
        first.kind === "results"
          ? `${first.moreThanTotal ? "> " : ""}${first.total.toLocaleString("en")}`
          : "—";
      const shortTerms = parseQuery(query.q).terms.filter(isShort);
      const density = shortTerms.map((t) => `${t}: ${gramDocs(t).toLocaleString("en")}`).join(", ");
      const range = query.from ? ` (${query.from} – ${query.to})` : "";
      log(
        `| ${kind} | \`${query.q}\`${range} | ${total} | ${density || "—"} | ${ms(percentile(own, 50))} | ${ms(percentile(own, 95))} |`,
      );
    }
    byKind.push([kind, times]);
  }
  log();
  log("| kind | runs | p50 ms | p95 ms | under target |");
  log("| --- | --- | --- | --- | --- |");
  let failed = false;
  for (const [kind, times] of byKind) {
    const p95 = percentile(times, 95);
    if (p95 >= TARGET_MS) failed = true;
    log(
      `| ${kind} | ${times.length} | ${ms(percentile(times, 50))} | ${ms(p95)} | ${p95 < TARGET_MS ? "yes" : "**no**"} |`,
    );
  }
  log();
  process.exit(failed ? 1 : 0);
}

main();
