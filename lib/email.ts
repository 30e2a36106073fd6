// E-mail addresses as accounts are keyed by: one spelling per address. Pure; imported by the
// sign-in, the people desk and first setup alike (also from command-line scripts).

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
