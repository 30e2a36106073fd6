// Applies the committed migrations to the database (creating it under data/ if missing).
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { type Db, db } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function migrateDatabase(database: Db = db()): void {
  migrate(database, { migrationsFolder: MIGRATIONS_FOLDER });
}
