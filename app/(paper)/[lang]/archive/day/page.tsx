// `/archive/day?date=…`: the date form's answer. The issue of that day, or a clear message
// with the nearest issues. Reads the query string, so it is rendered per request (cheaply:
// three indexed lookups).
import type { Metadata } from "next";

// Reads the query string: rendered per request (the layout's reads still come from the cache).
export const dynamic = "force-dynamic";

import Link from "next/link";
import { redirect } from "next/navigation";
import { DateJumpForm } from "@/components/paper/archive-calendar";
import { formatIssueDate, isIssueDate } from "@/lib/dates";
import { getTranslator } from "@/lib/i18n/locales";
import { paperAlternates, paperLocale, paperPath } from "@/lib/i18n/paper-locale";
import { findIssueNear } from "@/lib/paper";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = paperLocale((await params).lang);
  const raw = (await searchParams).date;
  const query = typeof raw === "string" ? `?${new URLSearchParams({ date: raw })}` : "";
  return { robots: { index: false }, alternates: paperAlternates(locale, `/archive/day${query}`) };
}

export default async function ArchiveDayPage({ params, searchParams }: Props) {
  const { lang } = await params;
  const raw = (await searchParams).date;
  const date = typeof raw === "string" ? raw.trim().slice(0, 20) : "";
  const locale = paperLocale(lang);
  const t = getTranslator(locale);
  const valid = isIssueDate(date);
  const near = valid ? findIssueNear(date) : null;
  if (near?.issue) redirect(paperPath(locale, `/issues/${date}`));
  const around = near ? [...near.before, ...near.after] : [];
  return (
    <>
      <h1 className="mb-4 text-3xl font-black">{t("archive.jumpTitle")}</h1>
      <p role="status" className="mb-6 border-l-4 border-nameplate bg-white p-4 font-sans">
        {valid
          ? t("archive.noIssueOn", { date: formatIssueDate(date, locale) })
          : t("archive.invalidDate")}
      </p>
      {around.length > 0 ? (
        <section aria-labelledby="nearest-title" className="mb-6 font-sans">
          <h2 id="nearest-title" className="mb-2 font-bold">
            {t("archive.nearest")}
          </h2>
          <ul className="space-y-1">
            {around.map((issue) => (
              <li key={issue.date}>
                <Link
                  prefetch={false}
                  href={paperPath(locale, `/issues/${issue.date}`)}
                  className="text-accent underline"
                >
                  {t("archive.issueLink", {
                    date: formatIssueDate(issue.date, locale),
                    number: issue.number,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DateJumpForm locale={locale} defaultValue={valid ? date : undefined} />
      <p className="font-sans">
        <Link
          prefetch={false}
          href={paperPath(locale, "/archive")}
          className="text-accent underline"
        >
          {t("archive.backToArchive")}
        </Link>
      </p>
    </>
  );
}
