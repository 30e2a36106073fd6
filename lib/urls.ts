// URL rules shared by sign-in and the language switch.

/** A same-site path to go back to, or the fallback: never another site (no open redirect). */
export function safeLocalPath(value: string | null | undefined, fallback: string): string {
  if (!value || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  for (const char of value) {
    if (char.charCodeAt(0) < 0x20) return fallback; // control characters, newlines
  }
  try {
    const url = new URL(value, "http://masthead.invalid");
    if (url.origin !== "http://masthead.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
