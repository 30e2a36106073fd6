"use server";
// First-admin setup: a public endpoint by nature (nobody is signed in yet); lib/setup checks
// the token, that no account exists, and the first TOTP code, in one transaction.
import { publicAction } from "@/lib/action";
import { completeSetup } from "@/lib/setup";
import { SetupInput } from "@/lib/setup-input";

export async function createFirstAdmin(input: unknown) {
  return publicAction(SetupInput, input, (data, now) => completeSetup(data, now));
}
