// Makes sure Debian's PostgreSQL server is there for the PostgreSQL tests and the cluster,
// installing the `postgresql` package with apt when running as root, the way
// scripts/ensure-nginx.mjs does for nginx. Also starts a private server: its own data folder
// (initdb on first use), loopback only, its unix socket inside that folder, nothing under /etc
// or /var. PostgreSQL refuses to run as root, so under root the folder belongs to the
// package's `postgres` system user and the server runs through `runuser -u postgres --`.
import { execSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const DEBIAN_ROOT = "/usr/lib/postgresql";
const SUPERUSER = "masthead";
const DATABASE = "masthead";
const SYSTEM_USER = "postgres";

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The bin folder of the highest installed Debian PostgreSQL (…/<version>/bin), or null. */
export function findPostgresBin() {
  if (!fs.existsSync(DEBIAN_ROOT)) return null;
  const versions = fs
    .readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .filter((name) => fs.existsSync(path.join(DEBIAN_ROOT, name, "bin", "postgres")))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions.length > 0 ? path.join(DEBIAN_ROOT, versions[0], "bin") : null;
}

/** PostgreSQL's bin folder, installing the package first when missing and allowed to. */
export function ensurePostgres() {
  const found = findPostgresBin();
  if (found) return found;
  if (!isRoot() || !fs.existsSync("/usr/bin/apt-get")) {
    throw new Error(
      "PostgreSQL is not installed. Install it (as root: apt-get install -y postgresql).",
    );
  }
  console.log("▸ Installing postgresql with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execSync("apt-get update -qq", { stdio: "inherit", env });
  execSync("apt-get install -y -qq --no-install-recommends postgresql", { stdio: "inherit", env });
  // Debian's package starts its own cluster on port 5432 with /etc/postgresql: ours never uses it.
  spawnSync("sh", ["-c", "command -v systemctl >/dev/null && systemctl disable --now postgresql"], {
    stdio: "ignore",
  });
  const bin = findPostgresBin();
  if (!bin) throw new Error(`apt-get installed postgresql but ${DEBIAN_ROOT}/*/bin is empty`);
  return bin;
}

/** The command line that runs `file` as the server's owner: itself, or `postgres` under root. */
function asOwner(file, args) {
  return isRoot() ? ["runuser", ["-u", SYSTEM_USER, "--", file, ...args]] : [file, args];
}

function runAsOwner(file, args, log) {
  const [command, argv] = asOwner(file, args);
  const result = spawnSync(command, argv, { encoding: "utf8" });
  for (const line of `${result.stdout ?? ""}${result.stderr ?? ""}`.split("\n")) {
    if (line.trim()) log(line);
  }
  if (result.status !== 0) {
    throw new Error(`${path.basename(file)} failed (${result.status}): ${result.stderr}`);
  }
}

/** Under root: the data folder belongs to `postgres`, which must also be able to reach it. */
function prepareDir(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  if (!isRoot()) return;
  const uid = Number(execSync(`id -u ${SYSTEM_USER}`, { encoding: "utf8" }).trim());
  const gid = Number(execSync(`id -g ${SYSTEM_USER}`, { encoding: "utf8" }).trim());
  fs.chownSync(dir, uid, gid);
  const reach = spawnSync("runuser", ["-u", SYSTEM_USER, "--", "test", "-w", dir]);
  if (reach.status !== 0) {
    throw new Error(`${dir}: the ${SYSTEM_USER} user cannot reach it (check its parents' modes)`);
  }
}

/** Trust, but only over the socket in the data folder and the loopback addresses. */
const PG_HBA = `# Written by scripts/ensure-postgres.mjs: loopback and the private socket only.
local all all trust
host all all 127.0.0.1/32 trust
host all all ::1/128 trust
`;

function initialize(bin, dir, log) {
  log(`initdb ${dir}`);
  runAsOwner(
    path.join(bin, "initdb"),
    ["-D", dir, "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--auth=trust"],
    log,
  );
  fs.writeFileSync(path.join(dir, "pg_hba.conf"), PG_HBA);
}

/** Resolves once the server accepts a connection; fails if it exits or takes too long. */
async function waitUntilReady(child, config, exited) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited.code !== undefined) {
      throw new Error(`postgres exited with status ${exited.code} before accepting connections`);
    }
    const client = new pg.Client({ ...config, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`postgres did not accept connections on port ${config.port}: ${error}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Send a signal to a process that may have exited meanwhile. */
function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
  }
}

/**
 * Start PostgreSQL on 127.0.0.1:`port` with its data in `dir` (initialized when it has no
 * PG_VERSION), create the `masthead` database if missing, and return its URL. `settings` are
 * extra `-c name=value` server settings. `stop()` is a fast shutdown (open transactions roll
 * back) and resolves when the server has exited.
 */
export async function startPostgres({ dir, port, log = () => {}, settings = {} }) {
  const bin = ensurePostgres();
  const dataDir = path.resolve(dir);
  prepareDir(dataDir);
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) initialize(bin, dataDir, log);

  const options = {
    listen_addresses: "127.0.0.1",
    port: String(port),
    unix_socket_directories: dataDir,
    ...settings,
  };
  const args = ["-D", dataDir, ...Object.entries(options).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  const [command, argv] = asOwner(path.join(bin, "postgres"), args);
  const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"] });
  const exited = { code: undefined };
  const done = new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      exited.code = code ?? signal;
      resolve();
    }),
  );
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      for (const line of chunk.split("\n")) if (line.trim()) log(line);
    });
  }

  const config = { host: "127.0.0.1", port, user: SUPERUSER, database: "postgres" };
  const client = await waitUntilReady(child, config, exited);
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }

  async function stop() {
    if (exited.code !== undefined) return;
    // SIGINT to the postmaster is a fast shutdown. Under root the child is runuser, which would
    // turn a signal into SIGTERM (a smart shutdown waiting for clients): signal the server itself.
    const pidFile = path.join(dataDir, "postmaster.pid");
    const pid = fs.existsSync(pidFile)
      ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
      : child.pid;
    signal(pid, "SIGINT");
    const timer = setTimeout(() => signal(pid, "SIGQUIT"), 15_000);
    await done;
    clearTimeout(timer);
  }

  return { url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}`, stop };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  try {
    console.log(`▸ PostgreSQL: ${ensurePostgres()}`);
  } catch (error) {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  }
}
