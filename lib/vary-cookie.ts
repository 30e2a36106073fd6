// Adds Cookie to the Vary header of every page Next renders. The rewrites in next.config.ts pick
// the public paper's language from the masthead-locale cookie, so one URL has a Chinese and an
// English body and a shared cache must keep them apart. Next's page runtime *sets* (not
// appends) its own Vary (rsc, next-router-…) after the rewrites and next.config headers() have
// run, so neither can add Cookie; this wraps setHeader at the source instead. See
// docs/decisions.md.
import http from "node:http";

const NEXT_VARY_PREFIX = "rsc,";
const INSTALLED = Symbol.for("masthead.varyCookie");

/** Next's Vary value with Cookie added; any other header value unchanged. */
export function withCookieVary(name: string, value: unknown): unknown {
  if (name.toLowerCase() !== "vary" || typeof value !== "string") return value;
  if (!value.toLowerCase().startsWith(NEXT_VARY_PREFIX)) return value;
  if (/(^|,)\s*cookie\s*(,|$)/i.test(value)) return value;
  return `${value}, Cookie`;
}

export function installCookieVary(
  prototype: http.ServerResponse = http.ServerResponse.prototype,
): void {
  const target = prototype as http.ServerResponse & { [INSTALLED]?: boolean };
  if (target[INSTALLED]) return;
  const setHeader = target.setHeader;
  target.setHeader = function (this: http.ServerResponse, name, value) {
    return setHeader.call(this, name, withCookieVary(name, value) as typeof value);
  };
  target[INSTALLED] = true;
}
