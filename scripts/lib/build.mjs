// Builds the app only when its inputs changed since the last build (a hash kept in .next/).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const INPUT_DIRS = ["app", "components", "lib", "db", "public"];
const INPUT_FILES = [
  "package-lock.json",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];
const HASH_FILE = path.join(ROOT, ".next", "masthead-build-hash");

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return entry.isFile() && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

export function buildInputsHash() {
  const hash = createHash("sha256");
  const files = [
    ...INPUT_DIRS.flatMap((d) => listFiles(path.join(ROOT, d))),
    ...INPUT_FILES.map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f)),
  ].sort();
  for (const file of files) {
    hash.update(path.relative(ROOT, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

export function isBuildCurrent(inputs = buildInputsHash()) {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return false;
  if (!fs.existsSync(HASH_FILE)) return false;
  return fs.readFileSync(HASH_FILE, "utf8").trim() === inputs;
}

/** Run `next build` unless the current build already matches the sources. */
export function buildIfNeeded({ force = false } = {}) {
  // Hash the sources as they are when the build starts: an edit made while it runs must make
  // the next start build again, not be recorded as built.
  const inputs = buildInputsHash();
  if (!force && isBuildCurrent(inputs)) {
    console.log("▸ Build is up to date.");
    return;
  }
  console.log("▸ Building the app (next build)…");
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("✗ next build failed.");
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(HASH_FILE, `${inputs}\n`);
}
