// A story as it sits on a page: kicker, headline, subheadline, byline and its opening.
import Link from "next/link";
import type { ReactNode } from "react";
import { NewsByline, PhotoCredit } from "@/components/paper/byline";
import { StoryPhotoFigure } from "@/components/paper/story-photo";
import { formatPhotoCredit } from "@/lib/byline";
import { getTranslator, type Locale } from "@/lib/i18n/locales";
import { paperPath } from "@/lib/i18n/paper-locale";
import type { StoryCard as StoryCardData } from "@/lib/paper";

type Props = {
  locale: Locale;
  story: StoryCardData;
  /** The lead's photo is the page's largest paint and is loaded first. */
  priority?: boolean;
  /** Shown above the story in the desk's preview only (an embargo badge). */
  badge?: ReactNode;
};

export function StoryCard({ locale, story, priority = false, badge }: Props) {
  const t = getTranslator(locale);
  const isLead = story.slot === "lead";
  const isPhoto = story.kind === "photo" || story.slot === "photo";
  const headingId = `story-${story.id}`;
  const photo = story.photos[0];
  return (
    <article
      aria-labelledby={headingId}
      lang="zh-CN"
      className={`break-inside-avoid border-b border-rule pb-4 mb-4 ${isPhoto ? "bg-white/60 p-3 border" : ""}`}
    >
      {badge ? <p className="mb-1">{badge}</p> : null}
      {story.kicker ? <p className="text-sm text-muted">{story.kicker}</p> : null}
      <h3
        id={headingId}
        className={`font-black leading-snug ${isLead ? "text-3xl text-center my-2" : "text-xl my-1"}`}
      >
        <Link
          prefetch={false}
          href={paperPath(locale, `/stories/${story.id}`)}
          className="hover:text-nameplate hover:underline"
        >
          {story.headline}
        </Link>
      </h3>
      {story.subheadline ? (
        <p className={`font-bold text-muted ${isLead ? "text-center" : ""}`}>
          ——{story.subheadline}
        </p>
      ) : null}
      {photo ? (
        <StoryPhotoFigure
          photo={photo}
          fallbackAlt={t("reader.photoOf", { headline: story.headline })}
          sizes={isLead ? "(min-width: 1024px) 60rem, 100vw" : "(min-width: 768px) 30rem, 100vw"}
          priority={priority}
          fallbackCredit={isPhoto ? formatPhotoCredit(story.byline) : undefined}
          className="my-2"
        />
      ) : null}
      <p className={`mt-2 leading-relaxed ${isLead ? "text-lg" : "text-base"}`}>
        {isPhoto ? null : <NewsByline byline={story.byline} className="font-bold" />}
        {story.excerpt}
      </p>
      {isPhoto && !photo ? (
        <PhotoCredit byline={story.byline} className="mt-2 text-right text-sm" />
      ) : null}
    </article>
  );
}
