// How long something has waited, as people say it: "2天3小时", "2 days, 3 hours".
import type { Locale } from "@/lib/domain/locales";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = "day" | "hour" | "minute";

// Intl formatters are costly to build and a queue formats every row: one per locale and unit.
const unitFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<Locale, Intl.ListFormat>();

function unitFormat(locale: Locale, unit: Unit): Intl.NumberFormat {
  const key = `${locale} ${unit}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" });
    unitFormats.set(key, format);
  }
  return format;
}

function listFormat(locale: Locale): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: "narrow", type: "unit" });
    listFormats.set(locale, format);
  }
  return format;
}

/**
 * The two largest whole units of a span, in the locale's own words (Intl knows the plural
 * forms). Null under a minute, so the caller can say "less than a minute" from its dictionary.
 */
export function formatElapsed(ms: number, locale: Locale): string | null {
  if (!Number.isFinite(ms) || ms < MINUTE) return null;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  const parts: [number, Unit][] =
    days > 0
      ? [
          [days, "day"],
          [hours, "hour"],
        ]
      : hours > 0
        ? [
            [hours, "hour"],
            [minutes, "minute"],
          ]
        : [[minutes, "minute"]];
  const words = parts
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, unit]) => unitFormat(locale, unit).format(n));
  return listFormat(locale).format(words);
}
