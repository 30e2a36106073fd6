// `/api/health`: is the database reachable (for a load balancer and the test runner).
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { getSchedulerStatus } from "@/lib/scheduler";

export const dynamic = "force-dynamic";

export function GET() {
  try {
    db().get(sql`select 1`);
    return Response.json(
      { ok: true, database: "ok" },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ ok: false, database: "unreachable" }, { status: 503 });
  }
}
