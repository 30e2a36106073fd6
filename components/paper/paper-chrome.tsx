// The frame around every public page: skip link, language switch, newsroom link, footer.
import Link from "next/link";
import type { ReactNode } from "react";
import { PaperLanguageSwitch } from "@/components/paper/paper-language-switch";
import { getTranslator, type Locale, otherLocale } from "@/lib/i18n/locales";
import { paperPath } from "@/lib/i18n/paper-locale";

type Props = { locale: Locale; paperName: string; children: ReactNode };

export function PaperChrome({ locale, paperName, children }: Props) {
  const t = getTranslator(locale);
  const here = (path: string) => paperPath(locale, path);
  return (
    <div className="min-h-screen bg-paper text-ink font-serif">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("common.skipToContent")}
      </a>
      <header className="border-b border-rule bg-white/70">
        <nav
          aria-label={t("paper.home")}
          className="mx-auto flex max-w-6xl items-center justify-between px-4 py-2 font-sans text-sm"
        >
          <Link prefetch={false} href={here("/")} className="font-semibold hover:underline">
            {paperName}
          </Link>
          <div className="flex flex-wrap items-center justify-end gap-x-4 gap-y-1">
            <Link prefetch={false} href={here("/archive")} className="hover:underline">
              {t("reader.archive")}
            </Link>
            <Link prefetch={false} href={here("/search")} className="hover:underline">
              {t("reader.search")}
            </Link>
            <PaperLanguageSwitch
              label={t("meta.switchLabel")}
              switchTo={t("meta.switchTo")}
              targetLocale={otherLocale(locale)}
              className="hover:underline"
            />
            {/* A plain link: readers never prefetch the newsroom. */}
            <a href="/desk" className="text-muted hover:underline">
              {t("paper.newsroom")}
            </a>
          </div>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-rule py-6 text-center font-sans text-xs text-muted">
        <p>
          © {paperName}
          <span className="mx-2" aria-hidden="true">
            ·
          </span>
          <a href={here("/feed.xml")} type="application/rss+xml" className="underline">
            {t("reader.feed")}
          </a>
        </p>
      </footer>
    </div>
  );
}
