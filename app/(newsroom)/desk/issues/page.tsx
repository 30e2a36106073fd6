// `/desk/issues`: the issues, newest first, and a form to start the next one.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { CreateIssueForm } from "@/components/desk/create-issue-form";
import { dateInTimeZone, formatDateTime, formatIssueDate } from "@/lib/dates";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { listIssues } from "@/lib/issues";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("issues.title") };
}

export default async function IssuesPage() {
  const viewer = await requireViewer();
  if (!can(viewer, "issue:plan")) forbidden();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const { timezone } = getSettings();
  const list = listIssues(viewer);
  const tomorrow = dateInTimeZone(new Date(Date.now() + 24 * 60 * 60 * 1000), timezone);
  const dictionary = getDictionary(locale);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("issues.title")}</h1>
      <CreateIssueForm
        defaultDate={tomorrow}
        messages={{ issues: dictionary.issues, errors: dictionary.errors }}
      />
      {list.length === 0 ? <p className="text-muted">{t("issues.empty")}</p> : null}
      <ul className="divide-y divide-rule rounded-lg border border-rule bg-white">
        {list.map((issue) => (
          <li
            key={issue.id}
            className="flex flex-wrap items-center justify-between gap-3 p-4"
            data-testid={`issue-${issue.date}`}
          >
            <div>
              <Link href={`/desk/issues/${issue.id}`} className="font-semibold hover:underline">
                {formatIssueDate(issue.date, locale)} ·{" "}
                {t("paper.issueNumber", { number: issue.number })}
              </Link>
              <p className="text-sm text-muted">
                {t("issues.pagesCount", { pages: issue.pageCount, stories: issue.storyCount })}
                {issue.status === "scheduled" && issue.publishAt
                  ? ` · ${t("issues.scheduledFor", { time: formatDateTime(new Date(issue.publishAt), timezone, locale) })}`
                  : ""}
              </p>
            </div>
            <span className="rounded bg-desk px-2 py-0.5 text-sm">
              {t(`issues.statuses.${issue.status}`)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
