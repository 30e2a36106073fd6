// `/desk/audit`: every change in the newsroom, newest first, with filters (editors and admins).
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { auditActionMessage } from "@/lib/audit-actions";
import {
  AUDIT_PAGE_SIZE,
  AuditFilter,
  type AuditRow,
  listAuditEvents,
  listAuditPeople,
} from "@/lib/audit-log";
import { formatDateTime } from "@/lib/dates";
import { errorText, zodFieldErrors } from "@/lib/errors";
import { type Dictionary, formatMessage, lookup, type Translate } from "@/lib/i18n/dictionary";
import { getDictionary, getTranslator, type Locale } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("audit.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FIELDS = ["story", "issue", "person", "from", "to"] as const;
type Field = (typeof FIELDS)[number];

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function href(values: Record<Field, string>, offset: number): string {
  const params = new URLSearchParams();
  for (const key of FIELDS) if (values[key]) params.set(key, values[key]);
  if (offset > 0) params.set("offset", String(offset));
  const query = params.toString();
  return query ? `/desk/audit?${query}` : "/desk/audit";
}

/** A name from a dictionary section when it has one, else the raw value. */
function named(dictionary: Dictionary, key: string, raw: string): string {
  const found = lookup(dictionary, key);
  return found === key ? raw : found;
}

function stateLabel(dictionary: Dictionary, state: string): string {
  for (const section of ["statuses", "audit.states", "roles"]) {
    const found = lookup(dictionary, `${section}.${state}`);
    if (found !== `${section}.${state}`) return found;
  }
  return state;
}

type RowProps = { row: AuditRow; dictionary: Dictionary; locale: Locale };

function Subject({ row, dictionary, locale }: RowProps) {
  const t = (key: string, label: string) =>
    formatMessage(locale, named(dictionary, `audit.subjects.${key}`, row.subjectType), { label });
  const label = row.subjectLabel ?? row.subjectId ?? "";
  if (row.subjectType === "story" && row.subjectId) {
    return (
      <Link
        href={`/desk/stories/${row.subjectId}`}
        className="text-accent hover:underline"
        lang="zh-CN"
      >
        {t("story", row.subjectLabel || `#${row.subjectId}`)}
      </Link>
    );
  }
  if (row.subjectType === "issue" && row.subjectId) {
    return (
      <Link href={`/desk/issues/${row.subjectId}`} className="text-accent hover:underline">
        {t("issue", label)}
      </Link>
    );
  }
  return <span>{t(row.subjectType, label)}</span>;
}

const SHOWN_DETAIL = ["note", "reason", "anchorText", "commentId", "parentId"];

function Detail({ row, t }: { row: AuditRow; t: Translate }) {
  const detail = row.detail ?? {};
  const text = (key: "note" | "reason" | "anchorText") =>
    typeof detail[key] === "string" ? t(`audit.${key}`, { text: String(detail[key]) }) : null;
  const rest = Object.fromEntries(
    // Row ids of notes mean nothing to a reader; the note's text and passage are shown instead.
    Object.entries(detail).filter(([key]) => !SHOWN_DETAIL.includes(key)),
  );
  return (
    <div className="space-y-0.5">
      {text("anchorText") ? (
        <p className="text-muted" lang="zh-CN">
          {text("anchorText")}
        </p>
      ) : null}
      {text("note") ? (
        <p className="whitespace-pre-line" lang="zh-CN">
          {text("note")}
        </p>
      ) : null}
      {text("reason") ? (
        <p className="whitespace-pre-line" lang="zh-CN">
          {text("reason")}
        </p>
      ) : null}
      {Object.keys(rest).length > 0 ? (
        <p className="break-all font-mono text-xs text-muted">{JSON.stringify(rest)}</p>
      ) : null}
    </div>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  if (!can(viewer, "audit:read")) forbidden();
  const locale: Locale = await getRequestLocale();
  const dictionary = getDictionary(locale);
  const t = getTranslator(locale);
  const { timezone } = getSettings();
  const raw = await searchParams;
  const values = Object.fromEntries(FIELDS.map((key) => [key, first(raw[key]).trim()])) as Record<
    Field,
    string
  >;
  const offsetValue = Number(first(raw.offset));
  const offset = Number.isSafeInteger(offsetValue) && offsetValue > 0 ? offsetValue : 0;
  const parsed = AuditFilter.safeParse(values);
  const fieldErrors: Partial<Record<Field, string>> = {};
  if (!parsed.success) {
    // A refusal of the range as a whole (no field) is shown under its end.
    for (const [path, [key = "invalid_input"]] of Object.entries(zodFieldErrors(parsed.error))) {
      const field = (path === "_" ? "to" : path.split(".")[0]) as Field;
      fieldErrors[field] ??= errorText(dictionary.errors, key);
    }
  }
  const { rows, hasMore } = parsed.success
    ? listAuditEvents(viewer, {
        filter: parsed.data,
        limit: AUDIT_PAGE_SIZE,
        offset,
        timeZone: timezone,
      })
    : { rows: [], hasMore: false };
  const people = listAuditPeople(viewer);
  const input = "rounded border border-rule px-2 py-1";
  const errorProps = (key: Field) =>
    fieldErrors[key] ? { "aria-invalid": true, "aria-describedby": `${key}-error` } : {};
  const errorLine = (key: Field) =>
    fieldErrors[key] ? (
      <p id={`${key}-error`} className="mt-1 text-xs text-red-700">
        {fieldErrors[key]}
      </p>
    ) : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
        <p className="mt-1 text-muted">{t("audit.intro", { timezone })}</p>
      </div>
      <form
        method="get"
        action="/desk/audit"
        aria-label={t("audit.filters")}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-rule bg-white p-4 text-sm"
      >
        <div>
          <label htmlFor="filter-story" className="mb-1 block font-medium">
            {t("audit.story")}
          </label>
          <input
            id="filter-story"
            name="story"
            inputMode="numeric"
            defaultValue={values.story}
            className={`${input} w-24`}
            {...errorProps("story")}
          />
          {errorLine("story")}
        </div>
        <div>
          <label htmlFor="filter-issue" className="mb-1 block font-medium">
            {t("audit.issue")}
          </label>
          <input
            id="filter-issue"
            name="issue"
            inputMode="numeric"
            defaultValue={values.issue}
            className={`${input} w-24`}
            {...errorProps("issue")}
          />
          {errorLine("issue")}
        </div>
        <div>
          <label htmlFor="filter-person" className="mb-1 block font-medium">
            {t("audit.person")}
          </label>
          <select
            id="filter-person"
            name="person"
            defaultValue={values.person}
            className={input}
            {...errorProps("person")}
          >
            <option value="">{t("audit.anyone")}</option>
            {people.map((person) => (
              <option key={person.id} value={String(person.id)}>
                {person.displayName}
              </option>
            ))}
          </select>
          {errorLine("person")}
        </div>
        <div>
          <label htmlFor="filter-from" className="mb-1 block font-medium">
            {t("audit.from")}
          </label>
          <input
            id="filter-from"
            name="from"
            type="date"
            defaultValue={values.from}
            className={input}
            {...errorProps("from")}
          />
          {errorLine("from")}
        </div>
        <div>
          <label htmlFor="filter-to" className="mb-1 block font-medium">
            {t("audit.to")}
          </label>
          <input
            id="filter-to"
            name="to"
            type="date"
            defaultValue={values.to}
            className={input}
            {...errorProps("to")}
          />
          {errorLine("to")}
        </div>
        <button type="submit" className="rounded bg-ink px-3 py-1 font-semibold text-white">
          {t("audit.apply")}
        </button>
        <Link href="/desk/audit" className="py-1 text-accent hover:underline">
          {t("audit.clear")}
        </Link>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-rule bg-white p-6 text-muted">{t("audit.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-rule bg-desk">
              <tr>
                <th scope="col" className="p-2">
                  {t("audit.when")}
                </th>
                <th scope="col" className="p-2">
                  {t("audit.who")}
                </th>
                <th scope="col" className="p-2">
                  {t("audit.action")}
                </th>
                <th scope="col" className="p-2">
                  {t("audit.subject")}
                </th>
                <th scope="col" className="p-2">
                  {t("audit.change")}
                </th>
                <th scope="col" className="p-2">
                  {t("audit.detail")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  data-testid={`audit-${row.id}`}
                  data-action={row.action}
                  className="border-t border-rule align-top first:border-t-0"
                >
                  <td className="p-2 whitespace-nowrap text-muted">
                    {formatDateTime(new Date(row.createdAt), timezone, locale)}
                  </td>
                  <td className="p-2 whitespace-nowrap">{row.actorName ?? t("audit.system")}</td>
                  <td className="p-2 whitespace-nowrap font-medium">
                    {t(auditActionMessage(row.action))}
                  </td>
                  <td className="p-2">
                    <Subject row={row} dictionary={dictionary} locale={locale} />
                  </td>
                  <td className="p-2 whitespace-nowrap">
                    {row.fromState || row.toState
                      ? `${row.fromState ? stateLabel(dictionary, row.fromState) : "—"} → ${row.toState ? stateLabel(dictionary, row.toState) : "—"}`
                      : ""}
                  </td>
                  <td className="max-w-md p-2">
                    <Detail row={row} t={t} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {offset > 0 || hasMore ? (
        <nav aria-label={t("audit.pages")} className="flex justify-between text-sm">
          {offset > 0 ? (
            <Link
              href={href(values, Math.max(offset - AUDIT_PAGE_SIZE, 0))}
              className="text-accent hover:underline"
            >
              ← {t("audit.newer")}
            </Link>
          ) : (
            <span />
          )}
          {hasMore ? (
            <Link
              href={href(values, offset + AUDIT_PAGE_SIZE)}
              className="text-accent hover:underline"
            >
              {t("audit.older")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
