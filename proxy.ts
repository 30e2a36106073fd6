// Runs before every route: keeps anonymous visitors out of the desk and picks the reader's
// language for the public paper without changing its URLs.
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { isLocale, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

/** The internal segment the public paper renders under; "default" means the paper's setting. */
export const PAPER_LOCALE_SEGMENTS = [...LOCALES, "default"] as const;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  if (pathname === "/desk" || pathname.startsWith("/desk/")) {
    const token = await getToken({ req: request });
    if (!token) {
      const login = new URL("/login", request.url);
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
    return NextResponse.next();
  }

  // The language segment is internal: a reader who types it is sent to the plain URL.
  const first = pathname.split("/")[1] ?? "";
  if ((PAPER_LOCALE_SEGMENTS as readonly string[]).includes(first)) {
    const plain = new URL(pathname.slice(first.length + 1) || "/", request.url);
    plain.search = search;
    return NextResponse.redirect(plain, 308);
  }

  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  const segment = isLocale(chosen) ? chosen : "default";
  const target = request.nextUrl.clone();
  target.pathname = `/${segment}${pathname === "/" ? "" : pathname}`;
  // The same URL differs by the language cookie, so shared caches must keep them apart: Next
  // replaces any Vary set here, so lib/vary-cookie.ts adds Cookie where Next sets its own.
  return NextResponse.rewrite(target);
}

export const config = {
  matcher: [
    "/((?!api/|_next/|login|favicon.ico|robots.txt|sitemap.xml|sitemaps/|feed.xml|fonts/|media/).*)",
  ],
};
