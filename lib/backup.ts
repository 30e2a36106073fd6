// Consistent online backups of the newsroom (database and media) and restoring them.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupResult = { dir: string; stories: number; mediaFiles: number; bytes: number };

function copyTree(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let files = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) files += copyTree(source, target);
    else if (entry.isFile() && !entry.name.includes(".tmp")) {
      fs.copyFileSync(source, target);
      files += 1;
    }
  }
  return files;
}

/**
 * Back up while the server runs. SQLite's online backup copies a consistent snapshot even as
 * writers go on; media files are written before the rows that name them and never change
 * after, so copying the media folder after the database covers every photo the copy names.
 */
export async function backupData(dataDir: string, backupDir: string): Promise<BackupResult> {
  const source = new Database(path.join(dataDir, "masthead.db"), { fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  fs.mkdirSync(backupDir, { recursive: true });
  const target = path.join(backupDir, "masthead.db");
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const check = new Database(target, { readonly: true });
  const integrity = check.pragma("integrity_check", { simple: true });
  const stories = (check.prepare("SELECT count(*) AS n FROM stories").get() as { n: number }).n;
  check.close();
  if (integrity !== "ok")
    throw new Error(`backup failed its integrity check: ${String(integrity)}`);
  const mediaFiles = copyTree(path.join(dataDir, "media"), path.join(backupDir, "media"));
  return { dir: backupDir, stories, mediaFiles, bytes: fs.statSync(target).size };
}

/** Restore a backup into a data folder whose server is stopped; the folder's database is replaced. */
export function restoreData(backupDir: string, dataDir: string): { stories: number } {
  const source = path.join(backupDir, "masthead.db");
  if (!fs.existsSync(source)) throw new Error(`${backupDir} holds no masthead.db`);
  const check = new Database(source, { readonly: true });
  const integrity = check.pragma("integrity_check", { simple: true });
  const stories = (check.prepare("SELECT count(*) AS n FROM stories").get() as { n: number }).n;
  check.close();
  if (integrity !== "ok")
    throw new Error("the backup is damaged (integrity check failed); nothing was restored");
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, "masthead.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(source, target);
  fs.rmSync(path.join(dataDir, "media"), { recursive: true, force: true });
  copyTree(path.join(backupDir, "media"), path.join(dataDir, "media"));
  return { stories };
}
