// The end-to-end tests' nginx: the shipped deploy/nginx.conf in front of the test server
// (scripts/e2e-server.mjs), on loopback, with its own prefix (pid, logs, temp, cache) under
// /tmp. Installed first when missing (scripts/ensure-nginx.mjs). Stopped with its runner.
import os from "node:os";
import path from "node:path";
import { startNginx, stopNginx } from "../scripts/ensure-nginx.mjs";

const port = Number(process.env.E2E_NGINX_PORT || 3180);
const upstream = `127.0.0.1:${Number(process.env.E2E_PORT || 3100)}`;
const prefix = path.join(os.tmpdir(), `masthead-e2e-nginx-${port}`);

const nginx = await startNginx({ port, upstream, prefix });
console.log(`▸ nginx on 127.0.0.1:${port} → ${upstream} (prefix ${prefix})`);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => void stopNginx(nginx).then(() => process.exit(0)));
}
nginx.on("exit", (code) => process.exit(code ?? 0));
