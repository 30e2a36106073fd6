// `/api/health`: is the database reachable (for a load balancer and the test runner).
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { getSchedulerStatus } from "@/lib/scheduler";

export const dynamic = "force-dynamic";

export function GET() {
  try {
    db().get(sql`select 1`);
    const scheduler = getSchedulerStatus();
    return Response.json(
      {
        ok: true,
        database: "ok",
        scheduler: {
          running: scheduler.running,
          lastRunAt: scheduler.lastRunAt ? new Date(scheduler.lastRunAt).toISOString() : null,
          lastError: scheduler.lastError,
        },
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ ok: false, database: "unreachable" }, { status: 503 });
  }
}
