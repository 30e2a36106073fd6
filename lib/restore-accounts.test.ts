// A restore ends every session, and with --keep-accounts keeps what happened to accounts
// after the backup (deactivations, role changes, password changes).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { backupData, restoreData } from "@/lib/backup";

let dir = "";
let dataDir = "";
let dbFile = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-restore-"));
  dataDir = path.join(dir, "data");
  dbFile = path.join(dataDir, "masthead.db");
  process.env.DATA_DIR = dataDir;
  migrateDatabase();
  closeDatabase();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-12-02T08:00:00Z");

function withDb<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function addUser(db: Database.Database, email: string, role = "reporter"): number {
  return (
    db
      .prepare(
        "INSERT INTO users (email, display_name, role, password_hash) VALUES (?, ?, ?, 'hash-at-backup') RETURNING id",
      )
      .get(email, email, role) as { id: number }
  ).id;
}

function addSession(db: Database.Database, id: string, userId: number): void {
  db.prepare("INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)").run(
    id,
    userId,
    NOW.getTime() + 86_400_000,
  );
}

type UserState = { id: number; is_active: number; role: string; password_hash: string };
const users = (file: string) =>
  withDb(
    file,
    (db) =>
      db
        .prepare("SELECT id, is_active, role, password_hash FROM users ORDER BY id")
        .all() as UserState[],
  );

/** Before the backup: three accounts, each signed in. After it: the newsroom changes things. */
type Ids = [kept: number, leaver: number, promoted: number, reset: number];
async function backupThenChange(): Promise<{ ids: Ids; backup: string }> {
  const ids = withDb(dbFile, (db) => {
    const made: Ids = [
      addUser(db, "kept@t"),
      addUser(db, "leaver@t"),
      addUser(db, "promoted@t"),
      addUser(db, "reset@t", "editor"),
    ];
    made.forEach((id, i) => {
      addSession(db, `s-${i}`, id);
    });
    return made;
  });
  const backup = path.join(dir, "backup");
  await backupData(dataDir, backup);
  withDb(dbFile, (db) => {
    const [, leaver, promoted, reset] = ids;
    db.prepare("UPDATE users SET is_active = 0 WHERE id = ?").run(leaver);
    db.prepare("UPDATE users SET role = 'editor' WHERE id = ?").run(promoted);
    db.prepare("UPDATE users SET password_hash = 'hash-after-reset' WHERE id = ?").run(reset);
    db.prepare("UPDATE sessions SET revoked_at = ?").run(NOW.getTime());
    addUser(db, "newcomer@t");
  });
  return { ids, backup };
}

describe("restore", () => {
  it("ends every session, revoked since the backup or not", async () => {
    const { backup } = await backupThenChange();
    const result = restoreData(backup, dataDir, { now: NOW });
    expect(result.sessionsEnded).toBe(4);
    const live = withDb(dbFile, (db) =>
      db.prepare("SELECT count(*) AS n FROM sessions WHERE revoked_at IS NULL").get(),
    );
    expect(live).toEqual({ n: 0 });
  });

  it("without --keep-accounts, brings the accounts back as they were at the backup", async () => {
    const { ids, backup } = await backupThenChange();
    restoreData(backup, dataDir, { now: NOW });
    const after = users(dbFile);
    expect(after.map((u) => u.id)).toEqual(ids);
    expect(after.every((u) => u.is_active === 1)).toBe(true);
  });

  it("with --keep-accounts, keeps deactivations, role and password changes made since", async () => {
    const { ids, backup } = await backupThenChange();
    const [kept, leaver, promoted, reset] = ids;
    const result = restoreData(backup, dataDir, { now: NOW, keepAccounts: true });
    expect(result.accountsKept).toBe(4);
    const after = new Map(users(dbFile).map((u) => [u.id, u]));
    expect(after.get(kept)).toMatchObject({ is_active: 1, role: "reporter" });
    expect(after.get(leaver)).toMatchObject({ is_active: 0 });
    expect(after.get(promoted)).toMatchObject({ role: "editor" });
    expect(after.get(reset)).toMatchObject({ password_hash: "hash-after-reset" });
    // The account made after the backup has no stories in it, so it is not brought in.
    expect(after.size).toBe(4);
  });

  it("with --keep-accounts, deactivates an account the current database no longer has", async () => {
    const { ids, backup } = await backupThenChange();
    withDb(dbFile, (db) => {
      db.prepare("DELETE FROM sessions").run();
      db.prepare("DELETE FROM users WHERE id = ?").run(ids[0]);
    });
    restoreData(backup, dataDir, { now: NOW, keepAccounts: true });
    expect(users(dbFile).find((u) => u.id === ids[0])).toMatchObject({ is_active: 0 });
  });

  it("refuses --keep-accounts into an empty folder and changes nothing", async () => {
    const { backup } = await backupThenChange();
    const empty = path.join(dir, "empty");
    expect(() => restoreData(backup, empty, { now: NOW, keepAccounts: true })).toThrow(
      /current database/,
    );
    expect(fs.existsSync(path.join(empty, "masthead.db"))).toBe(false);
  });
});
