// Where the app may send someone back to: the one check for every redirect target (sign-in's
// callbackUrl, the language switch's next, next-auth's redirect callback).

/** Where a refused target sends the user: the front page of this site. */
export const SAFE_FALLBACK = "/";
const MAX_TARGET_LENGTH = 2000;
const BASE = "http://masthead.invalid";

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to refuse
const UNSAFE_CHARS = /[\u0000-\u001f\u007f\\]/;

/** Percent-decode until nothing changes (a few rounds at most); null when it is not valid. */
function fullyDecoded(text: string): string | null {
  let current = text;
  for (let round = 0; round < 4; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** A path that a browser, or a later step that strips a segment, could read as another host. */
function looksForeign(path: string): boolean {
  const decoded = fullyDecoded(path);
  return (
    decoded === null ||
    UNSAFE_CHARS.test(decoded) ||
    decoded.includes("//") ||
    !decoded.startsWith("/")
  );
}

/**
 * The target as a same-origin path (`/…`, query and fragment kept), or `/`. The value is
 * normalised first (dot segments, encodings) and judged as normalised: a path that holds `//`
 * anywhere, a backslash, a control character (tabs and newlines included) or anything that
 * decodes to them is refused, so dropping a language segment later cannot turn it into
 * `//host`. Schemes (`javascript:`, `https:`) and protocol-relative URLs never start with a
 * single `/`, and are refused too.
 */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_TARGET_LENGTH) {
    return SAFE_FALLBACK;
  }
  if (UNSAFE_CHARS.test(value) || !value.startsWith("/") || value.startsWith("//")) {
    return SAFE_FALLBACK;
  }
  const rawPath = value.split(/[?#]/, 1)[0] ?? "";
  if (looksForeign(rawPath)) return SAFE_FALLBACK;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return SAFE_FALLBACK;
  }
  if (url.origin !== BASE || looksForeign(url.pathname)) return SAFE_FALLBACK;
  const target = `${url.pathname}${url.search}${url.hash}`;
  return UNSAFE_CHARS.test(target) ? SAFE_FALLBACK : target;
}
