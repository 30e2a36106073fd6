"use client";
// The language of the page for client components, so they format messages (plurals, numbers)
// in it: `const format = useFormat(); format(messages.x, { count })`.
import { createContext, type ReactNode, use, useMemo } from "react";
import type { Locale } from "@/lib/domain/locales";
import { type Format, formatter } from "@/lib/i18n/dictionary";

const LocaleContext = createContext<Locale | null>(null);

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

export function useLocale(): Locale {
  const locale = use(LocaleContext);
  if (!locale) throw new Error("useLocale outside LocaleProvider");
  return locale;
}

/** Formats a message of the dictionary in the page's language. */
export function useFormat(): Format {
  const locale = useLocale();
  return useMemo(() => formatter(locale), [locale]);
}
