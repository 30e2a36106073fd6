// A fresh, migrated SQLite file per test, in the system's temporary folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { afterEach, beforeEach } from "vitest";
import { closeDatabase, db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import type { Role } from "@/lib/permissions";

export function withTempDatabase(): void {
  let dir = "";
  beforeEach(() => {
    closeDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-test-"));
    process.env.DATA_DIR = dir;
    migrateDatabase();
  });
  afterEach(() => {
    closeDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "test-password-123";

export async function insertUser(
  role: Role,
  overrides: Partial<{ email: string; displayName: string; isActive: boolean }> = {},
): Promise<{ id: number; role: Role; email: string }> {
  cachedHash ??= hash(TEST_PASSWORD);
  const email = overrides.email ?? `${role}-${Math.random().toString(36).slice(2)}@test.local`;
  const row = db()
    .insert(users)
    .values({
      email,
      displayName: overrides.displayName ?? role,
      role,
      passwordHash: await cachedHash,
      isActive: overrides.isActive ?? true,
    })
    .returning({ id: users.id })
    .get();
  return { id: row.id, role, email };
}
