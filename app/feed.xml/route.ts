// `/feed.xml`: RSS 2.0 of the latest published stories, linking to the Chinese pages
// (`/en/feed.xml` is the same feed for the English paper: app/en/feed.xml).
import { feedResponse } from "./feed-response";

// Absolute URLs come from the request, and the build never opens the database.
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return feedResponse(request, "zh-CN");
}
