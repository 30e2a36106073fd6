import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installCookieVary, withCookieVary } from "@/lib/vary-cookie";

describe("withCookieVary", () => {
  it("adds Cookie to Next's Vary", () => {
    expect(withCookieVary("Vary", "rsc, next-router-state-tree")).toBe(
      "rsc, next-router-state-tree, Cookie",
    );
  });

  it("leaves other headers, other Vary values and a Vary with Cookie alone", () => {
    expect(withCookieVary("Cache-Control", "rsc, x")).toBe("rsc, x");
    expect(withCookieVary("vary", "Accept")).toBe("Accept");
    expect(withCookieVary("vary", "rsc, Cookie")).toBe("rsc, Cookie");
    expect(withCookieVary("vary", ["rsc"])).toEqual(["rsc"]);
  });
});

describe("installCookieVary", () => {
  it("makes a real server's Vary include Cookie, once", async () => {
    installCookieVary();
    installCookieVary();
    const server = http.createServer((_req, res) => {
      res.setHeader("Vary", "rsc, next-router-state-tree");
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.headers.get("vary")).toBe("rsc, next-router-state-tree, Cookie");
    } finally {
      server.close();
    }
  });
});
