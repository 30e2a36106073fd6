// The desk's embargo badges as text: for the stories given, those still under embargo at
// `now`, labelled with the time in the paper's timezone.
import "server-only";
import { formatDateTime } from "@/lib/dates";
import { listActiveEmbargoes } from "@/lib/embargo";
import { getTranslator, type Locale } from "@/lib/i18n/locales";
import type { NamedActor } from "@/lib/permissions";

export function embargoLabel(until: number, timezone: string, locale: Locale): string {
  return getTranslator(locale)("embargo.badge", {
    time: formatDateTime(new Date(until), timezone, locale),
  });
}

export function embargoLabels(
  viewer: NamedActor,
  storyIds: number[],
  options: { now: Date; timezone: string; locale: Locale },
): Record<number, string> {
  const labels: Record<number, string> = {};
  for (const [id, until] of listActiveEmbargoes(viewer, storyIds, options.now)) {
    labels[id] = embargoLabel(until, options.timezone, options.locale);
  }
  return labels;
}
