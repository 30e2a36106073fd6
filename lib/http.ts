// Helpers for route handlers: same-origin checks and the JSON error shape.
import type { ActionResult, ErrorCode } from "@/lib/errors";

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

const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  invalid_transition: 409,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

/** A result as JSON, its HTTP status from its error code (or `failStatus` when one is given). */
export function jsonResult<T>(
  result: ActionResult<T>,
  okStatus = 200,
  failStatus?: number,
): Response {
  const status = result.ok ? okStatus : (failStatus ?? STATUS[result.code] ?? 400);
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * The request's body, read from its stream and given up on as soon as it grows past maxBytes
 * (null then): Content-Length may be absent (chunked) or lie, so it is no guard on its own.
 */
export async function readCappedBody(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
