// Makes sure a Chromium and CJK fonts are there for the end-to-end tests. Uses Playwright's
// own browser where one is installed; otherwise Debian's chromium, installed with apt when
// running as root (CI machines of this project can't download Playwright's browsers).
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/lib/chromium/chromium";

function hasPlaywrightBrowser() {
  try {
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function hasPackage(name) {
  return spawnSync("dpkg", ["-s", name], { stdio: "ignore" }).status === 0;
}

const missing = [];
if (!hasPlaywrightBrowser() && !fs.existsSync(SYSTEM_CHROMIUM)) missing.push("chromium");
if (fs.existsSync("/usr/bin/dpkg") && !hasPackage("fonts-noto-cjk")) missing.push("fonts-noto-cjk");

if (missing.length === 0) {
  console.log("▸ Chromium and CJK fonts are installed.");
  process.exit(0);
}
if (
  typeof process.getuid === "function" &&
  process.getuid() === 0 &&
  fs.existsSync("/usr/bin/apt-get")
) {
  console.log(`▸ Installing ${missing.join(", ")} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execSync("apt-get update -qq", { stdio: "inherit", env });
  execSync(`apt-get install -y -qq --no-install-recommends ${missing.join(" ")}`, {
    stdio: "inherit",
    env,
  });
} else {
  console.error(
    `✗ Missing for the end-to-end tests: ${missing.join(", ")}. Install them (as root: apt-get install -y ${missing.join(" ")}), or run npx playwright install chromium where downloads work.`,
  );
  process.exit(1);
}
