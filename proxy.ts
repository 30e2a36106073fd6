// Runs before every route: keeps anonymous visitors out of the desk, sets the security headers,
// and picks the reader's language for the public paper without changing its URLs.
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { isLocale, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import {
  deskContentSecurityPolicy,
  HSTS,
  isHttps,
  newNonce,
  PAPER_CONTENT_SECURITY_POLICY,
} from "@/lib/security-headers";

/** The internal segment the public paper renders under; "default" means the paper's setting. */
export const PAPER_LOCALE_SEGMENTS = [...LOCALES, "default"] as const;

function isNewsroom(pathname: string): boolean {
  return pathname === "/desk" || pathname.startsWith("/desk/") || pathname === "/login";
}

function secure(request: NextRequest, response: NextResponse, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  if (isHttps(request.nextUrl, request.headers.get("x-forwarded-proto"))) {
    response.headers.set("Strict-Transport-Security", HSTS);
  }
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  if (isNewsroom(pathname)) {
    if (pathname !== "/login") {
      const token = await getToken({ req: request });
      if (!token) {
        const login = new URL("/login", request.url);
        login.searchParams.set("callbackUrl", `${pathname}${search}`);
        return NextResponse.redirect(login);
      }
    }
    // Next reads the nonce from the request's policy and puts it on the scripts it renders.
    const policy = deskContentSecurityPolicy(newNonce());
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    return secure(request, NextResponse.next({ request: { headers } }), policy);
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
  return secure(request, NextResponse.rewrite(target), PAPER_CONTENT_SECURITY_POLICY);
}

export const config = {
  matcher: [
    "/((?!api/|_next/|favicon.ico|robots.txt|sitemap.xml|sitemaps/|feed.xml|fonts/|media/).*)",
  ],
};
