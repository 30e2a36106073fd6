// The paper's settings: its name, timezone, default language, review levels and proof rounds.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { settings } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { SettingsInput } from "@/lib/desk-input";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locales";
import { AppError } from "@/lib/errors";
import { can, type Role } from "@/lib/permissions";
import { DEFAULT_REVIEW_LEVELS, isReviewLevels, type ReviewLevel } from "@/lib/workflow/levels";

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

export type FullSettings = PaperSettings & {
  reviewLevels: ReviewLevel[];
  allowSamePasser: boolean;
  proofRounds: number;
};

/** Everything the settings page edits. */
export function getFullSettings(): FullSettings {
  const row = db().select().from(settings).where(eq(settings.id, 1)).get();
  return {
    ...(row ?? DEFAULT_SETTINGS),
    reviewLevels: isReviewLevels(row?.reviewLevels) ? row.reviewLevels : [...DEFAULT_REVIEW_LEVELS],
    allowSamePasser: row?.allowSamePasser ?? false,
    proofRounds: row?.proofRounds ?? 3,
  };
}

/**
 * Change the paper's settings. New review levels apply to stories entering review afterwards:
 * a story in review keeps the copy it took when it was submitted.
 */
export function updateSettings(
  viewer: { id: number; role: Role },
  input: SettingsInput,
  now: Date,
): void {
  if (!can(viewer, "settings:manage")) throw new AppError("forbidden");
  db().transaction(
    (tx) => {
      const before = tx.select().from(settings).where(eq(settings.id, 1)).get();
      const values = { ...input, updatedAt: now };
      if (before) tx.update(settings).set(values).where(eq(settings.id, 1)).run();
      else
        tx.insert(settings)
          .values({ id: 1, ...values })
          .run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "settings.update",
        subjectType: "settings",
        subjectId: 1,
        detail: {
          paperName: input.paperName,
          timezone: input.timezone,
          defaultLocale: input.defaultLocale,
          reviewLevels: input.reviewLevels.map((l) => l.passer),
          allowSamePasser: input.allowSamePasser,
          proofRounds: input.proofRounds,
        },
        now,
      });
    },
    { behavior: "immediate" },
  );
}
