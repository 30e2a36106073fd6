// The server the end-to-end tests run against: a throwaway database in e2e/.data, migrated
// and seeded, then `next start` on its own port.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./lib/build.mjs";
import { serverEnv } from "./lib/server-env.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
// Whatever the server and its setup create (database, WAL, media, backups) is the owner's only.
process.umask(0o077);
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);
const port = Number(process.env.E2E_PORT || 3100);
const dataDir = path.resolve(ROOT, process.env.E2E_DATA_DIR || "e2e/.data/current");

fs.rmSync(dataDir, { recursive: true, force: true });
// TRUST_PROXY: the specs play a stranger at another address with X-Real-IP, as nginx sets it.
// A short scheduler tick: the specs that wait for the clock (embargoes lifting) wait for a tick
// of two seconds, not thirty.
const env = {
  ...serverEnv({ dataDir, port }),
  MASTHEAD_TEST: "1",
  TRUST_PROXY: "1",
  MASTHEAD_SCHEDULER_INTERVAL_MS: "2000",
};

buildIfNeeded();
const setup = spawnSync(bin("tsx"), ["scripts/db-setup.ts"], { cwd: ROOT, stdio: "inherit", env });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const server = spawn(bin("next"), ["start", "-p", String(port)], {
  cwd: ROOT,
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
