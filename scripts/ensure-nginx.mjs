// Makes sure nginx (and, with --wrk, the wrk load generator) is there for the end-to-end tests
// and the benchmark, installing Debian's packages with apt when running as root, the way
// scripts/ensure-chromium.mjs does for Chromium. Also starts nginx with the shipped
// deploy/nginx.conf on loopback (own prefix, pid and logs: nothing under /etc or /var).
import { execSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const DEPLOY = path.join(ROOT, "deploy");
const CANDIDATES = { nginx: ["/usr/sbin/nginx", "/usr/bin/nginx"], wrk: ["/usr/bin/wrk"] };

/** The path of a tool, or null when it is not installed. */
export function findTool(name) {
  const found = (CANDIDATES[name] ?? []).find((file) => fs.existsSync(file));
  if (found) return found;
  const which = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** nginx (and wrk when asked) installed, or a clear message and exit status 1. */
export function ensureTools({ wrk = false } = {}) {
  const wanted = wrk ? ["nginx", "wrk"] : ["nginx"];
  const missing = wanted.filter((name) => !findTool(name));
  if (missing.length > 0) {
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    if (!isRoot || !fs.existsSync("/usr/bin/apt-get")) {
      console.error(
        `✗ Missing: ${missing.join(", ")}. Install them (as root: apt-get install -y ${missing.join(" ")}).`,
      );
      process.exit(1);
    }
    console.log(`▸ Installing ${missing.join(", ")} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execSync("apt-get update -qq", { stdio: "inherit", env });
    execSync(`apt-get install -y -qq --no-install-recommends ${missing.join(" ")}`, {
      stdio: "inherit",
      env,
    });
    // Debian's package starts its own nginx on port 80 with /etc/nginx: ours never uses it.
    spawnSync("sh", ["-c", "command -v systemctl >/dev/null && systemctl disable --now nginx"], {
      stdio: "ignore",
    });
  }
  return { nginx: findTool("nginx"), wrk: wrk ? findTool("wrk") : null };
}

/**
 * Replace the one directive line `from` (comments aside), or fail loudly: the shipped file is
 * what gets tested.
 */
function replaceOnce(text, from, to, file) {
  const line = new RegExp(`^(\\s*)${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "gm");
  const count = text.match(line)?.length ?? 0;
  if (count !== 1) throw new Error(`${file}: expected "${from}" once, found it ${count} times`);
  return text.replace(line, `$1${to}`);
}

/**
 * The shipped configuration with its two documented knobs changed: the upstream
 * (127.0.0.1:3000) and the listening port (8080, here on loopback only). `extraHttp` is added
 * inside the http block (the benchmark's static-file server).
 */
export function renderConfig({ port, upstream, extraHttp = "" }) {
  let main = fs.readFileSync(path.join(DEPLOY, "nginx.conf"), "utf8");
  main = replaceOnce(main, "server 127.0.0.1:3000;", `server ${upstream};`, "deploy/nginx.conf");
  main = replaceOnce(main, "listen 8080;", `listen 127.0.0.1:${port};`, "deploy/nginx.conf");
  if (extraHttp) main = main.replace(/\}\s*$/, `${extraHttp}\n}\n`);
  return main;
}

/**
 * Start nginx in the foreground with the shipped config under `prefix` (created; its pid,
 * logs, temp files and cache live there). Resolves once the port answers.
 */
export async function startNginx({ port, upstream, prefix, extraHttp = "", quiet = false }) {
  const { nginx } = ensureTools();
  fs.rmSync(prefix, { recursive: true, force: true });
  const conf = path.join(prefix, "conf");
  fs.mkdirSync(conf, { recursive: true, mode: 0o755 });
  // Workers run as nobody when started by root: they must reach the prefix.
  fs.chmodSync(prefix, 0o755);
  for (const file of fs.readdirSync(DEPLOY).filter((f) => f.endsWith(".conf"))) {
    fs.copyFileSync(path.join(DEPLOY, file), path.join(conf, file));
  }
  fs.writeFileSync(path.join(conf, "nginx.conf"), renderConfig({ port, upstream, extraHttp }));
  const args = ["-p", `${prefix}/`, "-c", path.join(conf, "nginx.conf"), "-e", "stderr"];
  const test = spawnSync(nginx, [...args, "-t", "-q"], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const child = spawn(nginx, [...args, "-g", "daemon off;"], {
    stdio: quiet ? "ignore" : ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with status ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/nginx-is-up`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return child;
}

/** Stop an nginx started by startNginx (graceful: SIGQUIT) and wait for it to exit. */
export async function stopNginx(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGQUIT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const tools = ensureTools({ wrk: process.argv.includes("--wrk") });
  console.log(`▸ nginx: ${tools.nginx}${tools.wrk ? `, wrk: ${tools.wrk}` : ""}`);
}
