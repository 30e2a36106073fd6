// The newsroom's files are its own: the data folder, the database (with its WAL and SHM),
// media, backups and secrets are readable by the server's user only (0700 folders, 0600 files).
import fs from "node:fs";
import path from "node:path";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

function chmodIfNeeded(target: string, mode: number): void {
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) return;
  if ((stat.mode & 0o777) !== mode) fs.chmodSync(target, mode);
}

/** Create a folder (and any missing parents) for the newsroom's files; it ends 0700. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodIfNeeded(dir, PRIVATE_DIR_MODE);
}

/** An existing file made 0600, or a new empty one created 0600 (before anyone writes to it). */
export function makePrivateFile(file: string): void {
  if (fs.existsSync(file)) chmodIfNeeded(file, PRIVATE_FILE_MODE);
  else fs.closeSync(fs.openSync(file, "a", PRIVATE_FILE_MODE));
}

/** Make an existing file 0600 if it is there (SQLite's -wal and -shm come and go). */
export function makePrivateIfPresent(file: string): void {
  try {
    chmodIfNeeded(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** Every folder under root 0700 and every file 0600 (root included); symlinks are left alone. */
export function lockDownTree(root: string): void {
  if (!fs.existsSync(root)) return;
  chmodIfNeeded(root, fs.lstatSync(root).isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
  if (!fs.lstatSync(root).isDirectory()) return;
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const target = path.join(root, entry.name);
    if (entry.isDirectory()) lockDownTree(target);
    else if (entry.isFile()) chmodIfNeeded(target, PRIVATE_FILE_MODE);
  }
}

/** At start: the data folder and everything in it made private, whatever made it before. */
export function lockDownDataDir(dataDir: string): void {
  makePrivateDir(dataDir);
  lockDownTree(dataDir);
}
