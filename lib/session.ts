// Who is asking: the signed-in viewer, re-read from the database on every request.
import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { authOptions } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { isSessionLive } from "@/lib/sessions";

export type Viewer = { id: number; email: string; displayName: string; role: Role };

/**
 * The token only names a user and a session; whether that user is still active, what
 * role they hold and whether the session was ended are answered by the database, so a
 * deactivation or role change applies at the next request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
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
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
});

/** For pages: the viewer, or off to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/** For actions: the viewer, or an `unauthorized` error the action returns as a result. */
export async function requireActionViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthorized");
  return viewer;
}
