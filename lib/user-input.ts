// Input for changing users (the people desk): shared by the forms and the server actions.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/passwords-rules";
import { ROLES } from "@/lib/permissions";

const UserId = z.coerce.number().int().positive();
const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "errors.password_too_short")
  .max(MAX_PASSWORD_LENGTH, "errors.too_long");
const RoleField = z.enum(ROLES, { message: "errors.role_invalid" });

export const CreateUserInput = z.object({
  email: z.string().trim().max(320, "errors.too_long").pipe(z.email("errors.email_invalid")),
  displayName: z.string().trim().min(1, "errors.required").max(60, "errors.too_long"),
  role: RoleField,
  password: Password,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const ChangeRoleInput = z.object({ userId: UserId, role: RoleField });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const SetActiveInput = z.object({ userId: UserId, active: z.boolean() });
export type SetActiveInput = z.infer<typeof SetActiveInput>;

export const ResetPasswordInput = z.object({ userId: UserId, password: Password });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
