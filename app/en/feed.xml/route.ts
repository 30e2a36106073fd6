// `/en/feed.xml`: the feed of the English paper (app/feed.xml), linking to `/en/…` pages.
import { feedResponse } from "../../feed.xml/feed-response";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return feedResponse(request, "en");
}
