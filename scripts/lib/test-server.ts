// A real server of this build on its own port and database, for the tests and benchmarks that
// need whole processes (restarts, crashes, two servers, load): start it, wait for it, sign in.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** A fresh data folder, migrated and seeded with the demo paper. */
export function freshDataDir(dataDir: string): string {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const setup = spawnSync(bin("tsx"), ["scripts/db-setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
  });
  if (setup.status !== 0) throw new Error(setup.stderr.toString());
  return dataDir;
}

/** `next start` in its own process group, so a kill of -pid reaches next-server itself. */
export function startServer(
  dataDir: string,
  port: number,
  secret = "test-server-secret",
  extraEnv: Record<string, string> = {},
): ChildProcess {
  return spawn(bin("next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      NODE_ENV: "production",
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ...extraEnv,
    },
    stdio: "ignore",
  });
}

export function stopServer(server: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  if (server.pid) {
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  }
}

export async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server on port ${port} did not start`);
}

/** Sign in through next-auth's credentials endpoint; returns the session cookie header. */
export async function signInOverHttp(
  port: number,
  email: string,
  password: string,
): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => c?.includes("session-token"));
  if (session.length === 0) throw new Error(`sign-in failed for ${email}`);
  return session.join("; ");
}
