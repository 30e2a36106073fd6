// The public paper's language is in its URL: Chinese at `/…`, English at `/en/…` (docs/decisions.md,
// "The reader's language is in the URL"). Internally every reader page renders under
// app/(paper)/[lang] with lang = zh-CN | en; next.config.ts rewrites `/…` to `/zh-CN/…`.
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/lib/domain/locales";

/** The URL prefix of each language of the paper; the default language has none. */
export const PAPER_PREFIX: Record<Locale, string> = { "zh-CN": "", en: "/en" };

/** Cookie set once an old cookie-chosen English reader has been sent to `/en/…` (proxy.ts). */
export const PAPER_URL_MOVED_COOKIE = "masthead-paper-urls";

/** The language of the internal segment the page renders under. */
export function paperLocale(segment: string): Locale {
  return isLocale(segment) ? segment : DEFAULT_LOCALE;
}

/** A paper path (`/stories/5`, `/`, `/search?q=…`) in the given language's URL. */
export function paperPath(locale: Locale, path: string): string {
  const prefix = PAPER_PREFIX[locale];
  if (!prefix) return path;
  if (path === "/") return prefix;
  if (path.startsWith("/?")) return `${prefix}${path.slice(1)}`;
  return `${prefix}${path}`;
}

/**
 * The language-neutral path of a browser pathname: `/en/stories/5` → `/stories/5`, `/en` → `/`.
 * Internal segments (`/zh-CN/…`) are dropped too, in case a rewritten path is reported.
 */
export function neutralPath(pathname: string): string {
  for (const segment of ["en", "zh-CN"]) {
    if (pathname === `/${segment}`) return "/";
    if (pathname.startsWith(`/${segment}/`)) return pathname.slice(segment.length + 1);
  }
  return pathname || "/";
}

/**
 * Next metadata `alternates` for a paper path: the page's canonical URL in its own language and
 * an hreflang link to each language, x-default being the unprefixed (Chinese) URL. Relative
 * paths: the layout's metadataBase (SITE_URL) makes them absolute when it is set.
 */
export function paperAlternates(locale: Locale, path: string) {
  const languages: Record<string, string> = {};
  for (const each of LOCALES) languages[each] = paperPath(each, path);
  languages["x-default"] = paperPath(DEFAULT_LOCALE, path);
  return { canonical: paperPath(locale, path), languages };
}
