// The paper's settings: its name, timezone, default language and proofreading rounds.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { settings } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { DEFAULT_PROOF_ROUNDS } from "@/lib/workflow/page";

export type PaperSettings = {
  paperName: string;
  timezone: string;
  defaultLocale: Locale;
  /** Rounds of proofreading (0–3) a page needs before it may be signed off. */
  proofRounds: number;
};

export const DEFAULT_SETTINGS: PaperSettings = {
  paperName: "职工时报",
  timezone: "Asia/Shanghai",
  defaultLocale: DEFAULT_LOCALE,
  proofRounds: DEFAULT_PROOF_ROUNDS,
};

export function getSettings(): PaperSettings {
  const row = db()
    .select({
      paperName: settings.paperName,
      timezone: settings.timezone,
      defaultLocale: settings.defaultLocale,
      proofRounds: settings.proofRounds,
    })
    .from(settings)
    .where(eq(settings.id, 1))
    .get();
  return row ?? DEFAULT_SETTINGS;
}
