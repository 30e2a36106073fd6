// Who a session belongs to, read from the database on every request, and what still stands
// between them and the desk (a password they must change, a second factor they must enrol).
// No next/*: tested directly.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getMfaStanding } from "@/lib/mfa";
import { sessionAccess } from "@/lib/mfa-policy";
import type { Role } from "@/lib/permissions";
import { isSessionLive, touchSession } from "@/lib/sessions";

export type Viewer = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  /** The session this request is signed in with. */
  sessionId: string;
  /** The account has a confirmed second factor. */
  mfaEnrolled: boolean;
  /** This session passed the second factor (sign-in code or enrolment). */
  mfaVerified: boolean;
};

/**
 * Something the user must do before the desk opens. Every entry point that acts for a viewer
 * (pages, server actions, route handlers) goes through lib/session.ts, which refuses a gated
 * viewer everything but the step that lifts the gate. A password someone else chose is changed
 * first; then a production editor or admin without a second factor enrols one.
 */
export const VIEWER_GATES = ["password_change", "mfa_enrol"] as const;
export type ViewerGate = (typeof VIEWER_GATES)[number];

export type SignedIn = { viewer: Viewer; gate: ViewerGate | null };

/**
 * The signed-in user of a session, or null when the user is gone or deactivated, the session
 * was ended or has expired, or the account has a second factor this session never passed.
 * Marks the session seen (at most once a minute).
 */
export function loadSignedIn(userId: number, sessionId: string, now: Date): SignedIn | null {
  const user = db()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      isActive: users.isActive,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user?.isActive) return null;
  if (!isSessionLive(sessionId, user.id, now)) return null;
  const standing = getMfaStanding(user.id, sessionId);
  const access = sessionAccess(user.role, env.mode, standing);
  if (access === "none") return null;
  touchSession(sessionId, now);
  const { id, email, displayName, role } = user;
  return {
    viewer: {
      id,
      email,
      displayName,
      role,
      sessionId,
      mfaEnrolled: standing.enrolled,
      mfaVerified: standing.sessionVerified,
    },
    gate: user.mustChangePassword ? "password_change" : access === "enrol" ? "mfa_enrol" : null,
  };
}

/**
 * The viewer an action acts for: refused when signed out (`unauthorized`) or still gated
 * (`forbidden`, with the gate as its message: the user is told what to do first).
 */
export function deskViewer(signedIn: SignedIn | null): Viewer {
  if (!signedIn) throw new AppError("unauthorized");
  if (signedIn.gate) throw new AppError("forbidden", signedIn.gate);
  return signedIn.viewer;
}
