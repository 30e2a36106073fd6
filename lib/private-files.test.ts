// The newsroom's files are private: folders 0700, files 0600, wherever they are made.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, sqlite } from "@/db/client";
import { lockDownDataDir } from "@/db/private-files";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { backupData, restoreData } from "@/lib/backup";
import { env } from "@/lib/env";
import { storePhoto } from "@/lib/media";

withTempDatabase();

// As loose as a default shell: the modes below must come from the code, not the umask.
let savedUmask = 0;
beforeAll(() => {
  savedUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(savedUmask);
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** Every folder and file under root with its mode, for one readable failure message. */
function modesUnder(root: string): Record<string, string> {
  const out: Record<string, string> = { ".": mode(root).toString(8) };
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(root, full)] = mode(full).toString(8);
  }
  return out;
}

function expectPrivate(root: string): void {
  const modes = modesUnder(root);
  const wrong = Object.entries(modes).filter(([name, m]) => {
    const isDir = fs.statSync(path.join(root, name)).isDirectory();
    return m !== (isDir ? "700" : "600");
  });
  expect(wrong, JSON.stringify(modes)).toEqual([]);
}

async function photo(): Promise<Uint8Array> {
  const png = await sharp({
    create: { width: 700, height: 400, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .png()
    .toBuffer();
  return new Uint8Array(png);
}

describe("file modes", () => {
  it("a new database, its WAL and SHM are 0600 in a 0700 folder", () => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "masthead-modes-")), "data");
    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = fresh;
    try {
      sqlite().exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
      expect(fs.existsSync(`${env.databasePath}-wal`)).toBe(true);
      expectPrivate(fresh);
    } finally {
      closeDatabase();
      process.env.DATA_DIR = saved;
    }
  });

  it("stored photos are 0600 in 0700 folders", async () => {
    const reporter = await insertUser("reporter");
    await storePhoto(reporter, { bytes: await photo(), filename: "p.png" }, new Date());
    expectPrivate(path.join(env.dataDir, "media"));
  });

  it("backups are private wherever they are written, and so is what a restore puts back", async () => {
    const reporter = await insertUser("reporter");
    await storePhoto(reporter, { bytes: await photo(), filename: "p.png" }, new Date());
    const elsewhere = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bk-")), "today");
    await backupData(env.dataDir, elsewhere);
    expectPrivate(elsewhere);

    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "masthead-rs-")), "data");
    restoreData(elsewhere, target, { now: new Date() });
    expectPrivate(target);
  });

  it("at start, fixes the modes of files left readable by an older version", () => {
    const dir = env.dataDir;
    fs.mkdirSync(path.join(dir, "media", "abc"), { recursive: true });
    fs.writeFileSync(path.join(dir, "media", "abc", "640.webp"), "x", { mode: 0o644 });
    fs.writeFileSync(path.join(dir, "auth-secret"), "s", { mode: 0o644 });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(env.databasePath, 0o644);
    lockDownDataDir(dir);
    expectPrivate(dir);
  });

  it("the generated auth secret is 0600 in a 0700 folder", async () => {
    const { ensureAuthSecret } = (await import("@/scripts/lib/server-env.mjs" as string)) as {
      ensureAuthSecret: (dir: string) => string;
    };
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "masthead-secret-")), "data");
    ensureAuthSecret(dir);
    expectPrivate(dir);
  });
});
