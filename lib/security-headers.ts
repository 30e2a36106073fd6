// Security headers: a per-request nonce policy for the newsroom, and a fixed policy for the
// cached reader pages (a nonce would make every page uncacheable). Reasoning: docs/security.md.

const COMMON = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // Inline style attributes (React style props, drag-and-drop transforms) need this; styles
  // cannot run code, so scripts stay strict.
  "style-src 'self' 'unsafe-inline'",
];

/** The newsroom: only scripts carrying this request's nonce run; nobody may frame it. */
export function deskContentSecurityPolicy(nonce: string): string {
  return [
    ...COMMON,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Reader pages are rendered once and served from the cache to everyone, so they cannot carry
 * a per-request nonce, and Next's streamed page data arrives in inline scripts: 'unsafe-inline'
 * for scripts is the strictest policy Next's output allows here. Everything else stays locked
 * to this site, and reader pages hold no forms that write and no session.
 */
export const PAPER_CONTENT_SECURITY_POLICY = [
  ...COMMON,
  "script-src 'self' 'unsafe-inline'",
  "frame-ancestors 'self'",
].join("; ");

export const HSTS = "max-age=31536000; includeSubDomains";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
