// `/desk/media`: the photo library. Upload, search, and fix captions and credits.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { MediaLibrary } from "@/components/desk/media-library";
import { formatMessage } from "@/lib/i18n/dictionary";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { listMediaForDesk } from "@/lib/media";
import { ListMediaInput } from "@/lib/media-input";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/lib/session";

const PAGE_SIZE = 24;

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("media.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function href(q: string, offset: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (offset > 0) params.set("offset", String(offset));
  const query = params.toString();
  return query ? `/desk/media?${query}` : "/desk/media";
}

export default async function MediaPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer, "story:create")) forbidden();
  const locale = await getRequestLocale();
  const dictionary = getDictionary(locale);
  const m = dictionary.media;
  const raw = await searchParams;
  const parsed = ListMediaInput.safeParse({ q: first(raw.q), offset: first(raw.offset) });
  const q = parsed.success ? (parsed.data.q ?? "") : "";
  const offset = parsed.success ? (parsed.data.offset ?? 0) : 0;
  const rows = listMediaForDesk(viewer, { q, offset, limit: PAGE_SIZE + 1 });
  const items = rows.slice(0, PAGE_SIZE);
  const hasOlder = rows.length > PAGE_SIZE;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{m.title}</h1>
      <MediaLibrary items={items} messages={{ media: m, errors: dictionary.errors }}>
        <search>
          <form action="/desk/media" method="get" className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="media-search" className="block text-sm">
                {m.searchLabel}
              </label>
              <input
                id="media-search"
                name="q"
                type="search"
                defaultValue={q}
                maxLength={100}
                className="w-72 rounded border border-rule px-2 py-1"
              />
            </div>
            <button type="submit" className="rounded border border-rule px-3 py-1">
              {m.search}
            </button>
            {q ? (
              <Link href="/desk/media" className="py-1 text-accent hover:underline">
                {m.clearSearch}
              </Link>
            ) : null}
          </form>
        </search>
        {q ? <h2 className="font-bold">{formatMessage(locale, m.resultsFor, { q })}</h2> : null}
      </MediaLibrary>
      {offset > 0 || hasOlder ? (
        <nav aria-label={m.pages} className="flex justify-between text-sm">
          {offset > 0 ? (
            <Link href={href(q, Math.max(offset - PAGE_SIZE, 0))} className="text-accent">
              ← {m.newer}
            </Link>
          ) : (
            <span />
          )}
          {hasOlder ? (
            <Link href={href(q, offset + PAGE_SIZE)} className="text-accent">
              {m.older} →
            </Link>
          ) : null}
        </nav>
      ) : null}
      {items.length === 0 ? <p className="text-gray-600">{q ? m.noResults : m.empty}</p> : null}
    </div>
  );
}
