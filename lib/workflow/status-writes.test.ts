import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Nothing but lib/workflow/apply.ts writes a status column: this scans the sources for the
// shapes such a write takes and fails on any outside it.
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SCANNED = ["lib", "app", "scripts", "db", "components"];
const SKIPPED = [/\/db\/migrations\//, /\.test\.tsx?$/, /\/db\/testing\//];
const ALLOWED = new Set(["lib/workflow/apply.ts"]);
// Benchmarks build 100,000-row fixtures with raw INSERTs into a throwaway database.
const FIXTURE_BUILDERS = /^scripts\/bench-[\w-]+\.(?:ts|mjs)$/;

const PATTERNS: { name: string; re: RegExp; fixtures?: boolean }[] = [
  // drizzle: .set({ …, status: … }) or .set({ status })
  { name: "update set status", re: /\.set\(\s*\{[^;]*?\bstatus\s*[:,}]/g },
  // drizzle: .insert(stories | issues | pages).values({ …, status: … })
  {
    name: "insert with status",
    re: /\.insert\(\s*(?:stories|issues|pages)\s*\)\s*\.values\(\s*(?:\{|\[|\w)[^;]*?\bstatus\s*[:,}]/g,
  },
  // raw SQL: UPDATE … SET … status =
  { name: "raw UPDATE SET status", re: /\bUPDATE\s+\w+\s+SET\b[^;`"']*?\bstatus\s*=/gi },
  // raw SQL: INSERT INTO stories|issues|pages (… status …)
  {
    name: "raw INSERT with status",
    re: /\bINSERT\s+INTO\s+(?:stories|issues|pages)\s*\([^)]*\bstatus\b/gi,
    fixtures: true,
  },
];

/** The status writes found in one file's text (the scanner itself, tested below). */
function findStatusWrites(text: string, file = ""): string[] {
  const found: string[] = [];
  for (const { name, re, fixtures } of PATTERNS) {
    if (fixtures && FIXTURE_BUILDERS.test(file)) continue;
    for (const match of text.matchAll(re)) {
      // A .set({ … }) match must not run past the end of its own object into later code.
      const snippet = match[0];
      if (
        name === "update set status" &&
        /\}\s*\)/.test(snippet.replace(/\bstatus\s*[:,}]$/, ""))
      ) {
        continue;
      }
      const line = text.slice(0, match.index).split("\n").length;
      found.push(`${file}:${line} ${name}`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mjs|js|sql)$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe("only lib/workflow/apply.ts writes a status", () => {
  it("finds no status write anywhere else in lib/, app/, components/, scripts/ and db/", () => {
    const found: string[] = [];
    for (const dir of SCANNED) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        const relative = path.relative(ROOT, file).split(path.sep).join("/");
        if (ALLOWED.has(relative) || SKIPPED.some((re) => re.test(`/${relative}`))) continue;
        found.push(...findStatusWrites(fs.readFileSync(file, "utf8"), relative));
      }
    }
    expect(found).toEqual([]);
  });

  it("does find apply.ts's own writes (the scanner is not blind)", () => {
    const text = fs.readFileSync(path.join(ROOT, "lib/workflow/apply.ts"), "utf8");
    expect(findStatusWrites(text).length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['tx.update(stories).set({ status: "published", version: 2 }).where(x).run();'],
    ['tx.update(issues)\n  .set({\n    publishAt: null,\n    status: "planned",\n  })'],
    ["db.update(pages).set({ status }).run()"],
    ['tx.insert(stories).values({ headline: "h", status: "approved", authorId: 1 }).run();'],
    ['tx.insert(issues).values([{ date: "2023-01-01", number: 1, status: "published" }])'],
    ["sqlite.exec(\"UPDATE stories SET status = 'published' WHERE id = 1\")"],
    ["db.prepare(`update issues set version = 2, status = ? where id = ?`)"],
    ['db.prepare("INSERT INTO stories (headline, status) VALUES (?, ?)")'],
  ])("catches a planted write: %s", (planted) => {
    expect(findStatusWrites(planted, "lib/planted.ts")).toHaveLength(1);
  });

  it.each([
    ['tx.update(stories).set({ version: 2, updatedAt: now }).where(eq(stories.status, "x"))'],
    ["const rows = tx.select({ status: stories.status }).from(stories).all();"],
    ['tx.insert(notifications).values({ userId, kind: "submitted" }).run();'],
    ["db.prepare(\"SELECT status FROM issues WHERE status = 'published'\")"],
    ['tx.update(users).set({ isActive: false }).run(); const s = { status: "x" };'],
  ])("leaves reads and other columns alone: %s", (innocent) => {
    expect(findStatusWrites(innocent, "lib/innocent.ts")).toEqual([]);
  });

  it("lets benchmark fixtures insert rows with a status, but not update one", () => {
    const fixture = 'db.prepare("INSERT INTO stories (headline, status) VALUES (?, ?)")';
    expect(findStatusWrites(fixture, "scripts/bench-desk.ts")).toEqual([]);
    expect(
      findStatusWrites("db.exec(\"UPDATE stories SET status = 'x'\")", "scripts/bench-desk.ts"),
    ).toHaveLength(1);
  });
});
