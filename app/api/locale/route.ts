// Remembers the reader's or user's language in a cookie, then goes back where they were.
import { type NextRequest, NextResponse } from "next/server";
import { isLocale, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { PAPER_URL_MOVED_COOKIE } from "@/lib/i18n/paper-locale";
import { safeRedirectPath } from "@/lib/urls";

const ONE_YEAR = 60 * 60 * 24 * 365;

export function GET(request: NextRequest) {
  const lang = request.nextUrl.searchParams.get("lang");
  let next = safeRedirectPath(request.nextUrl.searchParams.get("next"));
  // Drop an internal language segment if the page reported its rewritten path. The target
  // has no `//` anywhere (safeRedirectPath), so what is left still starts with a single `/`.
  for (const segment of [...LOCALES, "default"]) {
    if (next === `/${segment}` || next.startsWith(`/${segment}/`)) {
      next = safeRedirectPath(next.slice(segment.length + 1) || "/");
    }
  }
  // A relative Location: the browser stays on the host it used (LAN address, proxy name), which
  // the server's own idea of its URL (localhost) does not know.
  const response = new NextResponse(null, { status: 303, headers: { Location: next } });
  if (isLocale(lang)) {
    const secure =
      request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
    response.cookies.set(LOCALE_COOKIE, lang, {
      path: "/",
      maxAge: ONE_YEAR,
      sameSite: "lax",
      secure,
    });
    // A choice made now is the newsroom's: only a cookie from before the paper's language moved
    // into its URL sends a reader to `/en/…` (proxy.ts, docs/decisions.md "Languages").
    response.cookies.set(PAPER_URL_MOVED_COOKIE, "1", {
      path: "/",
      maxAge: ONE_YEAR,
      sameSite: "lax",
      httpOnly: true,
      secure,
    });
  }
  return response;
}
