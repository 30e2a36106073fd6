"use server";
// The people desk's actions. Each is a public endpoint: lib/users checks the permission.
import { revalidatePath } from "next/cache";
import { type ActionResult, failure, invalid, ok } from "@/lib/errors";
import { resetMfa as resetUserMfa } from "@/lib/mfa";
import { ResetMfaInput } from "@/lib/mfa-input";
import { requireActionViewer } from "@/lib/session";
import {
  ChangeRoleInput,
  CreateUserInput,
  ResetPasswordInput,
  SetActiveInput,
} from "@/lib/user-input";
import * as people from "@/lib/users";

type Done = ActionResult<{ email: string }>;

export async function createUser(input: unknown): Promise<Done> {
  try {
    const viewer = await requireActionViewer();
    const parsed = CreateUserInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const user = await people.createUser(viewer, parsed.data, new Date());
    revalidatePath("/desk/people");
    return ok({ email: user.email });
  } catch (error) {
    return failure(error);
  }
}

export async function changeRole(input: unknown): Promise<Done> {
  try {
    const viewer = await requireActionViewer();
    const parsed = ChangeRoleInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const user = people.changeRole(viewer, parsed.data, new Date());
    revalidatePath("/desk/people");
    return ok({ email: user.email });
  } catch (error) {
    return failure(error);
  }
}

export async function setActive(input: unknown): Promise<Done> {
  try {
    const viewer = await requireActionViewer();
    const parsed = SetActiveInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const user = people.setActive(viewer, parsed.data, new Date());
    revalidatePath("/desk/people");
    return ok({ email: user.email });
  } catch (error) {
    return failure(error);
  }
}

export async function resetPassword(input: unknown): Promise<Done> {
  try {
    const viewer = await requireActionViewer();
    const parsed = ResetPasswordInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const user = await people.resetPassword(viewer, parsed.data, new Date());
    return ok({ email: user.email });
  } catch (error) {
    return failure(error);
  }
}

/** An admin clears another account's two-step verification (lib/mfa audits it). */
export async function resetMfa(input: unknown): Promise<Done> {
  try {
    const viewer = await requireActionViewer();
    const parsed = ResetMfaInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const user = resetUserMfa(viewer, parsed.data, new Date());
    revalidatePath("/desk/people");
    return ok(user);
  } catch (error) {
    return failure(error);
  }
}
