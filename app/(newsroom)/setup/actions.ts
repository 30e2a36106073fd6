"use server";
// First-admin setup: a public endpoint by nature (nobody is signed in yet); lib/setup checks
// the token, that no account exists, and the first TOTP code, in one transaction.
import { type ActionResult, failure, invalid, ok } from "@/lib/errors";
import { completeSetup } from "@/lib/setup";
import { SetupInput } from "@/lib/setup-input";

export async function createFirstAdmin(
  input: unknown,
): Promise<ActionResult<{ email: string; recoveryCodes: string[] }>> {
  try {
    const parsed = SetupInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return ok(await completeSetup(parsed.data, new Date()));
  } catch (error) {
    return failure(error);
  }
}
