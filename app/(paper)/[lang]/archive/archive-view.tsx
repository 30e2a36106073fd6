// The archive of one year: shared by /archive (the latest year) and /archive/<year>.
import { notFound } from "next/navigation";
import { ArchiveCalendar, DateJumpForm } from "@/components/paper/archive-calendar";
import { getTranslator } from "@/lib/i18n/locales";
import { paperLocale } from "@/lib/i18n/paper-locale";
import { readPaper } from "@/lib/paper-cache";

export async function ArchiveView({ lang, year }: { lang: string; year: number | null }) {
  const locale = paperLocale(lang);
  const t = getTranslator(locale);
  const years = await readPaper.archiveYears();
  const shown = year ?? years[0]?.year ?? null;
  if (year !== null && !years.some((y) => y.year === year)) notFound();
  return (
    <>
      <h1 className="mb-2 text-3xl font-black">{t("archive.title")}</h1>
      <p className="mb-6 font-sans text-muted">{t("archive.intro")}</p>
      <DateJumpForm locale={locale} />
      {shown === null ? (
        <p>{t("archive.noIssues")}</p>
      ) : (
        <ArchiveCalendar
          locale={locale}
          year={shown}
          years={years}
          issues={await readPaper.issuesOfYear(shown)}
        />
      )}
    </>
  );
}
