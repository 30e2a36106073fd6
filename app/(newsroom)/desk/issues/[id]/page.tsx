// `/desk/issues/<id>`: lay out an issue — its pages, the stories on each, their order and
// slots — with a live preview made by the same components readers see, and publishing.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { DeskFilter } from "@/components/desk/desk-filter";
import { EmbargoBadge } from "@/components/desk/embargo-badge";
import { EmbargoBadges } from "@/components/desk/embargo-badges";
import { IssueDesk } from "@/components/desk/issue-desk";
import { PageDiffView } from "@/components/desk/page-diff";
import { SignOffPanel } from "@/components/desk/sign-off-panel";
import { PageView } from "@/components/paper/page-view";
import { formatDateTime, formatIssueDate, instantToZonedTime } from "@/lib/dates";
import { listDesks } from "@/lib/desks";
import { embargoLabels } from "@/lib/embargo-labels";
import { AppError } from "@/lib/errors";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { getIssueLayout, previewPage } from "@/lib/issues";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";
import { getPageSignOffState } from "@/lib/sign-off";
import { decideIssueSignOff } from "@/lib/workflow/page";

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
  // The layout desk can narrow to one desk: its pages and its stories waiting for a page.
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
  const shownPages =
    deskFilter === undefined ? layout.pages : layout.pages.filter((p) => p.deskId === deskFilter);
  const current = shownPages.find((p) => p.number === requested) ?? shownPages[0];
  const desks = listDesks().map(({ id, name }) => ({ id, name }));
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
  const signOff = current ? getPageSignOffState(viewer, current.id) : null;
  const when = (ms: number) => formatDateTime(new Date(ms), settings.timezone, locale);
  const last = signOff?.lastSignOff ?? null;
  const pageStatuses = layout.pages.map((p) => p.status);
  const isHeld =
    issue.status === "scheduled" && issue.heldFor !== null && issue.heldFor === issue.publishAt;
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
        {isHeld && issue.heldFor ? (
          <p
            role="alert"
            className="mt-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800"
            data-testid="issue-held"
          >
            {t("signOff.held", {
              time: formatDateTime(new Date(issue.heldFor), settings.timezone, locale),
            })}
          </p>
        ) : null}
      </div>
      <DeskFilter
        desks={desks}
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
          canPublish={can(viewer, "issue:publish")}
          desks={desks}
          deskFilter={deskFilter}
          messages={{
            deskMoves: dictionary.deskMoves,
            issues: dictionary.issues,
            errors: dictionary.errors,
            stories: dictionary.stories,
            signOff: dictionary.signOff,
          }}
        />
      </EmbargoBadges>
      {current && signOff ? (
        <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
          <section
            aria-labelledby="preview-title"
            className="rounded-lg border border-rule bg-white p-4"
          >
            <h2 id="preview-title" className="mb-3 font-bold">
              {t("issues.preview")}
            </h2>
            {preview ? (
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
            ) : null}
          </section>
          <SignOffPanel
            page={{
              id: current.id,
              version: signOff.version,
              status: signOff.status,
              actions: signOff.actions,
              roundsRequired: signOff.rounds.required,
              roundsDone: signOff.rounds.done.length,
              openMarks: signOff.openMarks,
              storyCount: signOff.storyCount,
              signedOffText: last
                ? t("signOff.signedOffBy", {
                    name: last.signedOffByName ?? t("inbox.system"),
                    time: when(last.signedOffAt),
                  })
                : null,
              reopenedText:
                last?.reopenedAt && signOff.status === "reopened"
                  ? t("signOff.reopenedBy", {
                      name: last.reopenedByName ?? t("inbox.system"),
                      time: when(last.reopenedAt),
                      reason: last.reopenReason ?? "",
                    })
                  : null,
              proofHref: `/desk/proofread/${current.id}`,
            }}
            issue={{
              id: issue.id,
              version: issue.version,
              signedOffText: issue.signedOffAt
                ? t("signOff.issueSignedOff", { time: when(issue.signedOffAt) })
                : null,
              pagesSigned: pageStatuses.filter((s) => s === "signed_off").length,
              pagesTotal: pageStatuses.length,
              canSignOff: decideIssueSignOff(
                viewer,
                { status: issue.status, isSignedOff: issue.signedOffAt !== null },
                pageStatuses,
              ).ok,
              isPublished: issue.status === "published",
            }}
            canSignOffPages={can(viewer, "page:sign-off")}
            messages={{ signOff: dictionary.signOff, errors: dictionary.errors }}
          >
            {signOff.diff ? (
              <PageDiffView
                diff={signOff.diff}
                messages={{ signOff: dictionary.signOff, slots: dictionary.issues.slots }}
                locale={locale}
              />
            ) : null}
          </SignOffPanel>
        </div>
      ) : null}
    </div>
  );
}
