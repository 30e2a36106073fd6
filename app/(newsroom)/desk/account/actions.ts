"use server";
import { revalidatePath } from "next/cache";
// The account page's actions (and the forced password change). Public endpoints: each acts only
// on the caller's own account, and lib/account checks that again.
import { headers } from "next/headers";
import * as account from "@/lib/account";
import { ChangePasswordInput, EndSessionInput } from "@/lib/account-input";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { type ActionResult, AppError, failure, invalid, ok } from "@/lib/errors";
import { getSignedIn, requireActionViewer } from "@/lib/session";

/** The one action a viewer who must change their password may call (it lifts that gate). */
export async function changePassword(
  input: unknown,
): Promise<ActionResult<{ endedSessions: number }>> {
  try {
    const signedIn = await getSignedIn();
    if (!signedIn) throw new AppError("unauthorized");
    const parsed = ChangePasswordInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const address = clientAddress(await headers(), env.trustProxy);
    const result = await account.changeOwnPassword(
      signedIn.viewer,
      { ...parsed.data, address },
      new Date(),
    );
    revalidatePath("/desk/account");
    return ok(result);
  } catch (error) {
    return failure(error);
  }
}

export async function endSession(input: unknown): Promise<ActionResult> {
  try {
    const viewer = await requireActionViewer();
    const parsed = EndSessionInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    account.endMySession(viewer, parsed.data, new Date());
    revalidatePath("/desk/account");
    return ok();
  } catch (error) {
    return failure(error);
  }
}

export async function endOtherSessions(): Promise<ActionResult<{ ended: number }>> {
  try {
    const viewer = await requireActionViewer();
    const ended = account.endOtherSessions(viewer, new Date());
    revalidatePath("/desk/account");
    return ok({ ended });
  } catch (error) {
    return failure(error);
  }
}
