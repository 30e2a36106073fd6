// `npm test`: lint, type check, unit tests, build, end-to-end tests in Chromium (against the app
// and through the shipped nginx cache, deploy/nginx.conf). Stops at the
// first failure.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./lib/build.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function step(title, command, args) {
  console.log(`\n━━ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

step("Lint", bin("biome"), ["check", "."]);
step("Type check", bin("tsc"), ["--noEmit"]);
step("Unit tests", bin("vitest"), ["run"]);
console.log("\n━━ Build");
buildIfNeeded({ force: true });
step("Chromium", process.execPath, ["scripts/ensure-chromium.mjs"]);
step("nginx", process.execPath, ["scripts/ensure-nginx.mjs"]);
step("End-to-end tests", bin("playwright"), ["test", "-c", "e2e/playwright.config.ts"]);
