// `/search?q=…&from=…&to=…`: full-text search over published stories, optionally within a range
// of issue dates. It reads the query string, so it is rendered per request: the layout's reads
// come from the cache and the search itself is one indexed query for the ordered ids (counted up
// to MAX_COUNT) and one for a page of their rows (lib/search.ts, docs/search.md).
import type { Metadata } from "next";

// Reads the query string: rendered per request (the layout's reads still come from the cache).
export const dynamic = "force-dynamic";

import Link from "next/link";
import { pageLabel } from "@/components/paper/page-navigator";
import { formatIssueDate } from "@/lib/dates";
import { getTranslator, type Locale } from "@/lib/i18n/locales";
import { paperAlternates, paperLocale, paperPath } from "@/lib/i18n/paper-locale";
import {
  type DateRange,
  MAX_COUNT,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  parseQuery,
  type SearchOutcome,
  searchStories,
} from "@/lib/search";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function localeOf(params: Props["params"]): Promise<Locale> {
  return paperLocale((await params).lang);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = getTranslator(locale);
  const { q, page, from, to } = await searchParams;
  const query = parseQuery(q);
  const range: DateRange = {
    from: typeof from === "string" && from ? from : null,
    to: typeof to === "string" && to ? to : null,
  };
  return {
    title: query.text ? t("search.resultsFor", { query: query.text }) : t("search.title"),
    robots: { index: false },
    alternates: paperAlternates(
      locale,
      query.text ? pageHref(query.text, range, Number(page) || 1) : "/search",
    ),
  };
}

function run(q: unknown, page: unknown, from: unknown, to: unknown): SearchOutcome | null {
  try {
    return searchStories({ q, page, from, to, now: new Date() });
  } catch (error) {
    console.error("search failed", error);
    return null;
  }
}

function pageHref(q: string, range: DateRange, page: number): string {
  const params = new URLSearchParams({ q });
  if (range.from) params.set("from", range.from);
  if (range.to) params.set("to", range.to);
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const t = getTranslator(locale);
  const { q, page, from, to } = await searchParams;
  const outcome = run(q, page, from, to);
  const text = outcome?.query.text ?? "";
  const range: DateRange = outcome?.range ?? { from: null, to: null };
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-4 text-3xl font-black">
        {text ? t("search.resultsFor", { query: text }) : t("search.title")}
      </h1>
      <search className="mb-6 block">
        <form action={paperPath(locale, "/search")} method="get" className="font-sans">
          <div className="flex gap-2">
            <label htmlFor="search-q" className="sr-only">
              {t("search.label")}
            </label>
            <input
              id="search-q"
              type="search"
              name="q"
              defaultValue={text}
              maxLength={MAX_QUERY_LENGTH * 2}
              placeholder={t("search.placeholder")}
              className="min-w-0 flex-1 border border-ink bg-white px-3 py-2"
            />
            <button type="submit" className="bg-ink px-4 py-2 text-white hover:bg-nameplate">
              {t("search.submit")}
            </button>
          </div>
          <fieldset className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <legend className="sr-only">{t("search.range")}</legend>
            <span aria-hidden="true" className="text-muted">
              {t("search.range")}
            </span>
            <label className="flex items-center gap-1">
              {t("search.from")}
              <input
                type="date"
                name="from"
                defaultValue={range.from ?? ""}
                className="border border-rule bg-white px-2 py-1"
              />
            </label>
            <label className="flex items-center gap-1">
              {t("search.to")}
              <input
                type="date"
                name="to"
                defaultValue={range.to ?? ""}
                className="border border-rule bg-white px-2 py-1"
              />
            </label>
          </fieldset>
        </form>
      </search>
      <div role="status" className="font-sans">
        {outcome === null ? (
          <p className="border-l-4 border-nameplate bg-white p-3">{t("search.unavailable")}</p>
        ) : outcome.kind === "empty" ? (
          <p className="text-muted">{t("search.prompt")}</p>
        ) : (
          <>
            {outcome.query.truncated ? (
              <p className="mb-2 border-l-4 border-nameplate bg-white p-3">
                {t("search.truncated", { max: MAX_QUERY_LENGTH, terms: MAX_TERMS })}
              </p>
            ) : null}
            {outcome.invalidRange ? (
              <p className="mb-2 border-l-4 border-nameplate bg-white p-3">
                {t("search.invalidRange")}
              </p>
            ) : null}
            {outcome.total > 0 ? (
              <p className="mb-2 text-sm text-muted">
                {outcome.moreThanTotal
                  ? t("search.countMore", { count: MAX_COUNT.toLocaleString(locale) })
                  : outcome.total === 1
                    ? t("search.countOne")
                    : t("search.count", { count: outcome.total.toLocaleString(locale) })}
              </p>
            ) : null}
            {outcome.hits.length === 0 ? (
              <p className="mt-4">
                {outcome.page > 1
                  ? t("search.noMore")
                  : t("search.noResults", { query: outcome.query.text })}
              </p>
            ) : null}
          </>
        )}
      </div>
      {outcome?.kind === "results" && outcome.hits.length > 0 ? (
        <>
          <ol className="mt-4 divide-y divide-rule" lang="zh-CN">
            {outcome.hits.map((hit) => (
              <li key={hit.id} className="py-4">
                <article aria-labelledby={`hit-${hit.id}`}>
                  <p className="font-sans text-sm text-muted" lang={locale}>
                    <Link
                      prefetch={false}
                      href={paperPath(locale, `/issues/${hit.date}/${hit.pageNumber}`)}
                      className="hover:underline"
                    >
                      <time dateTime={hit.date}>{formatIssueDate(hit.date, locale)}</time> ·{" "}
                      {pageLabel(locale, { number: hit.pageNumber, name: hit.pageName })}
                    </Link>
                  </p>
                  <h2 id={`hit-${hit.id}`} className="my-1 text-xl font-bold">
                    <Link
                      prefetch={false}
                      href={paperPath(locale, `/stories/${hit.id}`)}
                      className="hover:underline"
                      // Escaped by lib/search.ts, with <mark> around the terms.
                      // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped
                      dangerouslySetInnerHTML={{ __html: hit.headlineHtml }}
                    />
                  </h2>
                  <p
                    className="search-snippet leading-relaxed"
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped
                    dangerouslySetInnerHTML={{ __html: hit.snippetHtml }}
                  />
                </article>
              </li>
            ))}
          </ol>
          {outcome.page > 1 || outcome.hasNext ? (
            <nav
              aria-label={t("search.pagination")}
              className="mt-6 flex items-center justify-between font-sans"
            >
              {outcome.page > 1 ? (
                <Link
                  prefetch={false}
                  href={paperPath(locale, pageHref(text, range, outcome.page - 1))}
                  rel="prev"
                  className="underline"
                >
                  ← {t("search.previous")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-muted">{t("search.resultsPage", { page: outcome.page })}</span>
              {outcome.hasNext ? (
                <Link
                  prefetch={false}
                  href={paperPath(locale, pageHref(text, range, outcome.page + 1))}
                  rel="next"
                  className="underline"
                >
                  {t("search.next")} →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
