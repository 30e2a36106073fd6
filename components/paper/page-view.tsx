// A page of the paper laid out like print: the lead across the top, the rest in columns,
// and beside it the page navigation and the page's headlines.
import Link from "next/link";
import type { ReactNode } from "react";
import { Masthead } from "@/components/paper/masthead";
import { PageNavigator, pageLabel } from "@/components/paper/page-navigator";
import { StoryCard } from "@/components/paper/story-card";
import { getTranslator, type Locale } from "@/lib/i18n/locales";
import { paperPath } from "@/lib/i18n/paper-locale";
import type { PageView as PageViewData } from "@/lib/paper";

type Props = {
  locale: Locale;
  paperName: string;
  view: PageViewData;
  /** False inside the desk's preview, where the desk page has its own h1. */
  nameAsHeading?: boolean;
  /** The desk's preview marks stories (embargo badges); readers' pages pass none. */
  badges?: Record<number, ReactNode>;
};

export function PageView({ locale, paperName, view, nameAsHeading = true, badges }: Props) {
  const t = getTranslator(locale);
  const lead = view.stories.filter((s) => s.slot === "lead");
  const side = view.stories.filter((s) => s.slot === "side");
  const body = view.stories.filter((s) => s.slot === "main" || s.slot === "photo");
  return (
    <>
      <Masthead
        locale={locale}
        paperName={paperName}
        issue={view.issue}
        asHeading={nameAsHeading}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
        <section aria-labelledby="page-title">
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-ink pb-2">
            <h2 id="page-title" className="font-sans text-lg font-bold">
              {pageLabel(locale, view.page)}
            </h2>
            {view.page.banner ? (
              <p className="text-lg font-bold text-nameplate" lang="zh-CN">
                {view.page.banner}
              </p>
            ) : null}
          </div>
          {lead.map((story, index) => (
            <StoryCard
              key={story.id}
              locale={locale}
              story={story}
              priority={index === 0}
              badge={badges?.[story.id]}
            />
          ))}
          <div className={side.length > 0 ? "grid gap-6 md:grid-cols-[1fr_14rem]" : ""}>
            <div
              className={`md:columns-2 md:gap-6 md:[column-rule:1px_solid_var(--color-rule)] ${side.length > 0 ? "" : "xl:columns-3"}`}
            >
              {body.map((story) => (
                <StoryCard
                  key={story.id}
                  locale={locale}
                  story={story}
                  badge={badges?.[story.id]}
                />
              ))}
            </div>
            {side.length > 0 ? (
              <div>
                {side.map((story) => (
                  <StoryCard
                    key={story.id}
                    locale={locale}
                    story={story}
                    badge={badges?.[story.id]}
                  />
                ))}
              </div>
            ) : null}
          </div>
        </section>
        <aside className="space-y-6 lg:border-l lg:border-rule lg:pl-4">
          <PageNavigator
            locale={locale}
            date={view.issue.date}
            pages={view.pages}
            current={view.page.number}
          />
          <nav aria-labelledby="headline-nav-title" className="font-sans text-sm">
            <h2 id="headline-nav-title" className="mb-2 border-b border-rule pb-1 font-bold">
              {t("paper.headlineNavigation")}
            </h2>
            <ol className="list-decimal space-y-1 pl-5" lang="zh-CN">
              {view.stories.map((story) => (
                <li key={story.id}>
                  <Link
                    prefetch={false}
                    href={paperPath(locale, `/stories/${story.id}`)}
                    className="hover:underline"
                  >
                    {story.headline}
                  </Link>
                </li>
              ))}
            </ol>
          </nav>
        </aside>
      </div>
    </>
  );
}
