import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layers (README, "Where things live"): the domain's vocabulary is in lib/domain (and the
// state machines in lib/workflow); db/ stores it. Components and the pure modules never import
// db/, and the schema never loads the i18n dictionaries. This scans the sources' imports.
const ROOT = path.resolve(import.meta.dirname, "..");

/** Modules that run without a database: in the browser, in the importer, in the rules. */
const PURE: RegExp[] = [
  /^lib\/domain\//,
  // The importer's parsing and review; apply.ts writes the page and desk.ts calls it.
  /^lib\/import\/(?!apply\.ts$|desk\.ts$)/,
  /^lib\/[\w-]+-rules\.ts$/,
  /^lib\/[\w-]+-input\.ts$/,
  /^lib\/workflow\/(?:story|page|issue|levels|refusals)\.ts$/,
  /^lib\/(?:permissions|text|render|byline|proof-anchor|docx|diff|dates|durations|paste|urls|editor-extensions)\.ts$/,
];

type Import = { spec: string; typeOnly: boolean; line: number };

/** The module specifiers one file imports or re-exports (the scanner, tested below). */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  const statement =
    /\b(import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of text.matchAll(statement)) {
    const line = text.slice(0, m.index).split("\n").length;
    if (m[5]) {
      found.push({ spec: m[5], typeOnly: false, line });
      continue;
    }
    const clause = m[3] ?? "";
    const named = clause.match(/^\{([^}]*)\}$/);
    const allTypes =
      named !== null &&
      (named[1] ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith("type "));
    found.push({ spec: m[4] ?? "", typeOnly: Boolean(m[2]) || allTypes, line });
  }
  return found;
}

/** The repository path an import points at, or null for a package. */
function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.join(path.posix.dirname(from), spec);
  else return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const candidate = base + ext;
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return base;
}

const isDb = (file: string | null) => file !== null && /^db(\/|$)/.test(file);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

function read(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), "utf8");
}

/** Every file a module loads at run time (type-only imports load nothing), with the path. */
function loads(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (!fs.existsSync(path.join(ROOT, file))) continue;
    for (const imp of importsOf(read(file))) {
      if (imp.typeOnly) continue;
      const target = resolve(file, imp.spec);
      if (target === null || seen.has(target)) continue;
      seen.set(target, [...(seen.get(file) ?? []), target]);
      if (/\.tsx?$/.test(target)) queue.push(target);
    }
  }
  return seen;
}

describe("the scanner", () => {
  it("finds imports of db/ by alias, by relative path, as re-exports and dynamically", () => {
    const text = [
      'import { users } from "@/db/schema";',
      'import type { Tx } from "../../db/client";',
      'import { type Story, stories } from "@/db/schema";',
      'import { type A, type B } from "./x";',
      'export { x } from "@/db/seed";',
      'const m = await import("@/db/migrate");',
      'import "server-only";',
    ].join("\n");
    expect(importsOf(text)).toEqual([
      { spec: "@/db/schema", typeOnly: false, line: 1 },
      { spec: "../../db/client", typeOnly: true, line: 2 },
      { spec: "@/db/schema", typeOnly: false, line: 3 },
      { spec: "./x", typeOnly: true, line: 4 },
      { spec: "@/db/seed", typeOnly: false, line: 5 },
      { spec: "@/db/migrate", typeOnly: false, line: 6 },
      { spec: "server-only", typeOnly: false, line: 7 },
    ]);
    expect(isDb(resolve("lib/import/x.ts", "../../db/client"))).toBe(true);
    expect(isDb(resolve("components/desk/x.tsx", "@/db/schema"))).toBe(true);
    expect(isDb(resolve("lib/x.ts", "@/lib/domain/story"))).toBe(false);
    expect(resolve("lib/x.ts", "drizzle-orm")).toBeNull();
  });

  it("sees the pure modules it is meant to guard", () => {
    const pure = sourceFiles("lib").filter((f) => PURE.some((re) => re.test(f)));
    expect(pure).toEqual(
      expect.arrayContaining([
        "lib/domain/story.ts",
        "lib/import/parse-page.ts",
        "lib/embargo-rules.ts",
        "lib/story-input.ts",
        "lib/workflow/story.ts",
        "lib/render.ts",
      ]),
    );
    expect(pure).not.toContain("lib/import/apply.ts");
    expect(pure).not.toContain("lib/import/desk.ts");
  });
});

describe("layers", () => {
  it("no component imports db/, not even for a type", () => {
    const offending = sourceFiles("components").flatMap((file) =>
      importsOf(read(file))
        .filter((imp) => isDb(resolve(file, imp.spec)))
        .map((imp) => `${file}:${imp.line} ${imp.spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("no pure module imports db/, nor loads a module that does", () => {
    const offending: string[] = [];
    for (const file of sourceFiles("lib").filter((f) => PURE.some((re) => re.test(f)))) {
      for (const imp of importsOf(read(file))) {
        if (isDb(resolve(file, imp.spec))) offending.push(`${file}:${imp.line} ${imp.spec}`);
      }
      for (const [target, via] of loads(file)) {
        if (isDb(target)) offending.push(via.join(" → "));
      }
    }
    expect(offending).toEqual([]);
  });

  it("lib/domain imports nothing but itself", () => {
    const offending = sourceFiles("lib/domain").flatMap((file) =>
      importsOf(read(file))
        .filter((imp) => !resolve(file, imp.spec)?.startsWith("lib/domain/"))
        .map((imp) => `${file}:${imp.line} ${imp.spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("db/schema.ts neither imports nor loads lib/i18n (the dictionaries)", () => {
    const direct = importsOf(read("db/schema.ts"))
      .map((imp) => resolve("db/schema.ts", imp.spec))
      .filter((target) => target?.startsWith("lib/i18n/"));
    expect(direct).toEqual([]);
    const loaded = [...loads("db/schema.ts")]
      .filter(([target]) => target.startsWith("lib/i18n/"))
      .map(([, via]) => via.join(" → "));
    expect(loaded).toEqual([]);
  });

  it("app/api/health reads through lib/, not db/", () => {
    const files = sourceFiles("app/api/health");
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((file) =>
      importsOf(read(file))
        .filter((imp) => isDb(resolve(file, imp.spec)))
        .map((imp) => `${file}:${imp.line} ${imp.spec}`),
    );
    expect(offending).toEqual([]);
  });
});
