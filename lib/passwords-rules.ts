// What a password must be: the length bounds, shared by forms (in the browser) and the server.
// ASVS 6.2.1 and 6.2.9: at least 12 characters; at least 64 allowed (we allow 128).
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
/** What sign-in accepts: longer than any password the policy ever let anyone set. */
export const MAX_SIGN_IN_PASSWORD_LENGTH = 256;

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password].length;
}
