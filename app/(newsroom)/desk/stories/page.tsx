// `/desk/stories`: my stories, by status, with the latest editor's note.
import type { Metadata } from "next";
import Link from "next/link";
import { EmbargoBadge } from "@/components/desk/embargo-badge";
import { formatDateTime } from "@/lib/dates";
import { embargoLabels } from "@/lib/embargo-labels";
import { getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";
import { listMyStories } from "@/lib/story-reads";
import { STORY_STATUSES } from "@/lib/workflow/story";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("stories.title") };
}

export default async function MyStoriesPage() {
  const viewer = await requireViewer();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const { timezone } = getSettings();
  const stories = listMyStories(viewer);
  const embargoes = embargoLabels(
    viewer,
    stories.map((s) => s.id),
    { now: new Date(), timezone, locale },
  );
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t("stories.title")}</h1>
        <Link
          href="/desk/stories/new"
          className="rounded bg-ink px-3 py-1.5 font-semibold text-white"
        >
          {t("stories.newStory")}
        </Link>
      </div>
      {stories.length === 0 ? <p className="text-muted">{t("stories.empty")}</p> : null}
      {STORY_STATUSES.map((status) => {
        const group = stories.filter((s) => s.status === status);
        if (group.length === 0) return null;
        return (
          <section
            key={status}
            aria-labelledby={`status-${status}`}
            className="rounded-lg border border-rule bg-white"
          >
            <h2 id={`status-${status}`} className="border-b border-rule px-4 py-2 font-bold">
              {t(`statuses.${status}`)} <span className="text-muted">({group.length})</span>
            </h2>
            <table className="w-full text-left text-sm">
              <thead className="sr-only">
                <tr>
                  <th scope="col">{t("stories.headline")}</th>
                  <th scope="col">{t("stories.length")}</th>
                  <th scope="col">{t("stories.updated")}</th>
                  <th scope="col">{t("stories.latestNote")}</th>
                </tr>
              </thead>
              <tbody>
                {group.map((story) => (
                  <tr
                    key={story.id}
                    className="border-t border-rule first:border-t-0"
                    data-testid={`my-story-${story.id}`}
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
                    <td className="p-3 whitespace-nowrap text-muted">
                      {t("stories.lengthValue", { count: story.charCount })}
                    </td>
                    <td className="p-3 whitespace-nowrap text-muted">
                      {formatDateTime(new Date(story.updatedAt), timezone, locale)}
                    </td>
                    <td className="p-3 text-amber-800" lang="zh-CN">
                      {story.latestComment ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
