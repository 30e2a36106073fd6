// `/stories/<id>`: one published story.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryArticle } from "@/components/paper/story-article";
import { photoSources } from "@/components/paper/story-photo";
import { bylineNames } from "@/lib/byline";
import { env } from "@/lib/env";
import { paperAlternates, paperLocale, paperPath } from "@/lib/i18n/paper-locale";
import { readPaper } from "@/lib/paper-cache";

type Params = Promise<{ lang: string; id: string }>;

export function generateStaticParams(): { id: string }[] {
  return [];
}

async function load(params: Params) {
  const { lang, id } = await params;
  if (!/^\d{1,12}$/.test(id)) return null;
  const settings = await readPaper.settings();
  const story = await readPaper.story(Number(id));
  if (!story) return null;
  return { locale: paperLocale(lang), settings, story };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const loaded = await load(params);
  if (!loaded) return {};
  const { story, settings, locale } = loaded;
  const site = env.siteUrl;
  const alternates = paperAlternates(locale, `/stories/${story.id}`);
  const photo = story.photos[0];
  return {
    title: story.headline,
    description: story.description,
    alternates,
    openGraph: {
      type: "article",
      title: story.headline,
      description: story.description,
      siteName: settings.paperName,
      locale: locale === "en" ? "en_GB" : "zh_CN",
      ...(site ? { url: `${site}${alternates.canonical}` } : {}),
      ...(site && photo ? { images: [`${site}${photoSources(photo).src}`] } : {}),
      publishedTime: story.publishedAt ? new Date(story.publishedAt).toISOString() : undefined,
      authors: bylineNames(story.byline),
    },
  };
}

export default async function StoryPage({ params }: { params: Params }) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { story, settings, locale } = loaded;
  const site = env.siteUrl;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.headline,
    ...(story.subheadline ? { alternativeHeadline: story.subheadline } : {}),
    description: story.description,
    datePublished: story.publishedAt ? new Date(story.publishedAt).toISOString() : undefined,
    ...(story.corrections.length > 0
      ? { dateModified: new Date(story.corrections.at(-1)?.createdAt ?? 0).toISOString() }
      : {}),
    author: bylineNames(story.byline).map((name) => ({ "@type": "Person", name })),
    publisher: { "@type": "Organization", name: settings.paperName },
    ...(site ? { mainEntityOfPage: `${site}${paperPath(locale, `/stories/${story.id}`)}` } : {}),
    ...(site && story.photos.length > 0
      ? { image: story.photos.map((p) => `${site}${photoSources(p).src}`) }
      : {}),
    printEdition: String(story.issue.number),
    printSection: story.page.name,
    printPage: String(story.page.number),
    inLanguage: "zh-CN",
  };
  return (
    <>
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with "<" escaped
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replaceAll("<", "\\u003c") }}
      />
      <StoryArticle locale={locale} timezone={settings.timezone} story={story} />
    </>
  );
}
