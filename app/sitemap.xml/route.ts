// `/sitemap.xml`: a sitemap index, one sitemap per year of published issues (a sitemap may
// hold 50,000 URLs; a year of a daily of 8 pages × 6 stories is about 20,000).
import { buildSitemapIndex, PUBLIC_CACHE_CONTROL } from "@/lib/feeds";
import { readPaper } from "@/lib/paper-cache";
import { publicOrigin } from "@/lib/request-origin";

// Absolute URLs come from the request, and the build never opens the database.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const years = (await readPaper.archiveYears()).map((y) => y.year);
  return new Response(buildSitemapIndex(publicOrigin(request), years), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}
