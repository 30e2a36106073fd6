// POST /api/internal/expire-cache: the scheduler's way to expire public pages after it
// published an issue (Next expires cache tags only inside a request).
import { timingSafeEqual } from "node:crypto";
import { expirePaperCache } from "@/lib/paper-cache";
import { cacheExpiryToken } from "@/lib/scheduler";

export function POST(request: Request) {
  const given = Buffer.from(request.headers.get("x-masthead-token") ?? "");
  const expected = Buffer.from(cacheExpiryToken());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return new Response(null, { status: 404 });
  }
  expirePaperCache({ repeat: false });
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
