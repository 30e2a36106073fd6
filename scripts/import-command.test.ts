import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, issues, pages, placements, stories } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { runImportCommand } from "./import-command";

withTempDatabase();
const root = process.cwd();
const seedFile = path.join(root, "db/fixtures/seed-page.txt");
const fixtures = path.join(root, "lib/import/fixtures");
const now = () => new Date("2026-03-01T08:00:00Z");

let work = "";
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-import-cmd-"));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runImportCommand(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, now);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function written() {
  return {
    issues: db().select().from(issues).all().length,
    pages: db().select().from(pages).all().length,
    stories: db().select().from(stories).all().length,
    audit: db().select().from(auditEvents).all().length,
  };
}
const NOTHING = { issues: 0, pages: 0, stories: 0, audit: 0 };

describe("npm run import -- <file> --json", () => {
  it("prints the parse in the fixture's shape and writes nothing", async () => {
    await insertUser("admin");
    const { code, out } = run(seedFile, "--json");
    expect(code).toBe(0);
    const expected = JSON.parse(
      fs.readFileSync(path.join(root, "db/fixtures/seed-page.expected.json"), "utf8"),
    );
    delete expected.notes;
    expect(JSON.parse(out)).toStrictEqual(expected);
    expect(written()).toEqual(NOTHING);
  });

  it("decodes a GBK file", () => {
    const { code, out } = run(path.join(fixtures, "gbk-page.txt"), "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out).articles[0].headline).toBe("市总工会发布职工服务卡新功能");
  });
});

describe("npm run import -- <file> (listing)", () => {
  it("lists each story with the parser's confidence, and says which to check", () => {
    const { code, out } = run(path.join(fixtures, "headline-stacks.txt"));
    expect(code).toBe(0);
    expect(out).toContain("  [news] 全市职工喜迎新春 (confidence 1.00)");
    expect(out).toContain(
      "  [news] 代表团结束访问回到北京市领导到机场迎接 (confidence 0.65 — check: indexLine)",
    );
    expect(written()).toEqual(NOTHING);
  });
});

describe("bad input is refused with a plain message and creates nothing", () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    ["an empty file", (f) => fs.writeFileSync(f, ""), /empty/u],
    [
      "a binary file",
      (f) => fs.writeFileSync(f, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3])),
      /not text/u,
    ],
    [
      "an enormous file",
      (f) => fs.writeFileSync(f, "本报讯。".repeat(300_000)),
      /larger than 2 MB/u,
    ],
    ["a file with no stories", (f) => fs.writeFileSync(f, "第03版：要闻\n上一篇\n"), /no stories/u],
  ];
  for (const [what, make, message] of cases) {
    it(what, async () => {
      await insertUser("admin");
      const file = path.join(work, "page.txt");
      make(file);
      for (const args of [["--json"], ["--into", "2023-03-01/1"]]) {
        const { code, err } = run(file, ...args);
        expect(code).toBe(1);
        expect(err).toMatch(message);
        expect(err).not.toMatch(/\n\s+at /u);
      }
      expect(written()).toEqual(NOTHING);
    });
  }

  it("a missing file, a bad target, a file without a page number", async () => {
    await insertUser("admin");
    expect(run(path.join(work, "missing.txt"), "--json")).toMatchObject({
      code: 1,
      err: /No such file/u,
    });
    expect(run(seedFile, "--into", "2023-02-30/1")).toMatchObject({
      code: 1,
      err: /--into needs/u,
    });
    expect(run(seedFile, "--into", "2023-03-01")).toMatchObject({
      code: 1,
      err: /Say which page/u,
    });
    expect(run(seedFile, "--json", "--into", "2023-03-01/1")).toMatchObject({ code: 1 });
    expect(run(seedFile, "--bogus")).toMatchObject({ code: 1, err: /Usage/u });
    expect(written()).toEqual(NOTHING);
  });

  it("a paper without an active admin", async () => {
    await insertUser("editor");
    expect(run(seedFile, "--into", "2023-03-01/1")).toMatchObject({
      code: 1,
      err: /No active admin/u,
    });
    expect(written()).toEqual(NOTHING);
  });
});

describe("npm run import -- <file|folder> --into", () => {
  it("imports a file onto a page as the first active admin", async () => {
    await insertUser("editor");
    const admin = await insertUser("admin");
    const { code, out } = run(seedFile, "--into", "2023-03-01/2", "--page-name", "综合新闻");
    expect(code).toBe(0);
    expect(out).toContain(`Importing as ${admin.email} (the first active admin).`);
    expect(out).toMatch(/\[1\/1\] seed-page\.txt → 2023-03-01 page 2: 7 approved stories/u);
    expect(db().select().from(pages).get()).toMatchObject({ number: 2, name: "综合新闻" });
    const rows = db().select().from(stories).all();
    expect(rows).toHaveLength(7);
    expect(rows.every((s) => s.status === "approved" && s.authorId === admin.id)).toBe(true);
  });

  it("imports a folder, one page per file in file-name order, as drafts", async () => {
    await insertUser("admin");
    const folder = path.join(work, "pages");
    fs.mkdirSync(path.join(folder, "nested"), { recursive: true });
    fs.copyFileSync(seedFile, path.join(folder, "page-10.txt"));
    fs.copyFileSync(path.join(fixtures, "gbk-page.txt"), path.join(folder, "page-2.txt"));
    fs.writeFileSync(path.join(folder, ".DS_Store"), "x");
    const { code, out } = run(folder, "--into", "2023-03-01", "--draft");
    expect(code).toBe(0);
    expect(out.split("\n").filter((l) => l.startsWith("["))).toEqual([
      "[1/2] page-2.txt → 2023-03-01 page 1: 1 draft story (issue 1 created, page created)",
      "[2/2] page-10.txt → 2023-03-01 page 2: 7 draft stories (page created)",
    ]);
    const placed = db().select().from(placements).orderBy(asc(placements.id)).all();
    expect(placed).toHaveLength(8);
    expect(
      db()
        .select()
        .from(stories)
        .all()
        .every((s) => s.status === "draft"),
    ).toBe(true);
  });

  it("imports nothing from a folder with one bad file", async () => {
    await insertUser("admin");
    const folder = path.join(work, "pages");
    fs.mkdirSync(folder);
    fs.copyFileSync(seedFile, path.join(folder, "a.txt"));
    fs.writeFileSync(path.join(folder, "b.txt"), "");
    const { code, err } = run(folder, "--into", "2023-03-01");
    expect(code).toBe(1);
    expect(err).toMatch(/b\.txt: the file is empty/u);
    expect(written()).toEqual(NOTHING);
  });
});
