// next-auth configuration: Credentials sign-in, JWT sessions that carry identity only.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/lib/login";
import { MAX_PASSWORD_LENGTH } from "@/lib/passwords";
import { revokeSession, SESSION_MAX_AGE_SECONDS } from "@/lib/sessions";
import { safeRedirectPath } from "@/lib/urls";

const Credentials = z.object({
  email: z.string().max(320),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

/** Error codes the sign-in form turns into messages (login.invalid, login.locked). */
export const LOGIN_ERRORS = ["invalid", "locked"] as const;

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
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = Credentials.safeParse(raw);
        if (!parsed.success) throw new Error("invalid");
        const result = await authenticate({ ...parsed.data, now: new Date() });
        if (!result.ok) throw new Error(result.reason);
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
