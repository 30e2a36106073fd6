// 版面导航: every page of the issue, and the previous and next page.
import Link from "next/link";
import { getTranslator, type Locale } from "@/lib/i18n/locales";
import { paperPath } from "@/lib/i18n/paper-locale";
import type { PageSummary } from "@/lib/paper";

type Props = { locale: Locale; date: string; pages: PageSummary[]; current: number };

export function pageLabel(locale: Locale, page: Pick<PageSummary, "number" | "name">): string {
  return getTranslator(locale)("paper.pageLabel", {
    number: String(page.number).padStart(2, "0"),
    name: page.name,
  });
}

export function PageNavigator({ locale, date, pages, current }: Props) {
  const t = getTranslator(locale);
  const index = pages.findIndex((p) => p.number === current);
  const previous = index > 0 ? pages[index - 1] : undefined;
  const next = index >= 0 && index < pages.length - 1 ? pages[index + 1] : undefined;
  return (
    <nav aria-labelledby="page-nav-title" className="font-sans text-sm">
      <h2 id="page-nav-title" className="mb-2 border-b border-rule pb-1 font-bold">
        {t("paper.pageNavigation")}
      </h2>
      <ol className="space-y-1">
        {pages.map((page) => (
          <li key={page.number}>
            <Link
              prefetch={false}
              href={paperPath(locale, `/issues/${date}/${page.number}`)}
              aria-current={page.number === current ? "page" : undefined}
              className={page.number === current ? "font-bold text-nameplate" : "hover:underline"}
            >
              {pageLabel(locale, page)}
            </Link>
          </li>
        ))}
      </ol>
      <div className="mt-3 flex justify-between gap-2">
        {previous ? (
          <Link
            prefetch={false}
            href={paperPath(locale, `/issues/${date}/${previous.number}`)}
            rel="prev"
            className="hover:underline"
          >
            ← {t("paper.previousPage")}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link
            prefetch={false}
            href={paperPath(locale, `/issues/${date}/${next.number}`)}
            rel="next"
            className="hover:underline"
          >
            {t("paper.nextPage")} →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
