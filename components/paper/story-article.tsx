// A story as readers read it: kicker, headline, subheadline, byline leading the first
// paragraph (a photo story's credit under it), body, corrections and the rest of the page.
import Link from "next/link";
import { PhotoCredit } from "@/components/paper/byline";
import { pageLabel } from "@/components/paper/page-navigator";
import { formatNewsByline } from "@/lib/byline";
import { formatIssueDate } from "@/lib/dates";
import { getTranslator, type Locale } from "@/lib/i18n/locales";
import type { StoryView } from "@/lib/paper";
import { escapeHtml } from "@/lib/render";

type Props = { locale: Locale; story: StoryView };

/** Print sets the byline at the head of the first paragraph: 本报讯（记者 边磊）昨天，… */
function withLeadingByline(bodyHtml: string, byline: string): string {
  if (!byline) return bodyHtml;
  const lead = `<strong class="byline">${escapeHtml(byline)}</strong>`;
  return bodyHtml.startsWith("<p>")
    ? `<p>${lead}${bodyHtml.slice(3)}`
    : `<p>${lead}</p>${bodyHtml}`;
}

export function StoryArticle({ locale, story }: Props) {
  const t = getTranslator(locale);
  const isPhoto = story.kind === "photo";
  const bodyHtml = isPhoto
    ? story.bodyHtml
    : withLeadingByline(story.bodyHtml, formatNewsByline(story.byline));
  const index = story.siblings.findIndex((s) => s.id === story.id);
  const previous = index > 0 ? story.siblings[index - 1] : undefined;
  const next = index >= 0 ? story.siblings[index + 1] : undefined;
  const pageHref = `/issues/${story.issue.date}/${story.page.number}`;
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_16rem]">
      <article lang="zh-CN" aria-labelledby="story-headline" className="mx-auto w-full max-w-3xl">
        <p className="mb-4 font-sans text-sm text-muted" lang={locale}>
          <Link href={pageHref} className="hover:underline">
            {formatIssueDate(story.issue.date, locale)} · {pageLabel(locale, story.page)}
          </Link>
        </p>
        {story.kicker ? <p className="text-center text-lg">{story.kicker}</p> : null}
        <h1
          id="story-headline"
          className="my-3 text-center text-3xl font-black leading-snug sm:text-4xl"
        >
          {story.headline}
        </h1>
        {story.subheadline ? (
          <p className="mb-4 text-center text-xl font-bold text-muted">——{story.subheadline}</p>
        ) : null}
        <div
          className="story-body mt-6 text-lg"
          // Rendered on the server from an allowlist of node and mark types (lib/render.ts).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by lib/render
          dangerouslySetInnerHTML={{ __html: bodyHtml }}
        />
        {isPhoto ? <PhotoCredit byline={story.byline} className="mt-2 text-right" /> : null}
        {story.corrections.length > 0 ? (
          <aside
            className="mt-8 border-l-4 border-nameplate bg-white p-4 font-sans text-sm"
            lang={locale}
          >
            <ul className="space-y-1">
              {story.corrections.map((c) => (
                <li key={c.createdAt}>{c.note}</li>
              ))}
            </ul>
          </aside>
        ) : null}
        <nav
          aria-label={t("paper.storiesOnPage")}
          className="mt-10 flex justify-between gap-4 border-t border-rule pt-4 font-sans text-sm"
          lang={locale}
        >
          {previous ? (
            <Link href={`/stories/${previous.id}`} rel="prev" className="hover:underline">
              ← <span lang="zh-CN">{previous.headline}</span>
            </Link>
          ) : (
            <span />
          )}
          <Link href={pageHref} className="whitespace-nowrap hover:underline">
            {t("paper.backToPage")}
          </Link>
          {next ? (
            <Link href={`/stories/${next.id}`} rel="next" className="text-right hover:underline">
              <span lang="zh-CN">{next.headline}</span> →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      </article>
      <aside className="font-sans text-sm lg:border-l lg:border-rule lg:pl-4" lang={locale}>
        <h2 className="mb-2 border-b border-rule pb-1 font-bold">{t("paper.storiesOnPage")}</h2>
        <ol className="list-decimal space-y-1 pl-5" lang="zh-CN">
          {story.siblings.map((s) => (
            <li key={s.id}>
              {s.id === story.id ? (
                <span aria-current="page" className="font-bold text-nameplate">
                  {s.headline}
                </span>
              ) : (
                <Link href={`/stories/${s.id}`} className="hover:underline">
                  {s.headline}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
