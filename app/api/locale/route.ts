// Remembers the reader's or user's language in a cookie, then goes back where they were.
import { type NextRequest, NextResponse } from "next/server";
import { isLocale, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { safeLocalPath } from "@/lib/urls";

const ONE_YEAR = 60 * 60 * 24 * 365;

export function GET(request: NextRequest) {
  const lang = request.nextUrl.searchParams.get("lang");
  let next = safeLocalPath(request.nextUrl.searchParams.get("next"), "/");
  // Drop an internal language segment if the page reported its rewritten path.
  for (const segment of [...LOCALES, "default"]) {
    if (next === `/${segment}` || next.startsWith(`/${segment}/`)) {
      next = next.slice(segment.length + 1) || "/";
    }
  }
  const response = NextResponse.redirect(new URL(next, request.url), 303);
  if (isLocale(lang)) {
    response.cookies.set(LOCALE_COOKIE, lang, {
      path: "/",
      maxAge: ONE_YEAR,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
    });
  }
  return response;
}
