// `/desk`: where each role lands after signing in.
import type { Metadata } from "next";
import Link from "next/link";
import { levelName } from "@/components/desk/story-progress";
import { formatIssueDate } from "@/lib/dates";
import { countStoriesByStatus, listWaitingForViewer } from "@/lib/desk";
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
  const waiting = listWaitingForViewer(viewer);
  const nothingWaits = waiting.review.length === 0 && waiting.returned.length === 0;
  const latest = getLatestIssue();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-rule bg-white p-6">
        <h1 className="text-2xl font-bold">{t("desk.welcome", { name: viewer.displayName })}</h1>
        <p className="mt-2 text-muted">{t(`desk.roleIntro.${viewer.role}`)}</p>
      </section>
      <section
        aria-labelledby="waiting-title"
        className="rounded-lg border border-rule bg-white p-6"
        data-testid="waiting-for-you"
      >
        <h2 id="waiting-title" className="mb-3 font-bold">
          {t("workflow.waitingTitle")}
        </h2>
        {nothingWaits ? (
          <p className="text-muted">{t("workflow.waitingEmpty")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {waiting.review.map((story) => (
              <li key={story.id} className="flex flex-wrap justify-between gap-2">
                <Link
                  href={`/desk/stories/${story.id}`}
                  className="font-semibold hover:underline"
                  lang="zh-CN"
                >
                  {story.headline || t("stories.untitled")}
                </Link>
                <span className="text-muted">
                  {story.deskName ? `${story.deskName} · ` : ""}
                  {levelName(t, story.reviewLevel ?? 1, story.reviewLevels?.length ?? 3)} ·{" "}
                  {story.authorName}
                </span>
              </li>
            ))}
            {waiting.returned.map((story) => (
              <li key={story.id} className="flex flex-wrap justify-between gap-2">
                <Link
                  href={`/desk/stories/${story.id}`}
                  className="font-semibold hover:underline"
                  lang="zh-CN"
                >
                  {story.headline || t("stories.untitled")}
                </Link>
                <span className="text-muted">{t("workflow.waitingReturned")}</span>
              </li>
            ))}
          </ul>
        )}
        {waiting.reviewTotal > waiting.review.length ? (
          <p className="mt-3 text-sm">
            {t("workflow.waitingTotal", { count: waiting.reviewTotal })} ·{" "}
            <Link href="/desk/review" className="text-accent hover:underline">
              {t("workflow.waitingMore")}
            </Link>
          </p>
        ) : null}
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
