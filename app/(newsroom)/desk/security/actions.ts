"use server";
// MFA enrolment of the signed-in account (from /desk/security or the forced /login/enrol).
// Public endpoints: the session is re-checked here and lib/mfa checks the enrolment itself.
import { type ActionResult, failure, invalid, ok } from "@/lib/errors";
import { beginEnrolment, confirmEnrolment } from "@/lib/mfa";
import { ConfirmMfaInput } from "@/lib/mfa-input";
import { qrDataUrl } from "@/lib/mfa-qr";
import { requireEnrollingSession } from "@/lib/session";

export async function startMfaEnrolment(): Promise<ActionResult<{ secret: string; qr: string }>> {
  try {
    const { viewer } = await requireEnrollingSession();
    const { secret, uri } = beginEnrolment({ userId: viewer.id, email: viewer.email }, new Date());
    return ok({ secret, qr: await qrDataUrl(uri) });
  } catch (error) {
    return failure(error);
  }
}

export async function confirmMfaEnrolment(
  input: unknown,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  try {
    const { viewer, sessionId } = await requireEnrollingSession();
    const parsed = ConfirmMfaInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return ok(confirmEnrolment({ userId: viewer.id, sessionId }, parsed.data.code, new Date()));
  } catch (error) {
    return failure(error);
  }
}
