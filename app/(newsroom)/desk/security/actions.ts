"use server";
// MFA enrolment of the signed-in account (from /desk/security or the forced /login/enrol).
// Public endpoints: the session is re-checked here and lib/mfa checks the enrolment itself.
import { action, NO_INPUT } from "@/lib/action";
import { beginEnrolment, confirmEnrolment } from "@/lib/mfa";
import { ConfirmMfaInput } from "@/lib/mfa-input";
import { qrDataUrl } from "@/lib/mfa-qr";

export async function startMfaEnrolment() {
  return action(
    NO_INPUT,
    undefined,
    async (viewer, _, now) => {
      const { secret, uri } = beginEnrolment({ userId: viewer.id, email: viewer.email }, now);
      return { secret, qr: await qrDataUrl(uri) };
    },
    "enrolling",
  );
}

export async function confirmMfaEnrolment(input: unknown) {
  return action(
    ConfirmMfaInput,
    input,
    (viewer, data, now) =>
      confirmEnrolment({ userId: viewer.id, sessionId: viewer.sessionId }, data.code, now),
    "enrolling",
  );
}
