import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { backupData, restoreData } from "@/lib/backup";

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-backup-"));
  process.env.DATA_DIR = path.join(dir, "data");
  migrateDatabase();
  closeDatabase();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Another process writing stories as fast as it can, as the newsroom would under load, until
 * `stopFile` appears (or ten seconds pass); it answers how many stories it wrote.
 */
function writer(dbFile: string, stopFile: string) {
  const script = `
    const Database = require(${JSON.stringify(require.resolve("better-sqlite3"))});
    const db = new Database(${JSON.stringify(dbFile)});
    db.pragma("journal_mode = WAL"); db.pragma("busy_timeout = 5000");
    const u = db.prepare("INSERT INTO users (email, display_name, role, password_hash) VALUES ('w@t', 'w', 'reporter', 'x') RETURNING id").get();
    const ins = db.prepare("INSERT INTO stories (headline, author_id, body_text) VALUES (?, ?, ?)");
    const fs = require("node:fs"); const stop = ${JSON.stringify(stopFile)};
    const end = Date.now() + 10000; let n = 0;
    while (Date.now() < end && (n % 50 !== 0 || !fs.existsSync(stop))) {
      ins.run("稿件" + n, u.id, "正文".repeat(200)); n++;
    }
    process.stdout.write(String(n));
  `;
  const child = spawn(process.execPath, ["-e", script]);
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  return new Promise<number>((resolve, reject) => {
    child.on("exit", (code) =>
      code === 0 ? resolve(Number(out)) : reject(new Error(`writer exited ${code}`)),
    );
  });
}

describe("backup and restore", () => {
  it("backs up consistently under write load and restores every story into a fresh folder", async () => {
    const dataDir = path.join(dir, "data");
    const dbFile = path.join(dataDir, "masthead.db");
    fs.mkdirSync(path.join(dataDir, "media", "abc"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "media", "abc", "640.webp"), "webp-bytes");
    const stopFile = path.join(dir, "stop-writing");
    const writing = writer(dbFile, stopFile);
    const committed = () => {
      const reader = new Database(dbFile, { readonly: true });
      try {
        return (reader.prepare("SELECT count(*) AS n FROM stories").get() as { n: number }).n;
      } finally {
        reader.close();
      }
    };
    // The writer is under way: it has committed a good number of stories and goes on writing.
    await vi.waitFor(() => expect(committed()).toBeGreaterThanOrEqual(200), {
      timeout: 10_000,
      interval: 20,
    });
    const committedBefore = committed();
    const result = await backupData(dataDir, path.join(dir, "backup"));
    fs.writeFileSync(stopFile, "");
    const written = await writing;
    expect(committedBefore).toBeGreaterThan(0);
    expect(result.stories).toBeGreaterThanOrEqual(committedBefore);
    expect(result.stories).toBeLessThanOrEqual(written);
    expect(result.mediaFiles).toBe(1);

    const fresh = path.join(dir, "restored");
    expect(restoreData(path.join(dir, "backup"), fresh, { now: new Date() })).toMatchObject({
      stories: result.stories,
    });
    const restored = new Database(path.join(fresh, "masthead.db"), { readonly: true });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    const headlines = restored.prepare("SELECT headline FROM stories ORDER BY id").all() as {
      headline: string;
    }[];
    restored.close();
    expect(headlines).toHaveLength(result.stories);
    expect(headlines.every((h, i) => h.headline === `稿件${i}`)).toBe(true);
    expect(fs.readFileSync(path.join(fresh, "media", "abc", "640.webp"), "utf8")).toBe(
      "webp-bytes",
    );
  });

  it("refuses a damaged backup and leaves the data folder alone", () => {
    fs.mkdirSync(path.join(dir, "bad"));
    fs.writeFileSync(path.join(dir, "bad", "masthead.db"), "not a database");
    const dataDir = path.join(dir, "data");
    const sizeBefore = fs.statSync(path.join(dataDir, "masthead.db")).size;
    expect(() => restoreData(path.join(dir, "bad"), dataDir, { now: new Date() })).toThrow();
    expect(fs.statSync(path.join(dataDir, "masthead.db")).size).toBe(sizeBefore);
  });
});
