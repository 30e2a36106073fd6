// Writing issue rows inside a caller's transaction: a new issue, a layout change that moves
// the issue's version (so a publish of a stale layout is refused), the layout's closed states.
// No server-only: the import command runs it from the shell.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Issue, issues } from "@/db/schema";
import { type AuditEntry, recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { isIssueClosed } from "@/lib/workflow/issue";

/** Structure and layout change only before an issue goes live (corrections are separate). */
export function assertLayoutOpen(issue: Issue): void {
  if (isIssueClosed(issue)) throw new AppError("invalid_input", "issue_published");
}

function touchIssue(tx: Tx, issue: Issue, now: Date): void {
  tx.update(issues)
    .set({ version: issue.version + 1, updatedAt: now })
    .where(eq(issues.id, issue.id))
    .run();
}

/** A layout change counts as a change of its issue (its version moves) and is audited. */
export function recordLayoutChange(tx: Tx, issue: Issue, entry: AuditEntry): void {
  touchIssue(tx, issue, entry.now);
  recordAudit(tx, entry);
}

/** A new issue, planned (the table's first state), with its audit row. */
export function insertIssue(
  tx: Tx,
  input: { date: string; number: number },
  actorId: number | null,
  now: Date,
  detail: Record<string, unknown> = {},
): Issue {
  const issue = tx
    .insert(issues)
    .values({ date: input.date, number: input.number, createdAt: now, updatedAt: now })
    .returning()
    .get();
  recordAudit(tx, {
    actorId,
    action: "issue.create",
    subjectType: "issue",
    subjectId: issue.id,
    toState: issue.status,
    detail: { date: issue.date, number: issue.number, ...detail },
    now,
  });
  return issue;
}
