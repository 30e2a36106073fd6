// Root layout of the newsroom (sign-in and desk): rendered per request, in the user's language.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../globals.css";
import { LocaleProvider } from "@/components/ui/locale-provider";
import { getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = getTranslator(await getRequestLocale());
  return {
    title: { default: t("common.appName"), template: `%s · ${t("common.appName")}` },
    robots: { index: false },
  };
}

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const locale = await getRequestLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-desk font-sans text-ink">
        <LocaleProvider locale={locale}>{children}</LocaleProvider>
      </body>
    </html>
  );
}
