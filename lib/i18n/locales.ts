// Which languages the UI speaks, and how a request's language is chosen.

import type { Locale } from "../domain/locales";
import type { Dictionary } from "./dictionary";
import { translator } from "./dictionary";
import { en } from "./en";
import { zhCN } from "./zh-CN";

// The list itself is pure vocabulary (lib/domain/locales.ts); it is re-exported here for the
// modules that also need a dictionary.
export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../domain/locales";

export const LOCALE_COOKIE = "masthead-locale";

const DICTIONARIES: Record<Locale, Dictionary> = { "zh-CN": zhCN, en };

export function getDictionary(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

export function getTranslator(locale: Locale) {
  return translator(DICTIONARIES[locale]);
}

export function otherLocale(locale: Locale): Locale {
  return locale === "zh-CN" ? "en" : "zh-CN";
}
