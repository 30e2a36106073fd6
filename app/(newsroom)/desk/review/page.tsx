// `/desk/review`: the stories waiting for an editor, the longest-waiting first.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { DeskFilter } from "@/components/desk/desk-filter";
import { EmbargoBadge } from "@/components/desk/embargo-badge";
import { levelName } from "@/components/desk/story-progress";
import { formatDateTime } from "@/lib/dates";
import { listDesks } from "@/lib/desks";
import { formatElapsed } from "@/lib/durations";
import { embargoLabels } from "@/lib/embargo-labels";
import { getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { can } from "@/lib/permissions";
import { listReviewQueue, REVIEW_PAGE_SIZE } from "@/lib/review";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("review.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageOffset(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

function pageHref(offset: number, deskId?: number): string {
  const query = new URLSearchParams();
  if (deskId) query.set("desk", String(deskId));
  if (offset > 0) query.set("offset", String(offset));
  const text = query.toString();
  return text ? `/desk/review?${text}` : "/desk/review";
}

export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  if (!can(viewer, "story:review")) forbidden();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const { timezone } = getSettings();
  const params = await searchParams;
  const offset = pageOffset(params.offset);
  const deskId = pageOffset(params.desk) || undefined;
  const { items, total } = listReviewQueue(viewer, { limit: REVIEW_PAGE_SIZE, offset, deskId });
  const desks = listDesks();
  const now = Date.now();
  const embargoes = embargoLabels(
    viewer,
    items.map((s) => s.id),
    { now: new Date(now), timezone, locale },
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("review.title")}</h1>
        <p className="mt-1 text-muted">
          {t("review.intro")} {t("review.total", { count: total })}
        </p>
        <div className="mt-3">
          <DeskFilter
            desks={desks}
            current={deskId}
            hrefOf={(id) => pageHref(0, id)}
            allLabel={t("review.allDesks")}
            label={t("workflow.desk")}
          />
        </div>
      </div>
      {items.length === 0 ? (
        <p className="rounded-lg border border-rule bg-white p-6 text-muted">{t("review.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-rule bg-desk">
              <tr>
                <th scope="col" className="p-3">
                  {t("review.headline")}
                </th>
                <th scope="col" className="p-3">
                  {t("review.level")}
                </th>
                <th scope="col" className="p-3">
                  {t("review.author")}
                </th>
                <th scope="col" className="p-3">
                  {t("review.submittedAt")}
                </th>
                <th scope="col" className="p-3">
                  {t("review.waiting")}
                </th>
                <th scope="col" className="p-3 text-right">
                  {t("review.length")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((story) => (
                <tr
                  key={story.id}
                  className="border-t border-rule first:border-t-0"
                  data-testid={`review-story-${story.id}`}
                >
                  <td className="p-3">
                    <Link
                      href={`/desk/stories/${story.id}`}
                      className="font-semibold hover:underline"
                      lang="zh-CN"
                    >
                      {story.headline || t("stories.untitled")}
                    </Link>
                    {embargoes[story.id] ? (
                      <>
                        {" "}
                        <EmbargoBadge label={embargoes[story.id] ?? ""} />
                      </>
                    ) : null}
                  </td>
                  <td className="p-3 whitespace-nowrap" data-testid="review-level">
                    {story.deskName ? `${story.deskName} · ` : ""}
                    {levelName(t, story.reviewLevel ?? 1, story.reviewLevels?.length ?? 3)}
                  </td>
                  <td className="p-3 whitespace-nowrap">{story.authorName}</td>
                  <td className="p-3 whitespace-nowrap text-muted">
                    {formatDateTime(new Date(story.submittedAt), timezone, locale)}
                  </td>
                  <td className="p-3 whitespace-nowrap" data-testid="waiting">
                    {formatElapsed(now - story.submittedAt, locale) ?? t("review.lessThanAMinute")}
                  </td>
                  <td className="p-3 whitespace-nowrap text-right text-muted">
                    {t("review.lengthValue", { count: story.charCount })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {offset > 0 || offset + items.length < total ? (
        <nav aria-label={t("review.pages")} className="flex justify-between text-sm">
          {offset > 0 ? (
            <Link
              href={pageHref(Math.max(offset - REVIEW_PAGE_SIZE, 0), deskId)}
              className="text-accent hover:underline"
            >
              ← {t("review.earlier")}
            </Link>
          ) : (
            <span />
          )}
          {offset + items.length < total ? (
            <Link
              href={pageHref(offset + REVIEW_PAGE_SIZE, deskId)}
              className="text-accent hover:underline"
            >
              {t("review.later")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
