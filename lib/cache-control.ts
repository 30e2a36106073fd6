// What a shared cache (deploy/nginx.conf, or a CDN) may keep of a public response. The one
// definition: next.config.ts puts it on the paper's pages, the feed, sitemap and robots routes
// and the photo route on their responses.

/**
 * Seconds a shared cache may serve its copy as fresh. nginx's microcache: one render per URL
 * every few seconds however many readers ask.
 */
export const SHARED_FRESH_SECONDS = 3;
/** Then served stale for at most this long while one request refreshes it in the background. */
export const SHARED_REVALIDATE_SECONDS = 2;
/** Served stale for at most this long past freshness while the app answers errors or is down. */
export const SHARED_IF_ERROR_SECONDS = 25;

/**
 * The bound (docs/decisions.md, "What nginx or a CDN may keep"): a copy made at T is never served after
 * T + fresh + max(revalidate, if-error) = T + 28 s. The app's own page cache drops a changed page
 * at once (at worst at the clock's next tick, 30 s), so a publication, a correction, a takedown
 * or a lifted embargo reaches readers within 60 s at most, within about 5 s normally.
 */
export const SHARED_CACHE_BOUND_SECONDS =
  SHARED_FRESH_SECONDS + Math.max(SHARED_REVALIDATE_SECONDS, SHARED_IF_ERROR_SECONDS);

/** Browsers always revalidate (`max-age=0`); shared caches keep a copy for seconds. */
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_FRESH_SECONDS}, stale-while-revalidate=${SHARED_REVALIDATE_SECONDS}, stale-if-error=${SHARED_IF_ERROR_SECONDS}`;
