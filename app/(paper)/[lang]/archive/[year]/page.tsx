// `/archive/<year>`: one year of issues as calendars.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/locales";
import { resolvePaperLocale } from "@/lib/i18n/paper-locale";
import { readPaper } from "@/lib/paper-cache";
import { ArchiveView } from "../archive-view";

type Params = Promise<{ lang: string; year: string }>;

export function generateStaticParams(): { year: string }[] {
  return [];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, year } = await params;
  const settings = await readPaper.settings();
  const t = getTranslator(resolvePaperLocale(lang, settings.defaultLocale));
  return { title: `${t("archive.title")} ${year}` };
}

export default async function ArchiveYearPage({ params }: { params: Params }) {
  const { lang, year } = await params;
  if (!/^\d{4}$/.test(year)) notFound();
  return <ArchiveView lang={lang} year={Number(year)} />;
}
