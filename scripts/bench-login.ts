// Sign-in benchmark (`npm run bench:login`): the cost of a sign-in with the chosen argon2id
// parameters (lib/passwords.ts), in process (lib/login authenticate: throttle turn, hash, session)
// and over HTTP through next-auth; and the memory each concurrent sign-in takes, measured in a
// fresh process per level of concurrency. Prints a Markdown section.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signInOverHttp, startServer, stopServer, waitForHealth } from "./lib/test-server";

const ROOT = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const PORT = 3520;
const PASSWORD = "bench-login-password-1";
const SAMPLES = 200;
const CONCURRENCY = [1, 2, 4, 8, 16];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** A migrated database in a fresh folder with one account, imported after DATA_DIR is set. */
async function prepare(dataDir: string) {
  process.env.DATA_DIR = dataDir;
  const { migrateDatabase } = await import("@/db/migrate");
  const { db } = await import("@/db/client");
  const { users } = await import("@/db/schema");
  const { hashPassword } = await import("@/lib/passwords");
  migrateDatabase();
  db()
    .insert(users)
    .values({
      email: "bench@test.local",
      displayName: "bench",
      role: "reporter",
      passwordHash: await hashPassword(PASSWORD),
    })
    .run();
  return (await import("@/lib/login")).authenticate;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** In process: right password, wrong password, unknown e-mail (each from its own address). */
async function inProcess(dataDir: string) {
  const authenticate = await prepare(dataDir);
  const signIn = (email: string, password: string, address: string) =>
    authenticate({ email, password, address, userAgent: "bench", now: new Date() });
  for (let i = 0; i < 5; i += 1) await signIn("bench@test.local", PASSWORD, "10.0.0.1");
  const right: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    right.push(await timed(() => signIn("bench@test.local", PASSWORD, "10.0.0.1")));
  }
  const wrong: number[] = [];
  const unknown: number[] = [];
  // 40 of each: under every counter's allowance, so each is a full check, not a quick "wait".
  for (let i = 0; i < 40; i += 1) {
    wrong.push(await timed(() => signIn("bench@test.local", "not-it", `10.1.${i}.1`)));
    unknown.push(await timed(() => signIn(`nobody${i}@test.local`, "not-it", `10.2.${i}.1`)));
  }
  return { right, wrong, unknown };
}

/** Child mode: `n` sign-ins at once; prints the peak RSS above the idle process, in bytes. */
async function memoryChild(n: number, dataDir: string): Promise<void> {
  const authenticate = await prepare(dataDir);
  await authenticate({
    email: "bench@test.local",
    password: PASSWORD,
    address: "10.0.0.1",
    now: new Date(),
  });
  globalThis.gc?.();
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 1);
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      authenticate({
        email: "bench@test.local",
        password: PASSWORD,
        address: `10.3.${i}.1`,
        now: new Date(),
      }),
    ),
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ n, extra: peak - idle }));
}

function memory(base: string): { n: number; extra: number }[] {
  return CONCURRENCY.map((n) => {
    const dataDir = path.join(base, `memory-${n}`);
    const run = spawnSync(
      bin("tsx"),
      ["--conditions", "react-server", "scripts/bench-login.ts", "--memory", String(n), dataDir],
      { cwd: ROOT, encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as { n: number; extra: number };
  });
}

/** Over HTTP: the whole sign-in request through next-auth against `next start`. */
async function overHttp(base: string): Promise<number[]> {
  const dataDir = path.join(base, "http");
  await prepare(dataDir);
  const { closeDatabase } = await import("@/db/client");
  closeDatabase();
  const server = startServer(dataDir, PORT);
  try {
    await waitForHealth(PORT);
    for (let i = 0; i < 5; i += 1) await signInOverHttp(PORT, "bench@test.local", PASSWORD);
    const times: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      times.push(await timed(() => signInOverHttp(PORT, "bench@test.local", PASSWORD)));
    }
    return times;
  } finally {
    stopServer(server);
  }
}

async function main(): Promise<void> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bench-login-"));
  try {
    const { ARGON2_PARAMS } = await import("@/lib/passwords");
    const lib = await inProcess(path.join(base, "lib"));
    const mem = memory(base);
    const http = await overHttp(base);
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    const perSignIn = mem.find((m) => m.n === 1)?.extra ?? 0;
    const lines = [
      "## Sign-in",
      "",
      `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${cpu}) · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · \`npm run bench:login\``,
      "",
      `- argon2id with m = ${ARGON2_PARAMS.memoryCost / 1024} MiB, t = ${ARGON2_PARAMS.timeCost}, p = ${ARGON2_PARAMS.parallelism} (lib/passwords.ts).`,
      `- Sign-in in process (lib/login authenticate: throttle turn, argon2 verify, session, device, audit), right password: p50 ${ms(percentile(lib.right, 50))}, **p95 ${ms(percentile(lib.right, 95))}** over ${lib.right.length} sign-ins (target < 300 ms).`,
      `- Wrong password: p50 ${ms(percentile(lib.wrong, 50))}, p95 ${ms(percentile(lib.wrong, 95))}; unknown e-mail: p50 ${ms(percentile(lib.unknown, 50))}, p95 ${ms(percentile(lib.unknown, 95))} (${lib.wrong.length} each): an unknown e-mail costs the same as a known one.`,
      `- Sign-in over HTTP (POST /api/auth/callback/credentials through next-auth to \`next start\`, CSRF fetch included): p50 ${ms(percentile(http, 50))}, **p95 ${ms(percentile(http, 95))}** over ${http.length} sign-ins.`,
      `- Memory above the idle process while n sign-ins run at once (peak RSS, a fresh process each): ${mem.map((m) => `${m.n} → ${mib(m.extra)}`).join(", ")}. One sign-in takes about ${mib(perSignIn)}; argon2 runs on libuv's 4 pool threads, so concurrent sign-ins beyond 4 queue instead of taking more memory.`,
    ];
    console.log(lines.join("\n"));
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

const memoryAt = process.argv.indexOf("--memory");
if (memoryAt >= 0) {
  memoryChild(Number(process.argv[memoryAt + 1]), process.argv[memoryAt + 2] ?? "").then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
