// drizzle-kit for the PostgreSQL schema (db/schema-pg.ts); db/drizzle.config.ts is SQLite's.
// Generating needs no server: it diffs the schema against db/migrations-pg/meta.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://masthead@127.0.0.1:5432/masthead" },
});
