// Audit rows: every change in the newsroom writes one, inside the change's own transaction.
import type { Tx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-actions";

export type AuditEntry = {
  actorId: number | null;
  action: AuditAction;
  subjectType:
    | "user"
    | "story"
    | "issue"
    | "page"
    | "placement"
    | "settings"
    | "session"
    | "media"
    | "desk";
  subjectId?: string | number | null;
  fromState?: string | null;
  toState?: string | null;
  detail?: Record<string, unknown> | null;
  now: Date;
};

export function recordAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditEvents)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId == null ? null : String(entry.subjectId),
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      detail: entry.detail ?? null,
      createdAt: entry.now,
    })
    .run();
}
