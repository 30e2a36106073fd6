// A real PostgreSQL started by scripts/ensure-postgres.mjs: loopback only, its socket in its own
// folder, the masthead database there, a fast stop, and a restart that keeps the data.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { findPostgresBin, startPostgres } from "./ensure-postgres.mjs";

type Server = { url: string; stop: () => Promise<void> };

const PORT = Number(process.env.MASTHEAD_TEST_PG_PORT ?? 55432);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-pg-test-"));
let server: Server;

async function query(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function refuses(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(true);
    });
  });
}

describe("startPostgres", () => {
  beforeAll(async () => {
    server = await startPostgres({ dir, port: PORT });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("finds Debian's binaries", () => {
    expect(findPostgresBin()).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/);
  });

  it("serves the masthead database to the masthead superuser on loopback", async () => {
    expect(server.url).toBe(`postgres://masthead@127.0.0.1:${PORT}/masthead`);
    const [row] = await query(
      server.url,
      "SELECT current_user AS who, current_database() AS db, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su, pg_encoding_to_char(encoding) AS enc, datcollate FROM pg_database WHERE datname = current_database()",
    );
    expect(row).toEqual({
      who: "masthead",
      db: "masthead",
      su: true,
      enc: "UTF8",
      datcollate: "C",
    });
  });

  it("listens on 127.0.0.1 only, with its socket in its data folder", async () => {
    const [listen] = await query(server.url, "SHOW listen_addresses");
    expect(listen).toEqual({ listen_addresses: "127.0.0.1" });
    const [socket] = await query(server.url, "SHOW unix_socket_directories");
    expect(socket).toEqual({ unix_socket_directories: path.resolve(dir) });
    expect(fs.existsSync(path.join(dir, `.s.PGSQL.${PORT}`))).toBe(true);
    const outside = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === "IPv4");
    for (const address of outside) {
      expect(await refuses(address?.address ?? "", PORT)).toBe(true);
    }
  });

  it("stops fast with a session open, and starts again on the same data", async () => {
    await query(
      server.url,
      "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')",
    );
    const idle = new pg.Client({ connectionString: server.url });
    await idle.connect();
    idle.on("error", () => {});
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
    expect(await refuses("127.0.0.1", PORT)).toBe(true);
    await idle.end().catch(() => {});

    server = await startPostgres({ dir, port: PORT });
    expect(await query(server.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
  }, 60_000);
});
