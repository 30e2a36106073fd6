// Makes sure Redis is there for the shared-cache tests and the cluster, installing Debian's
// redis-server with apt when running as root, the way scripts/ensure-nginx.mjs does for nginx.
// Also starts a throwaway redis-server on loopback (own folder, no persistence: nothing under
// /etc or /var, and nothing survives it).
import { execSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const CANDIDATES = ["/usr/bin/redis-server", "/usr/sbin/redis-server"];

/** The path of redis-server, or null when it is not installed. */
export function findRedisServer() {
  const found = CANDIDATES.find((file) => fs.existsSync(file));
  if (found) return found;
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** redis-server installed (its path), or a clear message and exit status 1. */
export function ensureRedis() {
  const existing = findRedisServer();
  if (existing) return existing;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !fs.existsSync("/usr/bin/apt-get")) {
    console.error(
      "✗ Missing: redis-server. Install it (as root: apt-get install -y redis-server).",
    );
    process.exit(1);
  }
  console.log("▸ Installing redis-server with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execSync("apt-get update -qq", { stdio: "inherit", env });
  execSync("apt-get install -y -qq --no-install-recommends redis-server", {
    stdio: "inherit",
    env,
  });
  // Debian's package starts its own redis-server on port 6379 with /etc/redis: ours never uses it.
  spawnSync(
    "sh",
    ["-c", "command -v systemctl >/dev/null && systemctl disable --now redis-server"],
    { stdio: "ignore" },
  );
  const installed = findRedisServer();
  if (!installed) throw new Error("redis-server is still missing after apt-get install");
  return installed;
}

/** One PING over a raw connection: true when the server answers PONG. */
function ping(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let answer = "";
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"));
    });
  });
}

/**
 * Start redis-server in the foreground on 127.0.0.1:`port`, with `dir` (created) as its working
 * folder and no persistence. Resolves once PING answers, with its URL and a stop() that shuts
 * it down and waits for it to exit.
 */
export async function startRedis({ dir, port, log = () => {} }) {
  const redisServer = ensureRedis();
  fs.mkdirSync(dir, { recursive: true });
  const args = [
    "--bind",
    "127.0.0.1",
    "--port",
    String(port),
    "--protected-mode",
    "yes",
    "--daemonize",
    "no",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    path.resolve(dir),
    "--logfile",
    "",
  ];
  const child = spawn(redisServer, args, { stdio: ["ignore", "pipe", "pipe"] });
  const output = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (text) => {
      output.push(text);
      for (const line of text.split("\n").filter(Boolean)) log(line);
    });
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 15_000;
  while (!(await ping(port))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `redis-server exited (${child.exitCode ?? child.signalCode}):\n${output.join("")}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not answer PING on port ${port}:\n${output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  log(`redis-server up on 127.0.0.1:${port}`);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGTERM is redis's clean shutdown; with no persistence configured it writes nothing.
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  console.log(`▸ redis-server: ${ensureRedis()}`);
}
