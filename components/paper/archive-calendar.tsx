// 往期回顾: a year of issues as month calendars (weeks start on Monday, as Chinese calendars
// do), every published issue a link, and the years around it.
import Link from "next/link";
import { formatIssueDate } from "@/lib/dates";
import { getTranslator, type Locale } from "@/lib/i18n/locales";
import { paperPath } from "@/lib/i18n/paper-locale";
import type { IssueSummary } from "@/lib/paper";

type Props = {
  locale: Locale;
  year: number;
  years: { year: number; count: number }[];
  issues: IssueSummary[];
};

const intl = (locale: Locale) => (locale === "zh-CN" ? "zh-CN" : "en-GB");

function weekdayNames(locale: Locale): { short: string; long: string }[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + i));
    const format = (weekday: "narrow" | "long") =>
      new Intl.DateTimeFormat(intl(locale), { timeZone: "UTC", weekday }).format(day);
    return { short: format("narrow"), long: format("long") };
  });
}

function monthName(locale: Locale, year: number, month: number): string {
  return new Intl.DateTimeFormat(intl(locale), {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
  }).format(new Date(Date.UTC(year, month, 1)));
}

type Cell = { key: string; day: number | null };

/** The weeks of a month as rows of seven cells (day null outside the month). */
function weeksOf(year: number, month: number): Cell[][] {
  const first = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: Cell[] = [
    ...Array.from({ length: first }, (_, i) => ({ key: `before-${i}`, day: null })),
    ...Array.from({ length: days }, (_, i) => ({ key: `day-${i + 1}`, day: i + 1 })),
  ];
  while (cells.length % 7 !== 0) cells.push({ key: `after-${cells.length}`, day: null });
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

export function ArchiveCalendar({ locale, year, years, issues }: Props) {
  const t = getTranslator(locale);
  const byDate = new Map(issues.map((i) => [i.date, i]));
  const months = [...new Set(issues.map((i) => Number(i.date.slice(5, 7)) - 1))].sort(
    (a, b) => b - a,
  );
  const weekdays = weekdayNames(locale);
  const count = years.find((y) => y.year === year)?.count ?? 0;
  return (
    <>
      <nav aria-labelledby="archive-years" className="mb-6 font-sans text-sm">
        <h2 id="archive-years" className="sr-only">
          {t("archive.years")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {years.map((y) => (
            <li key={y.year}>
              <Link
                prefetch={false}
                href={paperPath(locale, `/archive/${y.year}`)}
                aria-current={y.year === year ? "page" : undefined}
                className={`inline-block border px-3 py-1 ${
                  y.year === year
                    ? "border-nameplate bg-nameplate font-bold text-white"
                    : "border-rule hover:underline"
                }`}
              >
                {y.year}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="mb-4 font-sans text-lg font-bold">
        {t("archive.issueCount", { year, count })}
      </h2>
      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {months.map((month) => (
          <table key={month} className="w-full table-fixed border-collapse font-sans text-sm">
            <caption className="mb-1 text-left font-bold">{monthName(locale, year, month)}</caption>
            <thead>
              <tr>
                {weekdays.map((d) => (
                  <th key={d.long} scope="col" className="py-1 font-normal text-muted">
                    <abbr title={d.long} className="no-underline">
                      {d.short}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(year, month).map((week) => (
                <tr key={week[0]?.key}>
                  {week.map(({ key, day }) => {
                    if (day === null) return <td key={key} />;
                    const date = `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
                    const issue = byDate.get(date);
                    return (
                      <td key={date} className="p-0.5 text-center">
                        {issue ? (
                          <Link
                            prefetch={false}
                            href={paperPath(locale, `/issues/${date}`)}
                            aria-label={t("archive.issueLink", {
                              date: formatIssueDate(date, locale),
                              number: issue.number,
                            })}
                            className="block rounded bg-nameplate py-1 font-bold text-white hover:underline"
                          >
                            {day}
                          </Link>
                        ) : (
                          <span className="block py-1 text-muted">{day}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </>
  );
}

export function DateJumpForm({ locale, defaultValue }: { locale: Locale; defaultValue?: string }) {
  const t = getTranslator(locale);
  return (
    <form
      action={paperPath(locale, "/archive/day")}
      method="get"
      className="mb-6 flex flex-wrap items-end gap-3 border border-rule bg-white/60 p-4 font-sans"
      aria-labelledby="jump-title"
    >
      <h2 id="jump-title" className="w-full font-bold">
        {t("archive.jumpTitle")}
      </h2>
      <label className="flex flex-col gap-1 text-sm">
        {t("archive.dateLabel")}
        <input
          type="date"
          name="date"
          required
          defaultValue={defaultValue}
          className="border border-ink bg-white px-2 py-1"
        />
      </label>
      <button type="submit" className="bg-ink px-4 py-1.5 text-white hover:bg-nameplate">
        {t("archive.go")}
      </button>
    </form>
  );
}
