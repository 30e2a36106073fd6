// The public paper renders under an internal language segment chosen by the proxy.
import { isLocale, type Locale } from "@/lib/domain/locales";

/** "default" (no cookie) means the paper's own default language. */
export function resolvePaperLocale(segment: string, paperDefault: Locale): Locale {
  return isLocale(segment) ? segment : paperDefault;
}
