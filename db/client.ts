// One SQLite connection per process, opened on first use and kept across dev reloads.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { env } from "@/lib/env";
import { makePrivateDir, makePrivateFile, makePrivateIfPresent } from "./private-files";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle a transaction callback receives; helpers that write take it (or the db). */
export type Tx = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

type Connection = { sqlite: Database.Database; db: Db; path: string };
const globalForDb = globalThis as unknown as { mastheadDb?: Connection };

/** Open a connection with the pragmas the design asks for (see DESIGN.md, Architecture). */
export function openDatabase(file: string): Connection {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) makePrivateDir(dir);
  // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database's mode.
  makePrivateFile(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL"); // readers never block the writer
  for (const suffix of ["-wal", "-shm"]) makePrivateIfPresent(`${file}${suffix}`);
  sqlite.pragma("synchronous = FULL"); // an acknowledged save survives a power cut
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return { sqlite, db: drizzle(sqlite, { schema }), path: file };
}

function connection(): Connection {
  const file = env.databasePath;
  const current = globalForDb.mastheadDb;
  if (current && current.path === file && current.sqlite.open) return current;
  const opened = openDatabase(file);
  globalForDb.mastheadDb = opened;
  return opened;
}

/** The app's database. Opened lazily so that `next build` never touches data/. */
export function db(): Db {
  return connection().db;
}

export function sqlite(): Database.Database {
  return connection().sqlite;
}

/** Close the process's connection (tests, scripts). */
export function closeDatabase(): void {
  globalForDb.mastheadDb?.sqlite.close();
  globalForDb.mastheadDb = undefined;
}
