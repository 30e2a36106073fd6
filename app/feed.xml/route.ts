// `/feed.xml`: RSS 2.0 of the latest published stories.
import { buildRss, PUBLIC_CACHE_CONTROL } from "@/lib/feeds";
import { getTranslator } from "@/lib/i18n/locales";
import { readPaper } from "@/lib/paper-cache";
import { publicOrigin } from "@/lib/request-origin";

// Absolute URLs come from the request, and the build never opens the database.
export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

export async function GET(request: Request): Promise<Response> {
  const settings = await readPaper.settings();
  const t = getTranslator(settings.defaultLocale);
  const xml = buildRss({
    origin: publicOrigin(request),
    paperName: settings.paperName,
    description: t("feed.description", { paper: settings.paperName }),
    items: await readPaper.latestStories(FEED_SIZE),
    t,
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}
