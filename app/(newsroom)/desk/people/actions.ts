"use server";
// The people desk's actions. Each is a public endpoint: lib/users checks the permission.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { resetMfa as resetUserMfa } from "@/lib/mfa";
import { ResetMfaInput } from "@/lib/mfa-input";
import {
  ChangeRoleInput,
  CreateUserInput,
  ResetPasswordInput,
  SetActiveInput,
} from "@/lib/user-input";
import * as people from "@/lib/users";

export async function createUser(input: unknown) {
  return action(CreateUserInput, input, async (viewer, data, now) => {
    const user = await people.createUser(viewer, data, now);
    revalidatePath("/desk/people");
    return { email: user.email };
  });
}

export async function changeRole(input: unknown) {
  return action(ChangeRoleInput, input, (viewer, data, now) => {
    const user = people.changeRole(viewer, data, now);
    revalidatePath("/desk/people");
    return { email: user.email };
  });
}

export async function setActive(input: unknown) {
  return action(SetActiveInput, input, (viewer, data, now) => {
    const user = people.setActive(viewer, data, now);
    revalidatePath("/desk/people");
    return { email: user.email };
  });
}

export async function resetPassword(input: unknown) {
  return action(ResetPasswordInput, input, async (viewer, data, now) => {
    const user = await people.resetPassword(viewer, data, now);
    return { email: user.email };
  });
}

/** An admin clears another account's two-step verification (lib/mfa audits it). */
export async function resetMfa(input: unknown) {
  return action(ResetMfaInput, input, (viewer, data, now) => {
    const user = resetUserMfa(viewer, data, now);
    revalidatePath("/desk/people");
    return user;
  });
}
