// `npm run bench`: every benchmark, one after the other (never two at once on 2 cores). Each
// Markdown section a benchmark prints replaces its own section of docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./lib/build.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const DOCS = path.join(ROOT, "docs", "benchmarks.md");
const npm = (script, args = []) =>
  spawnSync("npm", ["run", "-s", script, ...(args.length ? ["--", ...args] : [])], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });

/** Replace the section that starts with `heading` (up to the next "## ") or append it. */
function replaceSection(markdown, heading, section) {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) return `${markdown.trimEnd()}\n\n${section.trim()}\n`;
  const rest = markdown.slice(start + heading.length);
  const next = rest.search(/^## /m);
  const end = next < 0 ? markdown.length : start + heading.length + next;
  return `${markdown.slice(0, start)}${section.trim()}\n\n${markdown.slice(end).trimStart()}`;
}

buildIfNeeded();
let failed = false;
for (const [script, heading] of [
  ["bench:desk", "## Newsroom"],
  ["bench:sign-off", "## Sign-off"],
  ["bench:load", "## Load without loss"],
  ["bench:login", "## Sign-in"],
  ["bench:reader", "## Reader pages"],
  ["bench:edge", "## Reader cache"],
]) {
  console.log(`\n━━ ${script}`);
  const run = npm(script);
  process.stdout.write(run.stdout);
  if (run.status !== 0) failed = true;
  const section = run.stdout.slice(run.stdout.indexOf(heading));
  if (run.stdout.includes(heading)) {
    fs.writeFileSync(DOCS, replaceSection(fs.readFileSync(DOCS, "utf8"), heading, section));
  }
}
console.log("\n━━ bench:import (its section of docs/benchmarks.md is kept by hand)");
const imported = npm("bench:import");
process.stdout.write(imported.stdout);
if (imported.status !== 0) failed = true;

if (!fs.existsSync(path.join(ROOT, "bench-data", "masthead.db")))
  npm("bench:seed", ["--years", "10"]);
console.log("\n━━ bench:search (the ten-year archive)");
const search = npm("bench:search");
process.stdout.write(search.stdout);
if (search.status !== 0) failed = true;
if (search.stdout.includes("## Search")) {
  const section = search.stdout.slice(search.stdout.indexOf("## Search"));
  fs.writeFileSync(DOCS, replaceSection(fs.readFileSync(DOCS, "utf8"), "## Search", section));
}

console.log("\n━━ bench:paper (needs the ten-year archive: npm run bench:seed -- --years 10)");
const paper = spawnSync("npm", ["run", "-s", "bench:paper"], { cwd: ROOT, stdio: "inherit" });
if (paper.status !== 0) failed = true;
process.exit(failed ? 1 : 0);
