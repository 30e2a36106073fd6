// `/archive/<year>`: one year of issues as calendars.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/locales";
import { paperAlternates, paperLocale } from "@/lib/i18n/paper-locale";
import { ArchiveView } from "../archive-view";

type Params = Promise<{ lang: string; year: string }>;

export function generateStaticParams(): { year: string }[] {
  return [];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, year } = await params;
  const locale = paperLocale(lang);
  const t = getTranslator(locale);
  return {
    title: `${t("archive.title")} ${year}`,
    alternates: paperAlternates(locale, `/archive/${year}`),
  };
}

export default async function ArchiveYearPage({ params }: { params: Params }) {
  const { lang, year } = await params;
  if (!/^\d{4}$/.test(year)) notFound();
  return <ArchiveView lang={lang} year={Number(year)} />;
}
