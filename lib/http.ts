// Helpers for route handlers: same-origin checks and the JSON error shape.
import type { ActionResult } from "@/lib/errors";

/**
 * Route handlers, unlike server actions, get no CSRF protection from Next: a state-changing
 * request must come from a page of this site (the browser sends Origin on every such fetch).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const STATUS: Record<string, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  invalid_transition: 409,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

export function jsonResult<T>(result: ActionResult<T>, okStatus = 200): Response {
  const status = result.ok ? okStatus : (STATUS[result.code] ?? 400);
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}
