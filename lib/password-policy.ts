// The password policy (ASVS 6.2): length bounds, the common-password list, context words.
// Pure: used by the people desk (admin create/reset), self-service change and first setup.
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/errors";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from "@/lib/passwords-rules";

/** Keys of the `errors` dictionary, one per way a new password can be refused. */
export const PASSWORD_PROBLEMS = [
  "password_too_short",
  "password_too_long",
  "password_common",
  "password_personal",
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

// zxcvbn-ts's list of the 49,000 most common passwords (from leaked password sets).
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

/** Words that name this newsroom or this person, refused inside a password. */
const PAPER_WORDS = ["masthead"];

function contextWords(context: PasswordContext): string[] {
  const local = context.email?.split("@")[0]?.toLowerCase() ?? "";
  const name = context.displayName?.toLowerCase().replace(/\s+/g, "") ?? "";
  return [...PAPER_WORDS, local, name].filter((word) => [...word].length >= 3);
}

export type PasswordContext = { email?: string | null; displayName?: string | null };

/**
 * Why a new password is refused, or null when it may be set. A listed password is refused as
 * typed and also padded with digits or punctuation ("password2024!"), which people do to get
 * past a length rule; the user's e-mail name, display name and the product's name are refused
 * anywhere inside it. No rule about character classes (ASVS 6.2.5): length carries the strength.
 */
export function checkNewPassword(
  password: string,
  context: PasswordContext = {},
): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) return "password_too_short";
  if (length > MAX_PASSWORD_LENGTH) return "password_too_long";
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (list.has(lower) || list.has(core) || list.has(lower.replace(/\s+/g, ""))) {
    return "password_common";
  }
  if (contextWords(context).some((word) => lower.includes(word))) return "password_personal";
  return null;
}

/**
 * The demo accounts' published password (README, db/seed.ts). It keeps working in the try-out;
 * in production whoever signs in with it must choose a new one (lib/login.ts).
 */
export const DEMO_PASSWORD = "masthead-demo";

/** Refuse a new password that breaks the policy, naming the form field it came from. */
export function assertNewPassword(password: string, context: PasswordContext, field: string): void {
  const problem = checkNewPassword(password, context);
  if (problem) throw new AppError("invalid_input", problem, { [field]: [problem] });
}
