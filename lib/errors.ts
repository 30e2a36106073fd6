// Typed errors of the domain, and the result shape every action returns.
import type { ZodError } from "zod";

export const ERROR_CODES = [
  "unauthorized",
  "forbidden",
  "not_found",
  "invalid_input",
  "invalid_transition",
  "conflict",
  "rate_limited",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A failure the user can be told about. `messageKey` names an entry of the `errors`
 * dictionary so the message is shown in the user's language; database and stack
 * details never travel in it.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = code,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; messageKey: string; fieldErrors?: Record<string, string[]> };

export function ok<T>(data: T): ActionResult<T>;
export function ok(): ActionResult<undefined>;
export function ok<T>(data?: T): ActionResult<T | undefined> {
  return { ok: true, data };
}

/** Field errors keyed by field name, each message a key of the `errors` dictionary. */
export function invalid(error: ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    const key =
      typeof issue.message === "string" && issue.message.startsWith("errors.")
        ? issue.message.slice("errors.".length)
        : "invalid_input";
    fieldErrors[field] = [...(fieldErrors[field] ?? []), key];
  }
  return { ok: false, code: "invalid_input", messageKey: "invalid_input", fieldErrors };
}

/** Turn anything thrown by the domain into a result; unknown errors are logged, not shown. */
export function failure(error: unknown): ActionResult<never> {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      messageKey: error.messageKey,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    };
  }
  console.error(error);
  return { ok: false, code: "internal", messageKey: "internal" };
}

/** The message key to show for a failed result: its first field's error, else its own. */
export function failureKey(result: {
  messageKey: string;
  fieldErrors?: Record<string, string[]>;
}): string {
  return (
    (result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : undefined) ??
    result.messageKey
  );
}
