// Who is asking: the signed-in viewer, re-read from the database on every request.
import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import {
  deskViewer,
  loadSignedIn,
  type SignedIn,
  type Viewer,
  type ViewerGate,
} from "@/lib/viewer";

export type { SignedIn, Viewer } from "@/lib/viewer";

/** Where a gated viewer is sent: the one page they may open. */
export const GATE_PATHS = {
  password_change: "/login/new-password",
  mfa_enrol: "/login/enrol",
} as const satisfies Record<ViewerGate, string>;

/**
 * The token only names a user and a session; whether that user is still active, what role
 * they hold, whether the session was ended, whether it passed the second factor and whether
 * they must first change their password or enrol are answered by the database
 * (lib/viewer.ts), so each change applies at the next request.
 */
export const getSignedIn = cache(async (): Promise<SignedIn | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid || !session.sid) return null;
  return loadSignedIn(session.uid, session.sid, new Date());
});

/** The viewer who may use the desk: null when signed out or still gated. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const signedIn = await getSignedIn();
  return signedIn && signedIn.gate === null ? signedIn.viewer : null;
});

/** For pages: the viewer, or off to sign in (or to the step that lifts their gate). */
export async function requireViewer(): Promise<Viewer> {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/login");
  if (signedIn.gate) redirect(GATE_PATHS[signedIn.gate]);
  return signedIn.viewer;
}

/** For actions: the viewer, or an error the action returns as a result. */
export async function requireActionViewer(): Promise<Viewer> {
  return deskViewer(await getSignedIn());
}

/** For the page and action that lift the password gate: any live session, gated or not. */
export async function requireSignedIn(): Promise<SignedIn> {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/login");
  return signedIn;
}

/**
 * For MFA enrolment and its actions: a session that may use the desk or whose only gate is
 * enrolment (a password someone else chose is changed first).
 */
export async function requireEnrollingSession(): Promise<{ viewer: Viewer; sessionId: string }> {
  const signedIn = await getSignedIn();
  if (!signedIn || signedIn.gate === "password_change") throw new AppError("unauthorized");
  return { viewer: signedIn.viewer, sessionId: signedIn.viewer.sessionId };
}
