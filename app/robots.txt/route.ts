// `/robots.txt`: the paper is open to crawlers; the newsroom, search and APIs are not.
import { buildRobots, PUBLIC_CACHE_CONTROL } from "@/lib/feeds";
import { publicOrigin } from "@/lib/request-origin";

// Absolute URLs come from the request, and the build never opens the database.
export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  return new Response(buildRobots(publicOrigin(request)), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}
