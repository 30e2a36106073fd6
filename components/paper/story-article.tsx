// A story as readers read it: kicker, headline, subheadline, photos with captions and credits,
// byline leading the first paragraph, body, dated corrections and the rest of the page.
import Link from "next/link";
import { PhotoCredit } from "@/components/paper/byline";
import { pageLabel } from "@/components/paper/page-navigator";
import { StoryPhotoFigure } from "@/components/paper/story-photo";
import { formatNewsByline, formatPhotoCredit } from "@/lib/byline";
import { formatDateTime, formatIssueDate } from "@/lib/dates";
import { getTranslator, type Locale } from "@/lib/i18n/locales";
import { paperPath } from "@/lib/i18n/paper-locale";
import type { StoryView } from "@/lib/paper";
import { escapeHtml } from "@/lib/render";

type Props = { locale: Locale; timezone: string; story: StoryView };

/** Print sets the byline at the head of the first paragraph: 本报讯（记者 边磊）昨天，… */
function withLeadingByline(bodyHtml: string, byline: string): string {
  if (!byline) return bodyHtml;
  const lead = `<strong class="byline">${escapeHtml(byline)}</strong>`;
  return bodyHtml.startsWith("<p>")
    ? `<p>${lead}${bodyHtml.slice(3)}`
    : `<p>${lead}</p>${bodyHtml}`;
}

export function StoryArticle({ locale, timezone, story }: Props) {
  const t = getTranslator(locale);
  const isPhoto = story.kind === "photo";
  const bodyHtml = isPhoto
    ? story.bodyHtml
    : withLeadingByline(story.bodyHtml, formatNewsByline(story.byline));
  const index = story.siblings.findIndex((s) => s.id === story.id);
  const previous = index > 0 ? story.siblings[index - 1] : undefined;
  const next = index >= 0 ? story.siblings[index + 1] : undefined;
  const pageHref = paperPath(locale, `/issues/${story.issue.date}/${story.page.number}`);
  // A photo story's credit is its byline; print sets it under the picture.
  const storyCredit = isPhoto ? formatPhotoCredit(story.byline) : undefined;
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_16rem]">
      <article lang="zh-CN" aria-labelledby="story-headline" className="mx-auto w-full max-w-3xl">
        <p className="mb-4 font-sans text-sm text-muted" lang={locale}>
          <Link prefetch={false} href={pageHref} className="hover:underline">
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
        {story.photos.map((photo, i) => (
          <StoryPhotoFigure
            key={photo.mediaId}
            photo={photo}
            fallbackAlt={t("reader.photoOf", { headline: story.headline })}
            sizes="(min-width: 768px) 48rem, 100vw"
            priority={i === 0}
            fallbackCredit={i === story.photos.length - 1 ? storyCredit : undefined}
            className="my-4"
          />
        ))}
        <div
          className="story-body mt-6 text-lg"
          // Rendered on the server from an allowlist of node and mark types (lib/render.ts).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by lib/render
          dangerouslySetInnerHTML={{ __html: bodyHtml }}
        />
        {isPhoto && story.photos.length === 0 ? (
          <PhotoCredit byline={story.byline} className="mt-2 text-right" />
        ) : null}
        {story.corrections.length > 0 ? (
          <section
            aria-labelledby="corrections-title"
            className="mt-8 border-l-4 border-nameplate bg-white p-4 font-sans text-sm"
            lang={locale}
          >
            <h2 id="corrections-title" className="mb-2 font-bold">
              {t("reader.corrections")}
            </h2>
            <ul className="space-y-2">
              {story.corrections.map((c) => (
                <li key={c.createdAt}>
                  <time dateTime={new Date(c.createdAt).toISOString()} className="font-bold">
                    {t("reader.correctedOn", {
                      date: formatDateTime(new Date(c.createdAt), timezone, locale),
                    })}
                  </time>
                  {locale === "zh-CN" ? "：" : ": "}
                  <span lang="zh-CN">{c.note}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <nav
          aria-label={t("reader.storyNavigation")}
          className="mt-10 grid grid-cols-[1fr_auto_1fr] gap-4 border-t border-rule pt-4 font-sans text-sm"
          lang={locale}
        >
          {previous ? (
            <Link
              prefetch={false}
              href={paperPath(locale, `/stories/${previous.id}`)}
              rel="prev"
              className="hover:underline"
            >
              <span className="block text-muted">← {t("reader.previousStory")}</span>
              <span lang="zh-CN">{previous.headline}</span>
            </Link>
          ) : (
            <span />
          )}
          <Link
            prefetch={false}
            href={pageHref}
            className="self-center whitespace-nowrap hover:underline"
          >
            {t("paper.backToPage")}
          </Link>
          {next ? (
            <Link
              prefetch={false}
              href={paperPath(locale, `/stories/${next.id}`)}
              rel="next"
              className="text-right hover:underline"
            >
              <span className="block text-muted">{t("reader.nextStory")} →</span>
              <span lang="zh-CN">{next.headline}</span>
            </Link>
          ) : (
            <span />
          )}
        </nav>
      </article>
      <aside
        aria-labelledby="page-stories-title"
        className="font-sans text-sm lg:border-l lg:border-rule lg:pl-4"
        lang={locale}
      >
        <h2 id="page-stories-title" className="mb-2 border-b border-rule pb-1 font-bold">
          {t("paper.storiesOnPage")}
        </h2>
        <ol className="list-decimal space-y-1 pl-5" lang="zh-CN">
          {story.siblings.map((s) => (
            <li key={s.id}>
              {s.id === story.id ? (
                <span aria-current="page" className="font-bold text-nameplate">
                  {s.headline}
                </span>
              ) : (
                <Link
                  prefetch={false}
                  href={paperPath(locale, `/stories/${s.id}`)}
                  className="hover:underline"
                >
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
