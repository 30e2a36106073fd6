// `/archive`: the latest year of issues as calendars, and a form to go to any date.
import type { Metadata } from "next";
import { getTranslator } from "@/lib/i18n/locales";
import { resolvePaperLocale } from "@/lib/i18n/paper-locale";
import { readPaper } from "@/lib/paper-cache";
import { ArchiveView } from "./archive-view";

type Params = Promise<{ lang: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang } = await params;
  const settings = await readPaper.settings();
  return {
    title: getTranslator(resolvePaperLocale(lang, settings.defaultLocale))("archive.title"),
  };
}

export default async function ArchivePage({ params }: { params: Params }) {
  const { lang } = await params;
  return <ArchiveView lang={lang} year={null} />;
}
