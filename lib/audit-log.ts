// Reading the audit trail: every change, newest first, filtered by story, issue, person, dates.
import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { db } from "@/db/client";
import { auditEvents, issues, pages, stories, users } from "@/db/schema";
import { isIssueDate, nextDay, startOfDayInTimeZone } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { can, type PermissionSubject } from "@/lib/permissions";

export const AUDIT_PAGE_SIZE = 50;

const OptionalId = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce
    .number({ message: "errors.id_invalid" })
    .int("errors.id_invalid")
    .positive("errors.id_invalid")
    .max(Number.MAX_SAFE_INTEGER, "errors.id_invalid")
    .optional(),
);
const OptionalDate = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.string().refine(isIssueDate, "errors.date_invalid").optional(),
);

/** The audit page's filters, as they arrive from its (GET) form. */
export const AuditFilter = z
  .object({
    story: OptionalId,
    issue: OptionalId,
    person: OptionalId,
    from: OptionalDate,
    to: OptionalDate,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "errors.date_range_invalid",
    path: ["to"],
  });
export type AuditFilter = z.infer<typeof AuditFilter>;

export type AuditRow = {
  id: number;
  createdAt: number;
  actorId: number | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** A story's headline, an issue's number, an account's name: when it still exists. */
  subjectLabel: string | null;
  fromState: string | null;
  toState: string | null;
  detail: Record<string, unknown> | null;
};

const actor = alias(users, "actor");
const subjectUser = alias(users, "subject_user");

function conditions(filter: AuditFilter, timeZone: string): SQL[] {
  const where: SQL[] = [];
  if (filter.story !== undefined) {
    where.push(
      and(
        eq(auditEvents.subjectType, "story"),
        eq(auditEvents.subjectId, String(filter.story)),
      ) as SQL,
    );
  }
  if (filter.issue !== undefined) {
    // The issue itself, anything that names it in its detail (placements, a story published
    // with it, a page added or removed), and changes to its pages.
    const issuePages = db()
      .select({ id: sql<string>`CAST(${pages.id} AS TEXT)` })
      .from(pages)
      .where(eq(pages.issueId, filter.issue));
    where.push(
      or(
        and(eq(auditEvents.subjectType, "issue"), eq(auditEvents.subjectId, String(filter.issue))),
        sql`json_extract(${auditEvents.detail}, '$.issueId') = ${filter.issue}`,
        and(eq(auditEvents.subjectType, "page"), inArray(auditEvents.subjectId, issuePages)),
      ) as SQL,
    );
  }
  if (filter.person !== undefined) where.push(eq(auditEvents.actorId, filter.person));
  if (filter.from) {
    const start = startOfDayInTimeZone(filter.from, timeZone);
    if (start) where.push(gte(auditEvents.createdAt, start));
  }
  if (filter.to) {
    const after = nextDay(filter.to);
    const end = after ? startOfDayInTimeZone(after, timeZone) : null;
    if (end) where.push(lt(auditEvents.createdAt, end));
  }
  return where;
}

/** One page of the trail for editors and admins; `hasMore` says whether an older page exists. */
export function listAuditEvents(
  viewer: PermissionSubject,
  input: { filter?: AuditFilter; limit?: number; offset?: number; timeZone: string },
): { rows: AuditRow[]; hasMore: boolean } {
  if (!can(viewer, "audit:read")) throw new AppError("forbidden");
  const parsed = AuditFilter.safeParse(input.filter ?? {});
  if (!parsed.success) throw new AppError("invalid_input");
  const size = Math.min(Math.max(input.limit ?? AUDIT_PAGE_SIZE, 1), 200);
  const where = conditions(parsed.data, input.timeZone);
  const rows = db()
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      actorId: auditEvents.actorId,
      actorName: actor.displayName,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      storyHeadline: stories.headline,
      issueNumber: issues.number,
      userName: subjectUser.displayName,
      fromState: auditEvents.fromState,
      toState: auditEvents.toState,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(
      stories,
      and(
        eq(auditEvents.subjectType, "story"),
        eq(stories.id, sql`CAST(${auditEvents.subjectId} AS INTEGER)`),
      ),
    )
    .leftJoin(
      issues,
      and(
        eq(auditEvents.subjectType, "issue"),
        eq(issues.id, sql`CAST(${auditEvents.subjectId} AS INTEGER)`),
      ),
    )
    .leftJoin(
      subjectUser,
      and(
        eq(auditEvents.subjectType, "user"),
        eq(subjectUser.id, sql`CAST(${auditEvents.subjectId} AS INTEGER)`),
      ),
    )
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(size + 1)
    .offset(Math.max(input.offset ?? 0, 0))
    .all();
  return {
    rows: rows.slice(0, size).map(({ storyHeadline, issueNumber, userName, ...r }) => ({
      ...r,
      createdAt: r.createdAt.getTime(),
      subjectLabel:
        storyHeadline ?? (issueNumber != null ? String(issueNumber) : null) ?? userName ?? null,
    })),
    hasMore: rows.length > size,
  };
}

/** Everyone who may appear as "who", for the person filter. */
export function listAuditPeople(viewer: PermissionSubject): { id: number; displayName: string }[] {
  if (!can(viewer, "audit:read")) throw new AppError("forbidden");
  return db()
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .orderBy(asc(users.displayName), asc(users.id))
    .all();
}
