// `/desk/issues/<id>`: lay out an issue — its pages, the stories on each, their order and
// slots — with a live preview made by the same components readers see, and publishing.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { EmbargoBadge } from "@/components/desk/embargo-badge";
import { EmbargoBadges } from "@/components/desk/embargo-badges";
import { IssueDesk } from "@/components/desk/issue-desk";
import { PageView } from "@/components/paper/page-view";
import { formatDateTime, formatIssueDate, instantToZonedTime } from "@/lib/dates";
import { embargoLabels } from "@/lib/embargo-labels";
import { AppError } from "@/lib/errors";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { getIssueLayout, previewPage } from "@/lib/issues";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("issues.title") };
}

export default async function IssueLayoutPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer, "issue:plan")) forbidden();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  let layout: ReturnType<typeof getIssueLayout>;
  try {
    layout = getIssueLayout(viewer, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const dictionary = getDictionary(locale);
  const settings = getSettings();
  const requested = Number((await searchParams).page);
  const current = layout.pages.find((p) => p.number === requested) ?? layout.pages[0];
  const preview = current ? previewPage(viewer, id, current.number) : null;
  const { issue } = layout;
  const embargoes = embargoLabels(
    viewer,
    [
      ...layout.pages.flatMap((p) => p.stories.map((s) => s.storyId)),
      ...layout.unplaced.map((s) => s.id),
    ],
    { now: new Date(), timezone: settings.timezone, locale },
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">
          {formatIssueDate(issue.date, locale)} · {t("paper.issueNumber", { number: issue.number })}
        </h1>
        <p className="text-sm text-muted" data-testid="issue-status">
          {t(`issues.statuses.${issue.status}`)}
          {issue.status === "scheduled" && issue.publishAt
            ? ` · ${t("issues.scheduledFor", { time: formatDateTime(new Date(issue.publishAt), settings.timezone, locale) })}`
            : ""}
          {issue.status === "published" && issue.publishedAt
            ? ` · ${t("issues.publishedAt", { time: formatDateTime(new Date(issue.publishedAt), settings.timezone, locale) })}`
            : ""}
        </p>
      </div>
      <EmbargoBadges labels={embargoes}>
        <IssueDesk
          layout={layout}
          currentPageId={current?.id ?? null}
          timezone={settings.timezone}
          scheduledLocal={
            issue.publishAt
              ? instantToZonedTime(new Date(issue.publishAt), settings.timezone)
              : null
          }
          messages={{
            issues: dictionary.issues,
            errors: dictionary.errors,
            stories: dictionary.stories,
          }}
        />
      </EmbargoBadges>
      {preview ? (
        <section
          aria-labelledby="preview-title"
          className="rounded-lg border border-rule bg-white p-4"
        >
          <h2 id="preview-title" className="mb-3 font-bold">
            {t("issues.preview")}
          </h2>
          <div className="rounded bg-paper p-4 font-serif" data-testid="layout-preview">
            <PageView
              locale={locale}
              paperName={settings.paperName}
              view={preview}
              nameAsHeading={false}
              badges={Object.fromEntries(
                Object.entries(embargoes).map(([id, label]) => [
                  id,
                  <EmbargoBadge key={id} label={label} />,
                ]),
              )}
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}
