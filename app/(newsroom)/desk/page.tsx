// `/desk`: where each role lands after signing in.
import type { Metadata } from "next";
import Link from "next/link";
import { formatIssueDate } from "@/lib/dates";
import { countStoriesByStatus } from "@/lib/desk";
import { getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { getLatestIssue } from "@/lib/paper";
import { requireViewer } from "@/lib/session";
import { STORY_STATUSES } from "@/lib/workflow/story";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("desk.home") };
}

export default async function DeskHome() {
  const viewer = await requireViewer();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const counts = countStoriesByStatus(viewer);
  const latest = getLatestIssue();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-rule bg-white p-6">
        <h1 className="text-2xl font-bold">{t("desk.welcome", { name: viewer.displayName })}</h1>
        <p className="mt-2 text-muted">{t(`desk.roleIntro.${viewer.role}`)}</p>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section
          aria-labelledby="counts-title"
          className="rounded-lg border border-rule bg-white p-6"
        >
          <h2 id="counts-title" className="mb-3 font-bold">
            {t("desk.storyCounts")}
          </h2>
          {total === 0 ? (
            <p className="text-muted">{t("desk.noStories")}</p>
          ) : (
            <dl className="grid grid-cols-2 gap-2 text-sm">
              {STORY_STATUSES.filter((s) => counts[s]).map((status) => (
                <div key={status} className="flex justify-between rounded bg-desk px-3 py-2">
                  <dt>{t(`statuses.${status}`)}</dt>
                  <dd className="font-semibold">{counts[status]}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        {latest ? (
          <section
            aria-labelledby="latest-title"
            className="rounded-lg border border-rule bg-white p-6"
          >
            <h2 id="latest-title" className="mb-3 font-bold">
              {t("desk.latestIssue")}
            </h2>
            <Link href={`/issues/${latest.date}/1`} className="text-accent hover:underline">
              {formatIssueDate(latest.date, locale)} ·{" "}
              {t("paper.issueNumber", { number: latest.number })}
            </Link>
          </section>
        ) : null}
      </div>
    </div>
  );
}
