// Which languages the UI speaks, and how a request's language is chosen.
import type { Dictionary } from "./dictionary";
import { translator } from "./dictionary";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "masthead-locale";

const DICTIONARIES: Record<Locale, Dictionary> = { "zh-CN": zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function getDictionary(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

export function getTranslator(locale: Locale) {
  return translator(locale, DICTIONARIES[locale]);
}

export function otherLocale(locale: Locale): Locale {
  return locale === "zh-CN" ? "en" : "zh-CN";
}
