// Input of the account page (and the forced password change): shared by forms and actions.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MAX_SIGN_IN_PASSWORD_LENGTH } from "@/lib/passwords-rules";

export const ChangePasswordInput = z.object({
  currentPassword: z
    .string()
    .min(1, "errors.required")
    .max(MAX_SIGN_IN_PASSWORD_LENGTH, "errors.too_long"),
  // The full policy (length, common list, context words) is lib/password-policy.ts, run in lib.
  newPassword: z
    .string()
    .min(1, "errors.required")
    .max(MAX_PASSWORD_LENGTH * 4, "errors.password_too_long"),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const EndSessionInput = z.object({ sessionId: z.uuid("errors.invalid_input") });
export type EndSessionInput = z.infer<typeof EndSessionInput>;
