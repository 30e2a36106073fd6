// `MASTHEAD_MODE=production npm start` as a real process, on its own port and data folder,
// with its console kept so a test can read the setup link (or the reason it refused to start).
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

export type ProductionServer = {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
};

export function startProduction(dataDir: string, port: number): ProductionServer {
  let output = "";
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      MASTHEAD_MODE: "production",
      MASTHEAD_TEST: "",
      DATA_DIR: dataDir,
      PORT: String(port),
      NEXTAUTH_SECRET: "production-spec-secret",
      NEXTAUTH_URL: `http://localhost:${port}`,
      SITE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

export function stopProduction(server: ProductionServer): Promise<number | null> {
  if (server.process.pid && server.process.exitCode === null) {
    try {
      process.kill(-server.process.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  return server.exited;
}
