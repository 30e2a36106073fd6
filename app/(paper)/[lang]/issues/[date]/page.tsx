// `/issues/<date>`: the issue's pages with their headlines.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Masthead } from "@/components/paper/masthead";
import { pageLabel } from "@/components/paper/page-navigator";
import { formatIssueDate, isIssueDate } from "@/lib/dates";
import { getTranslator } from "@/lib/i18n/locales";
import { paperAlternates, paperLocale, paperPath } from "@/lib/i18n/paper-locale";
import { readPaper } from "@/lib/paper-cache";

type Params = Promise<{ lang: string; date: string }>;

export function generateStaticParams(): { date: string }[] {
  return [];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, date } = await params;
  if (!isIssueDate(date)) return {};
  const locale = paperLocale(lang);
  return {
    title: formatIssueDate(date, locale),
    alternates: paperAlternates(locale, `/issues/${date}`),
  };
}

export default async function IssueView({ params }: { params: Params }) {
  const { lang, date } = await params;
  if (!isIssueDate(date)) notFound();
  const settings = await readPaper.settings();
  const locale = paperLocale(lang);
  const view = await readPaper.issue(date);
  if (!view) notFound();
  const t = getTranslator(locale);
  const adjacent = await readPaper.adjacentIssues(date);
  return (
    <>
      <Masthead locale={locale} paperName={settings.paperName} issue={view.issue} asHeading />
      <nav
        aria-label={t("reader.issueNavigation")}
        className="mb-4 flex justify-between font-sans text-sm"
      >
        {adjacent.previous ? (
          <Link
            prefetch={false}
            href={paperPath(locale, `/issues/${adjacent.previous}`)}
            rel="prev"
            className="hover:underline"
          >
            ← {t("reader.previousIssue")}
          </Link>
        ) : (
          <span />
        )}
        {adjacent.next ? (
          <Link
            prefetch={false}
            href={paperPath(locale, `/issues/${adjacent.next}`)}
            rel="next"
            className="hover:underline"
          >
            {t("reader.nextIssue")} →
          </Link>
        ) : null}
      </nav>
      <div className="grid gap-6 md:grid-cols-2">
        {view.pages.map((page) => (
          <section
            key={page.number}
            aria-labelledby={`page-${page.number}`}
            className="border border-rule bg-white/60 p-4"
          >
            <h2 id={`page-${page.number}`} className="mb-1 font-sans text-lg font-bold">
              <Link
                prefetch={false}
                href={paperPath(locale, `/issues/${date}/${page.number}`)}
                className="hover:underline"
              >
                {pageLabel(locale, page)}
              </Link>
            </h2>
            {page.banner ? (
              <p className="mb-2 text-sm text-nameplate" lang="zh-CN">
                {page.banner}
              </p>
            ) : null}
            <ul className="list-disc space-y-1 pl-5" lang="zh-CN">
              {page.stories.map((story) => (
                <li key={story.id}>
                  <Link
                    prefetch={false}
                    href={paperPath(locale, `/stories/${story.id}`)}
                    className="hover:underline"
                  >
                    {story.headline}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
