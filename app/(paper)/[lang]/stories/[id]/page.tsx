// `/stories/<id>`: one published story.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryArticle } from "@/components/paper/story-article";
import { bylineNames } from "@/lib/byline";
import { resolvePaperLocale } from "@/lib/i18n/paper-locale";
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
  return { locale: resolvePaperLocale(lang, settings.defaultLocale), settings, story };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const loaded = await load(params);
  if (!loaded) return {};
  const { story, settings } = loaded;
  return {
    title: story.headline,
    openGraph: {
      type: "article",
      title: story.headline,
      siteName: settings.paperName,
      locale: "zh_CN",
      publishedTime: story.publishedAt ? new Date(story.publishedAt).toISOString() : undefined,
      authors: bylineNames(story.byline),
    },
  };
}

export default async function StoryPage({ params }: { params: Params }) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { story, settings, locale } = loaded;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.headline,
    datePublished: story.publishedAt ? new Date(story.publishedAt).toISOString() : undefined,
    author: bylineNames(story.byline).map((name) => ({ "@type": "Person", name })),
    publisher: { "@type": "Organization", name: settings.paperName },
    inLanguage: "zh-CN",
  };
  return (
    <>
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with "<" escaped
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replaceAll("<", "\\u003c") }}
      />
      <StoryArticle locale={locale} story={story} />
    </>
  );
}
