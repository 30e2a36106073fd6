// `/issues/<date>/<n>`: one page of an issue, laid out like the printed page.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageLabel } from "@/components/paper/page-navigator";
import { PageView } from "@/components/paper/page-view";
import { formatIssueDate, isIssueDate } from "@/lib/dates";
import { paperAlternates, paperLocale } from "@/lib/i18n/paper-locale";
import { readPaper } from "@/lib/paper-cache";

type Params = Promise<{ lang: string; date: string; page: string }>;

export function generateStaticParams(): { date: string; page: string }[] {
  return [];
}

async function load(params: Params) {
  const { lang, date, page } = await params;
  const number = /^\d{1,3}$/.test(page) ? Number(page) : Number.NaN;
  if (!isIssueDate(date) || !Number.isInteger(number)) return null;
  const settings = await readPaper.settings();
  const view = await readPaper.page(date, number);
  if (!view) return null;
  return { locale: paperLocale(lang), settings, view };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const loaded = await load(params);
  if (!loaded) return {};
  const { view, locale } = loaded;
  return {
    title: `${formatIssueDate(view.issue.date, locale)} ${pageLabel(locale, view.page)}`,
    alternates: paperAlternates(locale, `/issues/${view.issue.date}/${view.page.number}`),
  };
}

export default async function IssuePage({ params }: { params: Params }) {
  const loaded = await load(params);
  if (!loaded) notFound();
  return (
    <PageView locale={loaded.locale} paperName={loaded.settings.paperName} view={loaded.view} />
  );
}
