// The nameplate: paper name, the issue's date and number.
import { formatIssueDate } from "@/lib/dates";
import { getTranslator, type Locale } from "@/lib/i18n/locales";

type Props = {
  locale: Locale;
  paperName: string;
  issue: { date: string; number: number };
  /** The paper name is the page's h1 on page views; on a story page the headline is. */
  asHeading: boolean;
};

export function Masthead({ locale, paperName, issue, asHeading }: Props) {
  const t = getTranslator(locale);
  const Name = asHeading ? "h1" : "p";
  return (
    <div className="mb-4 border-b-4 border-double border-ink pb-3 text-center">
      <Name className="text-5xl font-black tracking-widest text-nameplate sm:text-6xl" lang="zh-CN">
        {paperName}
      </Name>
      <p className="mt-2 font-sans text-sm text-muted">
        <time dateTime={issue.date}>{formatIssueDate(issue.date, locale)}</time>
        <span className="mx-2" aria-hidden="true">
          ·
        </span>
        {t("paper.issueNumber", { number: issue.number })}
      </p>
    </div>
  );
}
