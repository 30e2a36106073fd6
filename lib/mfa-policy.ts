// Who must use a second factor: the editors (desk editors, desk heads, chief and duty editors)
// and admins of a production paper; in the try-out nobody.
import type { Mode } from "@/lib/env";
import type { Role } from "@/lib/permissions";

export const MFA_REQUIRED_ROLES = [
  "editor",
  "desk_head",
  "chief_editor",
  "admin",
] as const satisfies readonly Role[];

export function isMfaRequired(role: Role, mode: Mode): boolean {
  return mode === "production" && (MFA_REQUIRED_ROLES as readonly Role[]).includes(role);
}

export type MfaStanding = {
  /** The account has a confirmed TOTP enrolment. */
  enrolled: boolean;
  /** This session was opened (or upgraded) with a second factor. */
  sessionVerified: boolean;
};

/**
 * What a signed-in session may do: use the desk, or only enrol first (production editors and
 * admins without MFA), or nothing (an enrolled account whose session never passed the code).
 */
export function sessionAccess(
  role: Role,
  mode: Mode,
  standing: MfaStanding,
): "desk" | "enrol" | "none" {
  if (standing.enrolled) return standing.sessionVerified ? "desk" : "none";
  return isMfaRequired(role, mode) ? "enrol" : "desk";
}

/** Sensitive desks (people) need a verified second factor wherever MFA applies to the viewer. */
export function hasStrongSession(
  viewer: { role: Role; mfaVerified?: boolean; mfaEnrolled?: boolean },
  mode: Mode,
): boolean {
  if (viewer.mfaVerified === true) return true;
  return !isMfaRequired(viewer.role, mode) && viewer.mfaEnrolled !== true;
}
