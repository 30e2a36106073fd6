// Applies the committed migrations to the database (creating it under data/ if missing).
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { type Db, db } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * A migration that changes a CHECK rebuilds its table (SQLite has no ALTER CONSTRAINT); with
 * foreign keys on, dropping the old users table would cascade into sessions and notifications
 * or fail on stories. The migrator runs in one transaction, where the pragma cannot change, so
 * keys go off around it and are checked before they come back on.
 */
export function migrateDatabase(database: Db = db()): void {
  database.run(sql`PRAGMA foreign_keys = OFF`);
  try {
    migrate(database, { migrationsFolder: MIGRATIONS_FOLDER });
    const broken = database.all(sql`PRAGMA foreign_key_check`);
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken references`);
  } finally {
    database.run(sql`PRAGMA foreign_keys = ON`);
  }
}
