// Who is asking: the signed-in viewer, re-read from the database on every request.
import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { authOptions } from "@/lib/auth";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getMfaStanding } from "@/lib/mfa";
import { sessionAccess } from "@/lib/mfa-policy";
import type { Role } from "@/lib/permissions";
import { isSessionLive } from "@/lib/sessions";

export type Viewer = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  /** The account has a confirmed second factor. */
  mfaEnrolled: boolean;
  /** This session passed the second factor (sign-in code or enrolment). */
  mfaVerified: boolean;
};

/** A live session and what it may do: the desk, only MFA enrolment, or nothing. */
export type SignedIn = { viewer: Viewer; sessionId: string; access: "desk" | "enrol" | "none" };

/**
 * The token only names a user and a session; whether that user is still active, what
 * role they hold, whether the session was ended and whether it passed the second factor are
 * answered by the database, so a deactivation, role change or MFA reset applies at the next
 * request.
 */
export const getSignedIn = cache(async (): Promise<SignedIn | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid || !session.sid) return null;
  const user = db()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      isActive: users.isActive,
    })
    .from(users)
    .where(eq(users.id, session.uid))
    .get();
  if (!user?.isActive) return null;
  if (!isSessionLive(session.sid, user.id, new Date())) return null;
  const standing = getMfaStanding(user.id, session.sid);
  return {
    viewer: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      mfaEnrolled: standing.enrolled,
      mfaVerified: standing.sessionVerified,
    },
    sessionId: session.sid,
    access: sessionAccess(user.role, env.mode, standing),
  };
});

/**
 * The viewer who may use the desk. A production editor or admin who has not enrolled a second
 * factor is not one yet: every page, action and route handler sees no viewer until they enrol.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const signedIn = await getSignedIn();
  return signedIn?.access === "desk" ? signedIn.viewer : null;
});

/** For pages: the viewer, or off to MFA enrolment or to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const signedIn = await getSignedIn();
  if (signedIn?.access === "enrol") redirect("/login/enrol");
  if (signedIn?.access !== "desk") redirect("/login");
  return signedIn.viewer;
}

/** For actions: the viewer, or an `unauthorized` error the action returns as a result. */
export async function requireActionViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthorized");
  return viewer;
}

/** For the enrolment page and its actions: a session that may use the desk or must enrol. */
export async function requireEnrollingSession(): Promise<SignedIn> {
  const signedIn = await getSignedIn();
  if (!signedIn || signedIn.access === "none") throw new AppError("unauthorized");
  return signedIn;
}
