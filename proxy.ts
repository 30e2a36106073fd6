// Runs before the newsroom's routes (/desk, /login, /setup): keeps anonymous visitors out of the desk
// and gives every response a fresh nonce-based Content-Security-Policy. Reader pages never pass
// through here: their language is picked by rewrites in next.config.ts, so cache hits stay cheap.
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { deskContentSecurityPolicy, newNonce } from "@/lib/security-headers";
import { safeRedirectPath } from "@/lib/urls";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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

export const config = { matcher: ["/desk", "/desk/:path*", "/login", "/login/:path*", "/setup"] };
