// The shipped deploy/nginx.conf with a real nginx in front of a small origin of our own: what
// it keeps, what it never keeps, and that a stale copy never outlives the origin's bound.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { ensureTools, renderConfig, startNginx, stopNginx } from "./ensure-nginx.mjs";

type Reply = { status: number; headers: Record<string, string>; body: string };
const replies = new Map<string, Reply>();
const hits = new Map<string, number>();
const seenCookies: string[] = [];
let origin: http.Server;
let originPort = 0;
let nginx: unknown;
const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-nginx-test-"));
const PORT = 3390 + (process.pid % 50);
const base = `http://127.0.0.1:${PORT}`;

function listen(server: http.Server, port = 0): Promise<number> {
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

function makeOrigin(): http.Server {
  return http.createServer((request, response) => {
    const url = request.url ?? "/";
    hits.set(url, (hits.get(url) ?? 0) + 1);
    if (request.headers.cookie) seenCookies.push(request.headers.cookie);
    let reply = replies.get(url) ?? { status: 404, headers: {}, body: "none" };
    // Next answers a router request without `_rsc` with a Vary-less redirect.
    if (request.headers.rsc === "1" && url === "/rsc-page") {
      reply = {
        status: 307,
        headers: { "Cache-Control": PUBLIC_SHORT, Location: "/rsc-page?_rsc=x" },
        body: "",
      };
    }
    response.writeHead(reply.status, { "Content-Type": "text/html", ...reply.headers });
    response.end(reply.body);
  });
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${url}`, { headers });
  return {
    status: response.status,
    cache: response.headers.get("x-cache-status"),
    body: await response.text(),
  };
}

/** Wait until `read` holds, at most `ms` (vitest polls it); returns the milliseconds it took. */
async function within(ms: number, read: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  await vi.waitFor(
    async () => {
      if (!(await read())) throw new Error(`not within ${ms} ms`);
    },
    { timeout: ms, interval: 50 },
  );
  return Date.now() - started;
}

const PUBLIC_SHORT = "public, max-age=0, s-maxage=1, stale-while-revalidate=1, stale-if-error=2";

beforeAll(async () => {
  ensureTools();
  origin = makeOrigin();
  originPort = await listen(origin);
  nginx = await startNginx({
    port: PORT,
    upstream: `127.0.0.1:${originPort}`,
    prefix,
    quiet: true,
  });
}, 120_000);

afterAll(async () => {
  await stopNginx(nginx);
  origin?.close();
  fs.rmSync(prefix, { recursive: true, force: true });
});

describe("deploy/nginx.conf", () => {
  it("changes only its two documented knobs for the tests", () => {
    const text = renderConfig({ port: 4567, upstream: "127.0.0.1:4568" });
    expect(text).toContain("listen 127.0.0.1:4567;");
    expect(text).toContain("server 127.0.0.1:4568;");
    expect(text).not.toMatch(/^\s*listen 8080;/m);
    const shipped = fs.readFileSync(path.join(__dirname, "..", "deploy", "nginx.conf"), "utf8");
    expect(shipped).toMatch(/^\s*listen 8080;/m);
    expect(shipped).toMatch(/^\s*server 127\.0\.0\.1:3000;/m);
  });

  it("keeps a public page for its s-maxage, one copy whatever the cookies", async () => {
    replies.set("/issues/1", {
      status: 200,
      headers: { "Cache-Control": PUBLIC_SHORT },
      body: "v1",
    });
    expect((await get("/issues/1")).cache).toBe("MISS");
    const again = await get("/issues/1", { Cookie: "next-auth.session-token=abc; other=1" });
    expect(again).toMatchObject({ status: 200, cache: "HIT", body: "v1" });
    expect(hits.get("/issues/1")).toBe(1);
  });

  it("sends a reader with the old English cookie, not yet moved to /en/, past the cache both ways", async () => {
    replies.set("/issues/3", {
      status: 200,
      headers: { "Cache-Control": PUBLIC_SHORT },
      body: "zh",
    });
    await get("/issues/3");
    const old = await get("/issues/3", { Cookie: "masthead-locale=en" });
    expect(old.cache).toBe("BYPASS");
    const moved = await get("/issues/3", { Cookie: "masthead-locale=en; masthead-paper-urls=1" });
    expect(moved.cache).toBe("HIT");
    expect(hits.get("/issues/3")).toBe(2);
  });

  it("keeps Next's router requests apart: an RSC answer never replaces the page", async () => {
    replies.set("/rsc-page", {
      status: 200,
      headers: {
        "Cache-Control": PUBLIC_SHORT,
        Vary: "rsc, next-router-state-tree, next-router-prefetch",
      },
      body: "<html>page</html>",
    });
    const router = await fetch(`${base}/rsc-page`, { headers: { RSC: "1" }, redirect: "manual" });
    expect(router.status).toBe(307);
    expect(await get("/rsc-page")).toMatchObject({ status: 200, body: "<html>page</html>" });
    expect(
      (await fetch(`${base}/rsc-page`, { headers: { RSC: "1" }, redirect: "manual" })).status,
    ).toBe(307);
    expect(await get("/rsc-page")).toMatchObject({ status: 200, cache: "HIT" });
  });

  it("passes what the app marks private or no-store, and a response setting a cookie", async () => {
    replies.set("/media/1/640.webp", {
      status: 200,
      headers: { "Cache-Control": "private, no-store" },
      body: "newsroom only",
    });
    replies.set("/with-cookie", {
      status: 200,
      headers: { "Cache-Control": PUBLIC_SHORT, "Set-Cookie": "a=b" },
      body: "x",
    });
    for (let i = 0; i < 3; i += 1) {
      await get("/media/1/640.webp", { Cookie: "next-auth.session-token=abc" });
      await get("/with-cookie");
    }
    expect(hits.get("/media/1/640.webp")).toBe(3);
    expect(hits.get("/with-cookie")).toBe(3);
  });

  it("never keeps the desk, sign-in, setup or the APIs, even when marked public; cookies reach the app", async () => {
    for (const url of ["/desk", "/desk/stories", "/login", "/setup", "/api/health"]) {
      replies.set(url, { status: 200, headers: { "Cache-Control": PUBLIC_SHORT }, body: url });
      await get(url, { Cookie: "next-auth.session-token=desk" });
      const second = await get(url);
      expect(second.cache, url).toBeNull();
      expect(hits.get(url), url).toBe(2);
    }
    expect(seenCookies).toContain("next-auth.session-token=desk");
  });

  it("drops a taken-down page within s-maxage + stale-while-revalidate", async () => {
    replies.set("/stories/7", {
      status: 200,
      headers: { "Cache-Control": PUBLIC_SHORT },
      body: "story",
    });
    await get("/stories/7");
    expect((await get("/stories/7")).cache).toBe("HIT");
    const takenDown = Date.now();
    replies.set("/stories/7", {
      status: 404,
      headers: { "Cache-Control": "no-store" },
      body: "gone",
    });
    await within(4000, async () => (await get("/stories/7")).status === 404);
    // 1 s fresh + 1 s stale, plus nginx's one-second clock.
    expect(Date.now() - takenDown).toBeLessThanOrEqual(3000 + 300);
    for (let i = 0; i < 5; i += 1) expect((await get("/stories/7")).status).toBe(404);
  }, 15_000);

  it("serves a stale copy while the app is down, but never past stale-if-error", async () => {
    replies.set("/issues/2", {
      status: 200,
      headers: { "Cache-Control": PUBLIC_SHORT },
      body: "kept",
    });
    await get("/issues/2");
    const cachedAt = Date.now();
    const closed = new Promise<void>((resolve) => origin.close(() => resolve()));
    origin.closeAllConnections();
    await closed;
    try {
      // Past its freshness, the app down: the copy is served stale…
      await within(3000, async () => (await get("/issues/2")).cache === "STALE");
      expect((await get("/issues/2")).body).toBe("kept");
      // …until s-maxage + stale-if-error (1 + 2 s), then never again.
      await within(5000, async () => (await get("/issues/2")).status >= 500);
      // (nginx counts in whole seconds: one more second at most.)
      expect(Date.now() - cachedAt).toBeLessThanOrEqual(4000 + 300);
      for (let i = 0; i < 3; i += 1)
        expect((await get("/issues/2")).status).toBeGreaterThanOrEqual(500);
    } finally {
      origin = makeOrigin();
      await listen(origin, originPort);
    }
  }, 15_000);

  it("compresses for clients that ask", async () => {
    replies.set("/big", {
      status: 200,
      headers: { "Cache-Control": PUBLIC_SHORT },
      body: "职工时报".repeat(2000),
    });
    const response = await fetch(`${base}/big`, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toBe("职工时报".repeat(2000));
  });

  it("the HTTPS server of masthead-tls.conf parses with a certificate in place", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-nginx-tls-"));
    try {
      const cert = path.join(dir, "cert.pem");
      const key = path.join(dir, "key.pem");
      const made = spawnSync("openssl", [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=paper.example",
        "-keyout",
        key,
        "-out",
        cert,
      ]);
      expect(made.status).toBe(0);
      const conf = path.join(dir, "conf");
      fs.mkdirSync(conf);
      const deploy = path.join(__dirname, "..", "deploy");
      for (const file of ["masthead-locations.conf", "masthead-tls.conf"]) {
        fs.copyFileSync(path.join(deploy, file), path.join(conf, file));
      }
      const tls = fs
        .readFileSync(path.join(conf, "masthead-tls.conf"), "utf8")
        .replace("/etc/letsencrypt/live/paper.example/fullchain.pem", cert)
        .replace("/etc/letsencrypt/live/paper.example/privkey.pem", key);
      fs.writeFileSync(path.join(conf, "masthead-tls.conf"), tls);
      const main = renderConfig({ port: PORT + 100, upstream: "127.0.0.1:1" }).replace(
        "# include masthead-tls.conf;",
        "include masthead-tls.conf;",
      );
      expect(main).toMatch(/^\s*include masthead-tls\.conf;/m);
      fs.writeFileSync(path.join(conf, "nginx.conf"), main);
      const nginxBin = ensureTools().nginx as string;
      const test = spawnSync(
        nginxBin,
        ["-p", `${dir}/`, "-c", path.join(conf, "nginx.conf"), "-e", "stderr", "-t"],
        { encoding: "utf8" },
      );
      expect(test.stderr).toContain("syntax is ok");
      expect(test.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
