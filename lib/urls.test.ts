import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/domain/locales";
import { SAFE_FALLBACK, safeRedirectPath } from "@/lib/urls";

/** What a browser would make of a Location header on a page of this site. */
function landsOn(target: string): URL {
  return new URL(target, "http://desk.example:3000/login");
}

/** The language switch's last step: drop a leading language segment. */
function withoutLanguage(path: string): string {
  for (const segment of [...LOCALES, "default"]) {
    if (path === `/${segment}` || path.startsWith(`/${segment}/`)) {
      return path.slice(segment.length + 1) || "/";
    }
  }
  return path;
}

describe("safeRedirectPath refuses every way out of the site", () => {
  const hostile = [
    "/.//evil.example/x",
    "/en//evil.example/x",
    "/zh-CN//evil.example/x",
    "/default//evil.example",
    "/en/..//evil.example",
    "/./en//evil.example",
    "/a/../..//evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/en/%2F%2Fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/x%00",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "/javascript:alert(1)//%0a",
    "https://evil.example/",
    "http:evil.example",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "",
    "/%",
    `/${"a".repeat(3000)}`,
  ];
  it.each(hostile)("%j ends on /", (value) => {
    expect(safeRedirectPath(value)).toBe(SAFE_FALLBACK);
  });

  it("refuses what is not a string", () => {
    for (const value of [null, undefined, 42, ["/desk"], { toString: () => "/desk" }]) {
      expect(safeRedirectPath(value)).toBe(SAFE_FALLBACK);
    }
  });
});

describe("safeRedirectPath keeps the paths of this site", () => {
  const kept: [string, string][] = [
    ["/desk", "/desk"],
    ["/desk/stories/12?tab=notes#body", "/desk/stories/12?tab=notes#body"],
    ["/en/issues/2023-02-22/1", "/en/issues/2023-02-22/1"],
    ["/search?q=//evil.example", "/search?q=//evil.example"],
    ["/desk/./stories/../review", "/desk/review"],
    ["/stories/%E5%B7%A5%E4%BC%9A", "/stories/%E5%B7%A5%E4%BC%9A"],
    ["/archive/day?date=2023-02-22", "/archive/day?date=2023-02-22"],
  ];
  it.each(kept)("%j → %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });
});

describe("safeRedirectPath on random input", () => {
  const pieces = fc.constantFrom(
    "/",
    "//",
    ".",
    "..",
    "\\",
    "%2F",
    "%2f",
    "%5C",
    "%25",
    "%09",
    "%0a",
    "\t",
    "\n",
    "en",
    "zh-CN",
    "default",
    "evil.example",
    ":",
    "javascript:",
    "http:",
    "?",
    "#",
    "@",
    " ",
    "\u3000",
    "工会",
  );
  const shaped = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(""));
  const anything = fc.oneof(shaped, fc.string({ unit: "binary", maxLength: 60 }), fc.webUrl());

  it("always gives a path starting with a single / that stays on this site", () => {
    fc.assert(
      fc.property(anything, (value) => {
        const target = safeRedirectPath(value);
        for (const path of [target, withoutLanguage(target)]) {
          expect(path.startsWith("/")).toBe(true);
          expect(path.startsWith("//")).toBe(false);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: none of these may pass
          expect(path).not.toMatch(/[\\\u0000-\u001f\u007f]/);
          expect(landsOn(path).origin).toBe("http://desk.example:3000");
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe("the language switch answers with a relative Location", () => {
  it.each([
    ["/.//evil.example/x", "/"],
    ["/en//evil.example/x", "/"],
    ["/en/issues/2023-02-22", "/issues/2023-02-22"],
    ["/zh-CN", "/"],
  ])("next=%j → %j, whatever host the server thinks it has", async (next, expected) => {
    const { NextRequest } = await import("next/server");
    const { GET } = await import("@/app/api/locale/route");
    const url = `http://localhost:3000/api/locale?lang=en&next=${encodeURIComponent(next)}`;
    const response = GET(new NextRequest(url, { headers: { host: "192.0.2.7:3000" } }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(expected);
  });
});

describe("next-auth's redirect callback", () => {
  it("keeps next-auth's own URLs on this site", async () => {
    const { authOptions } = await import("@/lib/auth");
    const redirect = authOptions.callbacks?.redirect;
    if (!redirect) throw new Error("no redirect callback");
    const base = "http://localhost:3000";
    const cases: [string, string][] = [
      ["/login", `${base}/login`],
      [`${base}/desk?x=1`, `${base}/desk?x=1`],
      ["https://evil.example/x", `${base}/`],
      ["/.//evil.example/x", `${base}/`],
      [`${base}/.//evil.example/x`, `${base}/`],
      ["javascript:alert(1)", `${base}/`],
    ];
    for (const [url, expected] of cases) {
      expect(await redirect({ url, baseUrl: base })).toBe(expected);
    }
  });
});
