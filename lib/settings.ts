// The paper's settings: its name, timezone and default language.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { settings } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

export type PaperSettings = { paperName: string; timezone: string; defaultLocale: Locale };

export const DEFAULT_SETTINGS: PaperSettings = {
  paperName: "职工时报",
  timezone: "Asia/Shanghai",
  defaultLocale: DEFAULT_LOCALE,
};

export function getSettings(): PaperSettings {
  const row = db()
    .select({
      paperName: settings.paperName,
      timezone: settings.timezone,
      defaultLocale: settings.defaultLocale,
    })
    .from(settings)
    .where(eq(settings.id, 1))
    .get();
  return row ?? DEFAULT_SETTINGS;
}
