// Input of the desks and settings forms: shared by the browser and the server actions.
import { z } from "zod";
import { LOCALES } from "@/lib/domain/locales";
import {
  DESK_ROLES,
  LEVEL_PASSERS,
  MAX_REVIEW_LEVELS,
  MIN_REVIEW_LEVELS,
} from "@/lib/workflow/levels";

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const CreateDeskInput = z.object({
  name: z.string().trim().min(1, "errors.required").max(40, "errors.too_long"),
});
export type CreateDeskInput = z.infer<typeof CreateDeskInput>;

export const DeskMemberInput = z.object({
  deskId: Id,
  userId: Id,
  role: z.enum(DESK_ROLES, { message: "errors.role_invalid" }),
});
export type DeskMemberInput = z.infer<typeof DeskMemberInput>;

export const RemoveDeskMemberInput = z.object({ deskId: Id, userId: Id });
export type RemoveDeskMemberInput = z.infer<typeof RemoveDeskMemberInput>;

function isTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const SettingsInput = z.object({
  paperName: z.string().trim().min(1, "errors.required").max(60, "errors.too_long"),
  timezone: z
    .string()
    .trim()
    .max(60, "errors.too_long")
    .refine(isTimezone, "errors.timezone_invalid"),
  defaultLocale: z.enum(LOCALES),
  reviewLevels: z
    .array(z.object({ passer: z.enum(LEVEL_PASSERS) }), { message: "errors.levels_invalid" })
    .min(MIN_REVIEW_LEVELS, "errors.levels_invalid")
    .max(MAX_REVIEW_LEVELS, "errors.levels_invalid"),
  allowSamePasser: z.boolean(),
  proofRounds: z.coerce
    .number()
    .int()
    .min(1, "errors.invalid_input")
    .max(5, "errors.invalid_input"),
});
export type SettingsInput = z.infer<typeof SettingsInput>;
