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
    readonly fieldErrors?: FieldErrors,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; messageKey: string; fieldErrors?: FieldErrors };

export function ok<T>(data: T): ActionResult<T>;
export function ok(): ActionResult<undefined>;
export function ok<T>(data?: T): ActionResult<T | undefined> {
  return { ok: true, data };
}

export type FieldErrors = Record<string, string[]>;

/**
 * A zod refusal as field errors: each issue under its dotted path (after `prefix`), each
 * message a key of the `errors` dictionary (schemas say `errors.too_long`; anything else is
 * `invalid_input`, so zod's own English never reaches a user).
 */
export function zodFieldErrors(error: ZodError, prefix = ""): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = `${prefix}${issue.path.join(".")}` || "_";
    const key =
      typeof issue.message === "string" && issue.message.startsWith("errors.")
        ? issue.message.slice("errors.".length)
        : "invalid_input";
    fieldErrors[field] = [...(fieldErrors[field] ?? []), key];
  }
  return fieldErrors;
}

/** Field errors keyed by field name, each message a key of the `errors` dictionary. */
export function invalid(error: ZodError): ActionResult<never> {
  return {
    ok: false,
    code: "invalid_input",
    messageKey: "invalid_input",
    fieldErrors: zodFieldErrors(error),
  };
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
  // The details (a stack, a SQL statement) stay in the server's log; the user gets the generic
  // message in their language.
  console.error("[unexpected error]", error);
  return { ok: false, code: "internal", messageKey: "internal" };
}

/** The message key to show for a failed result: its first field's error, else its own. */
export function failureKey(result: { messageKey?: string; fieldErrors?: FieldErrors }): string {
  return (
    (result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : undefined) ??
    result.messageKey ??
    "internal"
  );
}

/**
 * A message key of the `errors` dictionary in the user's language; a key the dictionary lacks
 * shows the generic message, never the key itself.
 */
export function errorText(
  errors: Readonly<Record<string, string>>,
  key: string | undefined,
): string {
  if (key === undefined) return errors.internal ?? "";
  return (Object.hasOwn(errors, key) ? errors[key] : undefined) ?? errors.internal ?? key;
}

/** The text to show for a failed result (its first field error, else its own message). */
export function failureText(
  errors: Readonly<Record<string, string>>,
  result: { messageKey?: string; fieldErrors?: FieldErrors },
): string {
  return errorText(errors, failureKey(result));
}

/** One field's errors in the user's language (none when the field is valid). */
export function fieldErrorTexts(
  errors: Readonly<Record<string, string>>,
  fieldErrors: FieldErrors | undefined,
  name: string,
): string[] {
  return (fieldErrors?.[name] ?? []).map((key) => errorText(errors, key));
}
