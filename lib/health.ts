// What `/api/health` tells whom: ok or not ok to anyone, the scheduler's state (whose error
// text may name files or SQL) to an admin only.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { can, type PermissionSubject } from "@/lib/permissions";
import { getSchedulerStatus } from "@/lib/scheduler";

export type HealthReport =
  | { ok: false }
  | { ok: true }
  | {
      ok: true;
      database: "ok";
      scheduler: { running: boolean; lastRunAt: string | null; lastError: string | null };
    };

export function healthReport(viewer: PermissionSubject | null): {
  status: number;
  body: HealthReport;
} {
  try {
    db().get(sql`select 1`);
  } catch {
    return { status: 503, body: { ok: false } };
  }
  if (!can(viewer, "settings:manage")) return { status: 200, body: { ok: true } };
  const scheduler = getSchedulerStatus();
  return {
    status: 200,
    body: {
      ok: true,
      database: "ok",
      scheduler: {
        running: scheduler.running,
        lastRunAt: scheduler.lastRunAt ? new Date(scheduler.lastRunAt).toISOString() : null,
        lastError: scheduler.lastError,
      },
    },
  };
}
