// Consistent online backups of the newsroom (database and media) and restoring them.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrateDatabase } from "@/db/migrate";
import {
  makePrivateDir,
  makePrivateFile,
  makePrivateIfPresent,
  PRIVATE_FILE_MODE,
} from "@/db/private-files";

export type BackupResult = { dir: string; stories: number; mediaFiles: number; bytes: number };
export type RestoreOptions = {
  /** Keep the current database's account state (see ACCOUNT_COLUMNS, docs/security.md). */
  keepAccounts?: boolean;
  now: Date;
};
export type RestoreResult = { stories: number; sessionsEnded: number; accountsKept: number };

/**
 * What `--keep-accounts` carries from the current database into the restored one, for every
 * account both hold: whether it may sign in, its role, its password (and whether it must be
 * changed) and its second factor (ACCOUNT_MFA_TABLES). A deactivation, a demotion, a password
 * reset or an MFA reset made after the backup so survives the restore.
 */
export const ACCOUNT_COLUMNS = [
  "is_active",
  "role",
  "password_hash",
  "must_change_password",
] as const;

/** The second factor of an account: its rows here replace the backup's for a kept account. */
export const ACCOUNT_MFA_TABLES = {
  mfa_enrolments: ["user_id", "secret", "confirmed_at", "last_used_step", "created_at"],
  mfa_recovery_codes: ["user_id", "code_hash", "used_at", "created_at"],
} as const;

function copyTree(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let files = 0;
  makePrivateDir(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) files += copyTree(source, target);
    else if (entry.isFile() && !entry.name.includes(".tmp")) {
      fs.copyFileSync(source, target);
      fs.chmodSync(target, PRIVATE_FILE_MODE);
      files += 1;
    }
  }
  return files;
}

function privateDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) makePrivateIfPresent(`${file}${suffix}`);
}

/**
 * Back up while the server runs. SQLite's online backup copies a consistent snapshot even as
 * writers go on; media files are written before the rows that name them and never change
 * after, so copying the media folder after the database covers every photo the copy names.
 * The backup folder, wherever it is, is private like the data folder (0700, files 0600).
 */
export async function backupData(dataDir: string, backupDir: string): Promise<BackupResult> {
  const source = new Database(path.join(dataDir, "masthead.db"), { fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  makePrivateDir(backupDir);
  const target = path.join(backupDir, "masthead.db");
  makePrivateFile(target);
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const check = new Database(target, { readonly: true });
  const integrity = check.pragma("integrity_check", { simple: true });
  const stories = (check.prepare("SELECT count(*) AS n FROM stories").get() as { n: number }).n;
  check.close();
  privateDatabaseFiles(target);
  if (integrity !== "ok")
    throw new Error(`backup failed its integrity check: ${String(integrity)}`);
  const mediaFiles = copyTree(path.join(dataDir, "media"), path.join(backupDir, "media"));
  return { dir: backupDir, stories, mediaFiles, bytes: fs.statSync(target).size };
}

type AccountRow = {
  id: number;
  is_active: number;
  role: string;
  password_hash: string;
  must_change_password: number;
};
type Accounts = {
  users: AccountRow[];
  mfa: Record<keyof typeof ACCOUNT_MFA_TABLES, Record<string, unknown>[]>;
};

function readAccounts(file: string): Accounts {
  if (!fs.existsSync(file)) {
    throw new Error("--keep-accounts needs the current database, and there is none");
  }
  const current = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rowsOf = (table: keyof typeof ACCOUNT_MFA_TABLES) =>
      current
        .prepare(`SELECT ${ACCOUNT_MFA_TABLES[table].join(", ")} FROM ${table}`)
        .all() as Record<string, unknown>[];
    return {
      users: current
        .prepare(`SELECT id, ${ACCOUNT_COLUMNS.join(", ")} FROM users`)
        .all() as AccountRow[],
      mfa: {
        mfa_enrolments: rowsOf("mfa_enrolments"),
        mfa_recovery_codes: rowsOf("mfa_recovery_codes"),
      },
    };
  } finally {
    current.close();
  }
}

/**
 * Every session of the restored database ends (a session revoked after the backup must not
 * come back); with keepAccounts, the accounts take their current state, and an account the
 * current database no longer has is deactivated.
 */
function settleRestored(
  file: string,
  accounts: Accounts | null,
  now: Date,
): { sessionsEnded: number; accountsKept: number } {
  const restored = new Database(file);
  try {
    restored.pragma("foreign_keys = ON");
    // A backup made by an older version is brought to this version's schema first, so the
    // account columns and tables below exist in it.
    migrateDatabase(drizzle(restored));
    return restored.transaction(() => {
      const sessionsEnded = restored
        .prepare("UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL")
        .run(now.getTime()).changes;
      let accountsKept = 0;
      if (accounts) {
        const keep = restored.prepare(
          `UPDATE users SET is_active = ?, role = ?, password_hash = ?, must_change_password = ?
           WHERE id = ?`,
        );
        const kept = new Set<number>();
        for (const a of accounts.users) {
          const changes = keep.run(
            a.is_active,
            a.role,
            a.password_hash,
            a.must_change_password,
            a.id,
          ).changes;
          if (changes > 0) kept.add(a.id);
          accountsKept += changes;
        }
        restored
          .prepare(
            "UPDATE users SET is_active = 0 WHERE id NOT IN (SELECT value FROM json_each(?))",
          )
          .run(JSON.stringify(accounts.users.map((a) => a.id)));
        const keptIds = JSON.stringify([...kept]);
        for (const table of Object.keys(
          ACCOUNT_MFA_TABLES,
        ) as (keyof typeof ACCOUNT_MFA_TABLES)[]) {
          const columns = ACCOUNT_MFA_TABLES[table];
          restored
            .prepare(`DELETE FROM ${table} WHERE user_id IN (SELECT value FROM json_each(?))`)
            .run(keptIds);
          const insert = restored.prepare(
            `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
          );
          for (const row of accounts.mfa[table]) {
            if (kept.has(Number(row.user_id))) insert.run(...columns.map((c) => row[c]));
          }
        }
      }
      return { sessionsEnded, accountsKept };
    })();
  } finally {
    restored.close();
  }
}

/**
 * Restore a backup into a data folder whose server is stopped; the folder's database is
 * replaced. The restored copy is prepared beside it first, so a refused backup or a failure
 * while preparing leaves the data folder as it was.
 */
export function restoreData(
  backupDir: string,
  dataDir: string,
  options: RestoreOptions,
): RestoreResult {
  const source = path.join(backupDir, "masthead.db");
  if (!fs.existsSync(source)) throw new Error(`${backupDir} holds no masthead.db`);
  const check = new Database(source, { readonly: true });
  let integrity: unknown;
  let stories = 0;
  try {
    integrity = check.pragma("integrity_check", { simple: true });
    stories = (check.prepare("SELECT count(*) AS n FROM stories").get() as { n: number }).n;
  } finally {
    check.close();
  }
  if (integrity !== "ok")
    throw new Error("the backup is damaged (integrity check failed); nothing was restored");
  makePrivateDir(dataDir);
  const target = path.join(dataDir, "masthead.db");
  const accounts = options.keepAccounts ? readAccounts(target) : null;

  const incoming = `${target}.restoring`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${incoming}${suffix}`, { force: true });
  makePrivateFile(incoming);
  fs.copyFileSync(source, incoming);
  fs.chmodSync(incoming, PRIVATE_FILE_MODE);
  let settled: { sessionsEnded: number; accountsKept: number };
  try {
    settled = settleRestored(incoming, accounts, options.now);
  } catch (error) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${incoming}${suffix}`, { force: true });
    throw error;
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${incoming}${suffix}`, { force: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(incoming, target);
  fs.rmSync(path.join(dataDir, "media"), { recursive: true, force: true });
  copyTree(path.join(backupDir, "media"), path.join(dataDir, "media"));
  return { stories, ...settled };
}
