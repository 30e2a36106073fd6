// Input of the MFA forms: shared by the forms and the server actions.
import { z } from "zod";

export const ConfirmMfaInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "errors.mfa_code_invalid"),
});
export type ConfirmMfaInput = z.infer<typeof ConfirmMfaInput>;

export const ResetMfaInput = z.object({ userId: z.coerce.number().int().positive() });
export type ResetMfaInput = z.infer<typeof ResetMfaInput>;
