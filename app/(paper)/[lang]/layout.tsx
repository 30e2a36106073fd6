// Root layout of the public paper. Rendered once per language and cached; it reads no session.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../../globals.css";
import { PaperChrome } from "@/components/paper/paper-chrome";
import { getTranslator } from "@/lib/i18n/locales";
import { resolvePaperLocale } from "@/lib/i18n/paper-locale";
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
  const t = getTranslator(resolvePaperLocale(lang, settings.defaultLocale));
  return {
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
  const locale = resolvePaperLocale(lang, settings.defaultLocale);
  return (
    <html lang={locale}>
      <head>
        <link
          rel="alternate"
          type="application/rss+xml"
          title={settings.paperName}
          href="/feed.xml"
        />
      </head>
      <body>
        <PaperChrome locale={locale} paperName={settings.paperName}>
          {children}
        </PaperChrome>
      </body>
    </html>
  );
}
