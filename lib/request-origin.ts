// The origin absolute URLs are built on: SITE_URL when set, else the request's own.
import { env } from "@/lib/env";

export function publicOrigin(request: Request): string {
  return env.siteUrl ?? new URL(request.url).origin;
}
