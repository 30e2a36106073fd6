// The languages the UI speaks, as values: no dictionary is imported here, so the schema (the
// paper's default language) and the browser can read the list without the 650-line tables.

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
