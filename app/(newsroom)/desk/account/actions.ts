"use server";
// The account page's actions (and the forced password change). Public endpoints: each acts only
// on the caller's own account, and lib/account checks that again.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import * as account from "@/lib/account";
import { ChangePasswordInput, EndSessionInput } from "@/lib/account-input";
import { action, NO_INPUT } from "@/lib/action";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";

/** The one action a viewer who must change their password may call (it lifts that gate). */
export async function changePassword(input: unknown) {
  return action(
    ChangePasswordInput,
    input,
    async (viewer, data, now) => {
      const address = clientAddress(await headers(), env.trustProxy);
      const result = await account.changeOwnPassword(viewer, { ...data, address }, now);
      revalidatePath("/desk/account");
      return result;
    },
    "signed_in",
  );
}

export async function endSession(input: unknown) {
  return action(EndSessionInput, input, (viewer, data, now) => {
    account.endMySession(viewer, data, now);
    revalidatePath("/desk/account");
  });
}

export async function endOtherSessions() {
  return action(NO_INPUT, undefined, (viewer, _, now) => {
    const ended = account.endOtherSessions(viewer, now);
    revalidatePath("/desk/account");
    return { ended };
  });
}
