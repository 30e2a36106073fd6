// Input of the first-admin setup form: shared by the form and the server action.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/passwords-rules";

export const SetupInput = z.object({
  token: z.string().min(1, "errors.setup_token_invalid").max(200, "errors.setup_token_invalid"),
  displayName: z.string().trim().min(1, "errors.required").max(60, "errors.too_long"),
  email: z.string().trim().max(320, "errors.too_long").pipe(z.email("errors.email_invalid")),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, "errors.password_too_short")
    .max(MAX_PASSWORD_LENGTH, "errors.password_too_long"),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "errors.mfa_code_invalid"),
});
export type SetupInput = z.infer<typeof SetupInput>;
