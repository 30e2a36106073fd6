// `/desk/inbox`: the viewer's notifications, newest first; opening it marks them read.
import type { Metadata } from "next";
import Link from "next/link";
import { MarkInboxRead } from "@/components/desk/mark-inbox-read";
import { formatDateTime } from "@/lib/dates";
import type { MessageKey } from "@/lib/i18n/dictionary";
import { getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { INBOX_PAGE_SIZE, type InboxItem, listNotifications } from "@/lib/notifications";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("inbox.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const KINDS = [
  "submitted",
  "waiting",
  "return",
  "approve",
  "spike",
  "comment",
  "reply",
  "new_device",
  "desk_moved",
] as const;

function pageOffset(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

const pageHref = (offset: number) => (offset > 0 ? `/desk/inbox?offset=${offset}` : "/desk/inbox");

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const { timezone } = getSettings();
  const offset = pageOffset((await searchParams).offset);
  const { items, hasMore } = listNotifications(viewer, { limit: INBOX_PAGE_SIZE, offset });

  const message = (item: InboxItem) => {
    // The publishing clock held an issue back: its note is the date.
    if (item.kind === "issue_held") return t("inbox.kinds.issue_held", { date: item.note ?? "" });
    const kind = (KINDS as readonly string[]).includes(item.kind) ? item.kind : "other";
    const text = t(`inbox.kinds.${kind}` as MessageKey, {
      actor: item.actorName ?? t("inbox.system"),
      headline: item.headline || t("inbox.untitled"),
    });
    return item.note ? t("inbox.withNote", { message: text, note: item.note }) : text;
  };
  const upToId = Math.max(0, ...items.filter((item) => !item.isRead).map((item) => item.id));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("inbox.title")}</h1>
        <p className="mt-1 text-muted">{t("inbox.intro")}</p>
      </div>
      {upToId > 0 ? <MarkInboxRead upToId={upToId} /> : null}
      {items.length === 0 ? (
        <p className="rounded-lg border border-rule bg-white p-6 text-muted">{t("inbox.empty")}</p>
      ) : (
        <ol className="divide-y divide-rule rounded-lg border border-rule bg-white">
          {items.map((item) => (
            <li
              key={item.id}
              data-testid={`notification-${item.id}`}
              data-unread={item.isRead ? undefined : "true"}
              className={`flex flex-wrap items-baseline justify-between gap-2 p-3 ${item.isRead ? "" : "bg-amber-50"}`}
            >
              <div className="min-w-0 flex-1">
                {item.isRead ? null : (
                  <span className="mr-2 rounded bg-nameplate px-1.5 text-xs font-bold text-white">
                    {t("inbox.new")}
                  </span>
                )}
                <span className="whitespace-pre-line" lang="zh-CN">
                  {message(item)}
                </span>
              </div>
              <div className="flex items-baseline gap-3 text-sm text-muted">
                <time dateTime={new Date(item.createdAt).toISOString()}>
                  {formatDateTime(new Date(item.createdAt), timezone, locale)}
                </time>
                {item.storyId ? (
                  <Link
                    href={`/desk/stories/${item.storyId}`}
                    className="text-accent hover:underline"
                  >
                    {t("inbox.openStory")}
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {offset > 0 || hasMore ? (
        <nav aria-label={t("inbox.pages")} className="flex justify-between text-sm">
          {offset > 0 ? (
            <Link
              href={pageHref(Math.max(offset - INBOX_PAGE_SIZE, 0))}
              className="text-accent hover:underline"
            >
              ← {t("inbox.newer")}
            </Link>
          ) : (
            <span />
          )}
          {hasMore ? (
            <Link href={pageHref(offset + INBOX_PAGE_SIZE)} className="text-accent hover:underline">
              {t("inbox.older")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
