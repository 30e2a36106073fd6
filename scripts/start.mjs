// `npm start`: build what is missing, create/migrate/seed the database, serve the paper.
// MASTHEAD_MODE=production: no demo seed, the setup link or a refusal (scripts/db-setup.ts).
// HOST=127.0.0.1 binds to one address (behind a reverse proxy: docs/deploy.md).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./lib/build.mjs";
import { serverEnv } from "./lib/server-env.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
// Whatever the server and its setup create (database, WAL, media, backups) is the owner's only.
process.umask(0o077);
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);
const port = Number(process.env.PORT || 3000);
const dataDir = path.resolve(ROOT, process.env.DATA_DIR || "data");
const env = serverEnv({ dataDir, port });

buildIfNeeded();

const setup = spawnSync(bin("tsx"), ["scripts/db-setup.ts"], { cwd: ROOT, stdio: "inherit", env });
if (setup.status !== 0) process.exit(setup.status ?? 1);

console.log(`▸ Serving at ${env.NEXTAUTH_URL}`);
const hostArgs = process.env.HOST ? ["-H", process.env.HOST] : [];
const server = spawn(bin("next"), ["start", "-p", String(port), ...hostArgs], {
  cwd: ROOT,
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
