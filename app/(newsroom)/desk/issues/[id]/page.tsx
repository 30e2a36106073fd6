// `/desk/issues/<id>`: lay out an issue — its pages, the stories on each, their order and
// slots — with a live preview made by the same components readers see, and publishing.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { DeskFilter } from "@/components/desk/desk-filter";
import { IssueDesk } from "@/components/desk/issue-desk";
import { PageView } from "@/components/paper/page-view";
import { formatDateTime, formatIssueDate, instantToZonedTime } from "@/lib/dates";
import { listDesks } from "@/lib/desks";
import { AppError } from "@/lib/errors";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { getIssueLayout, previewPage } from "@/lib/issues";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string; desk?: string }>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("issues.title") };
}

export default async function IssueLayoutPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer, "issue:plan")) forbidden();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  // The layout desk can narrow the stories waiting for a page to one desk's.
  const deskParam = Number((await searchParams).desk);
  const deskFilter = Number.isSafeInteger(deskParam) && deskParam > 0 ? deskParam : undefined;
  let layout: ReturnType<typeof getIssueLayout>;
  try {
    layout = getIssueLayout(viewer, id, { deskId: deskFilter });
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
      <DeskFilter
        desks={listDesks()}
        current={deskFilter}
        hrefOf={(deskId) => {
          const query = new URLSearchParams();
          if (current) query.set("page", String(current.number));
          if (deskId) query.set("desk", String(deskId));
          return `/desk/issues/${issue.id}${query.size ? `?${query}` : ""}`;
        }}
        allLabel={t("review.allDesks")}
        label={t("workflow.desk")}
      />
      <IssueDesk
        layout={layout}
        currentPageId={current?.id ?? null}
        timezone={settings.timezone}
        scheduledLocal={
          issue.publishAt ? instantToZonedTime(new Date(issue.publishAt), settings.timezone) : null
        }
        canPublish={can(viewer, "issue:publish")}
        messages={{
          issues: dictionary.issues,
          errors: dictionary.errors,
          stories: dictionary.stories,
        }}
      />
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
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}
