// The RSS 2.0 answer of one language of the paper: `/feed.xml` (Chinese) and `/en/feed.xml`.
import { buildRss, PUBLIC_CACHE_CONTROL } from "@/lib/feeds";
import { getTranslator, type Locale } from "@/lib/i18n/locales";
import { readPaper } from "@/lib/paper-cache";
import { publicOrigin } from "@/lib/request-origin";

const FEED_SIZE = 50;

export async function feedResponse(request: Request, locale: Locale): Promise<Response> {
  const settings = await readPaper.settings();
  const t = getTranslator(locale);
  const xml = buildRss({
    origin: publicOrigin(request),
    locale,
    paperName: settings.paperName,
    description: t("feed.description", { paper: settings.paperName }),
    items: await readPaper.latestStories(FEED_SIZE),
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}
