// Runs before the newsroom's routes (/desk, /login, /setup): keeps anonymous visitors out of the desk
// and gives every response a fresh nonce-based Content-Security-Policy. Reader pages pass through
// here only for a visitor who chose English under the old cookie scheme and has not yet been
// moved to `/en/…` (see movedToEnglish); every other reader request skips the proxy.
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { PAPER_URL_MOVED_COOKIE } from "@/lib/i18n/paper-locale";
import { deskContentSecurityPolicy, newNonce } from "@/lib/security-headers";
import { safeRedirectPath } from "@/lib/urls";

const NEWSROOM = /^\/(?:desk|login|setup)(?:\/|$)/;
const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * A reader whose old language cookie says English, asking for a Chinese URL for the first time
 * since the language moved into the URL: sent once to the same page at `/en/…`, and remembered so
 * that a later choice of Chinese (the switch links to `/…`) sticks. The answer depends on the
 * cookie, so no cache may keep it; the page bodies themselves never do.
 */
function movedToEnglish(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const target = `/en${pathname === "/" ? "" : pathname}${search}`;
  // Built on the request's URL, which Next's proxy adapter turns into a relative Location.
  const response = NextResponse.redirect(new URL(target, request.url), 307);
  response.headers.set("Cache-Control", "private, no-store");
  response.cookies.set(PAPER_URL_MOVED_COOKIE, "1", {
    path: "/",
    maxAge: ONE_YEAR,
    sameSite: "lax",
    httpOnly: true,
  });
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!NEWSROOM.test(pathname)) return movedToEnglish(request);
  // Sign-in and first-admin setup are for visitors without a session.
  if (pathname !== "/login" && pathname !== "/setup") {
    const token = await getToken({ req: request });
    if (!token) {
      // Built on the request's URL, which Next's proxy adapter turns into a relative Location
      // (same host), so the browser stays on the address it used.
      const login = new URL("/login", request.url);
      login.searchParams.set("callbackUrl", safeRedirectPath(`${pathname}${search}`));
      return NextResponse.redirect(login);
    }
  }
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  const policy = deskContentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// The reader entries: a Chinese paper URL (PAPER_PATH of next.config.ts) asked for with the old
// English cookie and without the moved marker (matchers must be literals, no shared constants).
export const config = {
  matcher: [
    "/desk",
    "/desk/:path*",
    "/login",
    "/login/:path*",
    "/setup",
    {
      source: "/",
      has: [{ type: "cookie", key: "masthead-locale", value: "en" }],
      missing: [{ type: "cookie", key: "masthead-paper-urls" }],
    },
    {
      source:
        "/:path((?!(?:en|desk|login|setup|zh-CN|default)(?:/|$)|api/|_next/|media/|feed\\.xml|sitemap\\.xml|sitemaps/|robots\\.txt|favicon\\.ico).*)",
      has: [{ type: "cookie", key: "masthead-locale", value: "en" }],
      missing: [{ type: "cookie", key: "masthead-paper-urls" }],
    },
  ],
};
