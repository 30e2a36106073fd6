// Import benchmark: 1,000 generated pages parsed and imported into a throwaway database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { closeDatabase, db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { importIntoPage } from "@/lib/import/apply";
import { decodePageBytes } from "@/lib/import/decode";
import { parsePage } from "@/lib/import/parse-page";

// `npm run bench:import -- --pages 200` for a quicker run.
const pagesArg = process.argv.indexOf("--pages");
const PAGES = pagesArg > 0 ? Number(process.argv[pagesArg + 1]) : 1000;
const PAGES_PER_ISSUE = 8;
const TARGET_SECONDS = 60;

function fixtureTexts(): string[] {
  const root = process.cwd();
  const dir = path.join(root, "lib/import/fixtures");
  const files = [
    path.join(root, "db/fixtures/seed-page.txt"),
    ...fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => path.join(dir, f)),
  ];
  return files.map((file) => {
    const decoded = decodePageBytes(new Uint8Array(fs.readFileSync(file)));
    if (!decoded.ok) throw new Error(`${file}: ${decoded.message}`);
    return decoded.text;
  });
}

// Pages differ from the fixtures the way back issues differ from each other: other figures,
// Windows line endings, and fuller pages made of two fixtures' stories.
function generatePage(texts: string[], i: number): string {
  const base = texts[i % texts.length] ?? "";
  let text = base.replace(/\d+/gu, (n) => String((Number(n) + i) % 10_000));
  if (i % 3 === 1) text += `\n\n\n${texts[(i * 7 + 3) % texts.length] ?? ""}`;
  if (i % 4 === 2) text = text.replace(/\n/gu, "\r\n");
  return text;
}

function issueDate(index: number): string {
  const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bench-import-"));
  // The database client reads its location from the environment; point it at the throwaway.
  process.env.DATA_DIR = dir;
  try {
    migrateDatabase();
    const admin = db()
      .insert(users)
      .values({
        email: "bench@test.local",
        displayName: "Bench",
        role: "admin",
        passwordHash: "not-a-login",
      })
      .returning({ id: users.id })
      .get();
    const texts = fixtureTexts();
    const pages = Array.from({ length: PAGES }, (_, i) => generatePage(texts, i));
    const bytes = pages.reduce((sum, p) => sum + Buffer.byteLength(p), 0);

    let parseMs = 0;
    let importMs = 0;
    let storyCount = 0;
    const started = performance.now();
    pages.forEach((text, i) => {
      const t0 = performance.now();
      const parsed = parsePage(text);
      const t1 = performance.now();
      const result = importIntoPage({
        parsed,
        date: issueDate(Math.floor(i / PAGES_PER_ISSUE)),
        pageNumber: (i % PAGES_PER_ISSUE) + 1,
        status: "approved",
        actorId: admin.id,
        source: `bench-${i}.txt`,
        now: new Date(),
      });
      parseMs += t1 - t0;
      importMs += performance.now() - t1;
      storyCount += result.storyIds.length;
    });
    const totalSeconds = (performance.now() - started) / 1000;

    console.log(
      `Import benchmark: ${PAGES} pages (${(bytes / 1024 / 1024).toFixed(1)} MB of text), ${storyCount} stories`,
    );
    console.log(
      `  machine: ${os.cpus().length} cores, Node ${process.versions.node}, ${os.platform()}`,
    );
    console.log(
      `  parse:  ${(parseMs / 1000).toFixed(2)} s (${(PAGES / (parseMs / 1000)).toFixed(0)} pages/s)`,
    );
    console.log(
      `  import: ${(importMs / 1000).toFixed(2)} s (${(PAGES / (importMs / 1000)).toFixed(0)} pages/s)`,
    );
    console.log(
      `  total:  ${totalSeconds.toFixed(2)} s, ${(PAGES / totalSeconds).toFixed(1)} pages/s (target: under ${TARGET_SECONDS} s)`,
    );
    if (totalSeconds >= TARGET_SECONDS) process.exitCode = 1;
  } finally {
    closeDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
