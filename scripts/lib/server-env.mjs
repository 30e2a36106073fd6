// What `next start` needs in its environment, for `npm start` and for the e2e server.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** A NEXTAUTH_SECRET made once and kept in the data folder, so `npm start` needs no setup. */
export function ensureAuthSecret(dataDir) {
  const file = path.join(dataDir, "auth-secret");
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, "utf8").trim();
}

export function serverEnv({ dataDir, port }) {
  return {
    ...process.env,
    DATA_DIR: dataDir,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || ensureAuthSecret(dataDir),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    PORT: String(port),
  };
}
