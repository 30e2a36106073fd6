// `/archive`: the latest year of issues as calendars, and a form to go to any date.
import type { Metadata } from "next";
import { getTranslator } from "@/lib/i18n/locales";
import { paperAlternates, paperLocale } from "@/lib/i18n/paper-locale";
import { ArchiveView } from "./archive-view";

type Params = Promise<{ lang: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang } = await params;
  const locale = paperLocale(lang);
  return {
    title: getTranslator(locale)("archive.title"),
    alternates: paperAlternates(locale, "/archive"),
  };
}

export default async function ArchivePage({ params }: { params: Params }) {
  const { lang } = await params;
  return <ArchiveView lang={lang} year={null} />;
}
