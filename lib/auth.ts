// next-auth configuration: Credentials sign-in, JWT sessions that carry identity only.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/lib/login";
import { MAX_PASSWORD_LENGTH } from "@/lib/passwords";
import { revokeSession, SESSION_MAX_AGE_SECONDS } from "@/lib/sessions";

const Credentials = z.object({
  email: z.string().max(320),
  password: z.string().max(MAX_PASSWORD_LENGTH),
  /** The second factor, sent only after the form was told "mfa_required" (lib/mfa). */
  code: z.string().max(40).optional(),
});

/** Error codes the sign-in form turns into messages (login.invalid, login.locked, mfa…). */
export const LOGIN_ERRORS = ["invalid", "locked", "mfa_required", "mfa_invalid"] as const;

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
        const { email, password, code } = parsed.data;
        const result = await authenticate({
          email,
          password,
          code: code || undefined,
          now: new Date(),
        });
        if (!result.ok) throw new Error(result.reason);
        return { id: String(result.userId), sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
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
