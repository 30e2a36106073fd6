import { describe, expect, it } from "vitest";
import { addressBucket, clientAddress, UNKNOWN_ADDRESS } from "@/lib/client-address";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddress", () => {
  it("reads the address Next puts in X-Forwarded-For from the socket", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), false)).toBe(
      "127.0.0.1",
    );
    expect(clientAddress(headers({ "x-forwarded-for": "::1" }), false)).toBe("::1");
  });

  it("behind a trusted proxy, prefers X-Real-IP, else the entry the proxy appended", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-real-ip": "203.0.113.7" });
    expect(clientAddress(h, true)).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), true)).toBe(
      "203.0.113.9",
    );
  });

  it("ignores X-Real-IP unless a proxy is trusted", () => {
    const h = headers({ "x-forwarded-for": "198.51.100.4", "x-real-ip": "10.9.9.9" });
    expect(clientAddress(h, false)).toBe("198.51.100.4");
  });

  it("strips ports and falls back to one bucket for what is no address", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.4:5555" }), false)).toBe(
      "198.51.100.4",
    );
    expect(clientAddress(headers({ "x-forwarded-for": "[2001:db8::1]:443" }), false)).toBe(
      "2001:db8::1",
    );
    expect(clientAddress(headers({ "x-forwarded-for": "<script>" }), false)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(headers({}), true)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("addressBucket", () => {
  it("keeps IPv4 and folds IPv6 to its /64", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
  });
});
