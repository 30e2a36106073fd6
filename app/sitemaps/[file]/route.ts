// `/sitemaps/<year>.xml`: every published issue, page and story of that year.
import { buildSitemap, PUBLIC_CACHE_CONTROL } from "@/lib/feeds";
import { readPaper } from "@/lib/paper-cache";
import { publicOrigin } from "@/lib/request-origin";

// Absolute URLs come from the request, and the build never opens the database.
export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ file: string }> },
): Promise<Response> {
  const { file } = await params;
  const match = /^(\d{4})\.xml$/.exec(file);
  const year = match ? Number(match[1]) : Number.NaN;
  const years = await readPaper.archiveYears();
  if (!years.some((y) => y.year === year)) {
    return new Response("Not found\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(buildSitemap(publicOrigin(request), await readPaper.sitemapYear(year)), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}
