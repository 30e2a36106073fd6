// Applies the committed migrations to the database (creating it under data/ if missing).
import path from "node:path";
import type Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { type Db, db } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * SQLite changes a CHECK constraint by rebuilding the table (drizzle-kit's `__new_…` copy, drop,
 * rename). With foreign keys on, dropping `users` would cascade into sessions or fail on
 * stories, and `PRAGMA foreign_keys` is ignored inside the migrator's transaction, so the
 * migrations run with them off and the result is checked before they are turned back on.
 */
export function migrateDatabase(database: Db = db()): void {
  // drizzle() keeps the connection it was given as $client; the Db type does not name it.
  const sqlite = (database as Db & { $client: Database.Database }).$client;
  const wasOn = sqlite.pragma("foreign_keys", { simple: true }) === 1;
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(database, { migrationsFolder: MIGRATIONS_FOLDER });
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken references`);
  } finally {
    if (wasOn) sqlite.pragma("foreign_keys = ON");
  }
}
