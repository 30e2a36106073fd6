// Test helpers: the throwaway database of this run, user factories, sign-in, and calling a
// server action directly (as an attacker would, without the page that normally sends it).
import fs from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import type { APIRequestContext, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { SignInPage } from "./pages/sign-in";

const ROOT = path.resolve(__dirname, "..");
export const DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(ROOT, "e2e", ".data", "current");
export const DEMO_PASSWORD = "masthead-demo";
export const DEMO = {
  admin: "admin@masthead.local",
  editor: "editor@masthead.local",
  reporter: "reporter@masthead.local",
  deskhead: "deskhead@masthead.local",
  chief: "chief@masthead.local",
  proofreader: "proofreader@masthead.local",
} as const;
export type DemoRole = keyof typeof DEMO;

export function storageStateOf(role: DemoRole): string {
  return path.join(ROOT, "e2e", ".auth", `${role}.json`);
}

/** The database the server under test is using. */
export function testDb(): Database.Database {
  const db = new Database(path.join(DATA_DIR, "masthead.db"));
  db.pragma("busy_timeout = 5000");
  return db;
}

let counter = 0;
/** A fresh account of its own for a test, written straight into the test database. */
export async function createTestUser(
  role: "reporter" | "proofreader" | "editor" | "desk_head" | "chief_editor" | "admin",
  password = "test-password-123",
): Promise<{ id: number; email: string; password: string; displayName: string }> {
  counter += 1;
  const email = `${role}-${Date.now()}-${counter}@test.local`;
  const displayName = `测试${role}${counter}`;
  const db = testDb();
  try {
    const now = Date.now();
    const row = db
      .prepare(
        "INSERT INTO users (email, display_name, role, password_hash, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id",
      )
      .get(email, displayName, role, await hash(password), now, now) as { id: number };
    return { id: row.id, email, password, displayName };
  } finally {
    db.close();
  }
}

/** Sign in through the sign-in page (e2e/pages/sign-in.ts); the outcome is the caller's. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await new SignInPage(page).signIn(email, password);
}

export async function signInAndWait(page: Page, email: string, password: string): Promise<void> {
  await new SignInPage(page).signInToDesk(email, password);
}

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };

/** The id Next gave a server action in this build, looked up by file and export name. */
export function serverActionId(file: string, exportedName: string): { id: string; route: string } {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === file && entry.exportedName === exportedName) {
      const worker = Object.keys(entry.workers)[0] ?? "";
      // "app/(newsroom)/desk/people/page" → "/desk/people"
      const route = `/${worker
        .replace(/^app\//, "")
        .replace(/\/page$/, "")
        .split("/")
        .filter((s) => !s.startsWith("("))
        .join("/")}`;
      return { id, route };
    }
  }
  throw new Error(`No server action ${exportedName} in ${file}`);
}

/**
 * POST a server action the way the browser does, with the given session's cookies. `atPath`
 * names the page to post to when the action's page has a dynamic segment (`/desk/stories/12`).
 */
export async function callServerAction(
  request: APIRequestContext,
  baseURL: string,
  file: string,
  exportedName: string,
  args: unknown[],
  atPath?: string,
): Promise<{ status: number; body: string }> {
  const { id, route } = serverActionId(file, exportedName);
  const response = await request.post(atPath ?? route, {
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseURL,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

/** Put a test user in a desk (by name) with a role there, straight into the test database. */
export function addToDesk(
  userId: number,
  deskName: string,
  role: "reporter" | "editor" | "desk_head",
): void {
  const db = testDb();
  try {
    const desk = db.prepare("SELECT id FROM desks WHERE name = ?").get(deskName) as
      | { id: number }
      | undefined;
    const id =
      desk?.id ??
      (
        db.prepare("INSERT INTO desks (name) VALUES (?) RETURNING id").get(deskName) as {
          id: number;
        }
      ).id;
    db.prepare(
      "INSERT INTO desk_members (desk_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (desk_id, user_id) DO UPDATE SET role = excluded.role",
    ).run(id, userId, role);
  } finally {
    db.close();
  }
}
