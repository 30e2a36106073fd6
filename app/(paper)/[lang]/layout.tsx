// Root layout of the public paper. Rendered once per language and cached; it reads no session.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../../globals.css";
import { PaperChrome } from "@/components/paper/paper-chrome";
import { PaperErrorText } from "@/components/paper/paper-error-text";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/locales";
import { paperLocale, paperPath } from "@/lib/i18n/paper-locale";
import { readPaper } from "@/lib/paper-cache";

export function generateStaticParams(): { lang: string }[] {
  return []; // rendered on first request, then served from the cache
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ lang: string }>;
}): Promise<Metadata> {
  const { lang } = await params;
  const settings = await readPaper.settings();
  const t = getTranslator(paperLocale(lang));
  const site = env.siteUrl;
  return {
    // Canonical and hreflang URLs (set per page) are absolute when the site's address is known.
    ...(site ? { metadataBase: new URL(site) } : {}),
    title: { default: settings.paperName, template: `%s · ${settings.paperName}` },
    description: t("feed.description", { paper: settings.paperName }),
  };
}

export default async function PaperLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ lang: string }>;
}) {
  const { lang } = await params;
  const settings = await readPaper.settings();
  const locale = paperLocale(lang);
  const t = getTranslator(locale);
  return (
    <html lang={locale}>
      <head>
        <link
          rel="alternate"
          type="application/rss+xml"
          title={settings.paperName}
          href={paperPath(locale, "/feed.xml")}
        />
      </head>
      <body>
        <PaperChrome locale={locale} paperName={settings.paperName}>
          <PaperErrorText
            value={{
              title: t("desk.errorTitle"),
              body: t("errors.internal"),
              retry: t("desk.retry"),
            }}
          >
            {children}
          </PaperErrorText>
        </PaperChrome>
      </body>
    </html>
  );
}
