// `/`: the latest published issue's first page.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageView } from "@/components/paper/page-view";
import { getTranslator } from "@/lib/i18n/locales";
import { paperAlternates, paperLocale } from "@/lib/i18n/paper-locale";
import { readPaper } from "@/lib/paper-cache";

type Params = Promise<{ lang: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { alternates: paperAlternates(paperLocale((await params).lang), "/") };
}

export default async function FrontPage({ params }: { params: Params }) {
  const { lang } = await params;
  const settings = await readPaper.settings();
  const locale = paperLocale(lang);
  const latest = await readPaper.latestIssue();
  if (!latest) {
    return <p className="py-20 text-center">{getTranslator(locale)("paper.noIssueYet")}</p>;
  }
  const view = await readPaper.page(latest.date, 1);
  if (!view) notFound();
  return <PageView locale={locale} paperName={settings.paperName} view={view} />;
}
