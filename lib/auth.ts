// next-auth configuration: Credentials sign-in, JWT sessions that carry identity only.
import { cookies, headers } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { clientAddress } from "@/lib/client-address";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS } from "@/lib/devices";
import { env } from "@/lib/env";
import { authenticate, type LoginResult } from "@/lib/login";
import { MAX_SIGN_IN_PASSWORD_LENGTH } from "@/lib/passwords-rules";
import { revokeSession, SESSION_MAX_AGE_SECONDS } from "@/lib/sessions";
import { safeRedirectPath } from "@/lib/urls";

const Credentials = z.object({
  email: z.string().max(320),
  password: z.string().max(MAX_SIGN_IN_PASSWORD_LENGTH),
  /** The second factor, sent only after the form was told "mfa_required" (lib/mfa). */
  code: z.string().max(40).optional(),
});

/**
 * The error the sign-in form receives: "invalid", "mfa_required", "mfa_invalid" or
 * "throttled:<seconds>" (login.*). next-auth passes the thrown message through as `error`.
 */
export function loginError(result: Extract<LoginResult, { ok: false }>): string {
  return result.reason === "throttled" ? `throttled:${result.retryAfterSeconds}` : result.reason;
}

/** Who is signing in from where: the request's address, browser and device cookie. */
async function signInOrigin() {
  const [headerList, cookieJar] = await Promise.all([headers(), cookies()]);
  return {
    address: clientAddress(headerList, env.trustProxy),
    userAgent: headerList.get("user-agent"),
    deviceCookie: cookieJar.get(DEVICE_COOKIE)?.value ?? null,
  };
}

/** Keep (or first give) the browser its device cookie, for new-device notices and throttling. */
async function keepDeviceCookie(value: string): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

declare module "next-auth" {
  interface Session {
    uid?: number;
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    sid?: string;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: {
        email: { type: "email" },
        password: { type: "password" },
        code: { type: "text" },
      },
      async authorize(raw) {
        const parsed = Credentials.safeParse(raw);
        if (!parsed.success) throw new Error("invalid");
        const { code, ...credentials } = parsed.data;
        const result = await authenticate({
          ...credentials,
          code: code || undefined,
          ...(await signInOrigin()),
          now: new Date(),
        });
        if (!result.ok) throw new Error(loginError(result));
        await keepDeviceCookie(result.deviceCookie);
        return { id: String(result.userId), sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    // next-auth builds its URLs on NEXTAUTH_URL (localhost:PORT), which is not the host a
    // browser on the LAN or behind a proxy used; the desk never follows them (sign-in and
    // sign-out run with redirect: false and navigate to a relative path). This keeps what
    // next-auth hands out on this site all the same.
    redirect({ url, baseUrl }) {
      let candidate = url;
      try {
        const parsed = new URL(url, baseUrl);
        if (parsed.origin === new URL(baseUrl).origin) {
          candidate = `${parsed.pathname}${parsed.search}${parsed.hash}`;
        }
      } catch {
        candidate = "/";
      }
      return new URL(safeRedirectPath(candidate), baseUrl).href;
    },
    // Only identity travels in the token; role, name and status are read per request.
    jwt({ token, user }) {
      if (user) {
        return { sub: user.id, uid: Number(user.id), sid: user.sid };
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, uid: token.uid, sid: token.sid };
    },
  },
  events: {
    signOut({ token }) {
      if (token?.sid) revokeSession(token.sid, new Date());
    },
  },
};
