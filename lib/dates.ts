// Dates as the paper prints them, in the paper's timezone.
import type { Locale } from "@/lib/domain/locales";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse a YYYY-MM-DD calendar date; null when it is not a real date. */
export function parseIssueDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date;
}

export function isIssueDate(value: string): boolean {
  return parseIssueDate(value) !== null;
}

/** An issue's date: 2023年2月22日 星期三 in Chinese, Wednesday, February 22, 2023 in English. */
export function formatIssueDate(value: string, locale: Locale): string {
  const date = parseIssueDate(value);
  if (!date) return value;
  if (locale === "zh-CN") {
    const day = new Intl.DateTimeFormat("zh-CN", {
      timeZone: "UTC",
      year: "numeric",
      month: "long",
      day: "numeric",
    }).format(date);
    const weekday = new Intl.DateTimeFormat("zh-CN", { timeZone: "UTC", weekday: "long" }).format(
      date,
    );
    return `${day} ${weekday}`;
  }
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(date);
}

// Building an Intl formatter costs far more than using one, and a desk list formats every row:
// one formatter per locale and timezone, kept for the process (they hold no data).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment, as people in the paper's timezone read it. */
export function formatDateTime(moment: Date, timeZone: string, locale: Locale): string {
  const key = `${locale} ${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "zh-CN" ? "zh-CN" : "en-GB", {
      timeZone,
      year: "numeric",
      month: locale === "zh-CN" ? "long" : "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dateTimeFormats.set(key, format);
  }
  return format.format(moment);
}

/** The calendar date (YYYY-MM-DD) of a moment in a timezone. */
export function dateInTimeZone(moment: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(moment);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The offset of a timezone from UTC at a moment, in milliseconds. */
function timeZoneOffset(moment: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(moment);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(moment.getTime() / 1000) * 1000;
}

/** The instant a wall-clock UTC-form time names in a timezone, settled across offset changes. */
function wallTimeToInstant(wall: number, timeZone: string): Date {
  let guess = wall;
  // Two rounds settle a daylight-saving change between the guess and the answer.
  for (let round = 0; round < 3; round += 1) {
    const next = wall - timeZoneOffset(new Date(guess), timeZone);
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

/** The first moment of a calendar date (YYYY-MM-DD) in a timezone; null for a bad date. */
export function startOfDayInTimeZone(day: string, timeZone: string): Date | null {
  const date = parseIssueDate(day);
  return date ? wallTimeToInstant(date.getTime(), timeZone) : null;
}

/** The calendar date after a YYYY-MM-DD date. */
export function nextDay(day: string): string | null {
  const date = parseIssueDate(day);
  if (!date) return null;
  return new Date(date.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * The instant a wall-clock time ("YYYY-MM-DDTHH:mm") names in a timezone, as an editor means
 * it when scheduling in the paper's time. Null when the text is not such a time.
 */
export function zonedTimeToInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (!parseIssueDate(local.slice(0, 10)) || h > 23 || mi > 59) return null;
  return wallTimeToInstant(Date.UTC(y, mo - 1, d, h, mi), timeZone);
}

/** The wall-clock "YYYY-MM-DDTHH:mm" of an instant in a timezone (for datetime-local inputs). */
export function instantToZonedTime(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + timeZoneOffset(instant, timeZone)).toISOString().slice(0, 16);
}
