// How many uploads (photos, Word files) one user may start per minute. Counted in the
// database, not in the process: with several app servers behind the proxy, each request may
// land on another one, and the limit must hold across all of them.
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { uploadCounts } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Uploads one user may start in one minute: far above a photographer filing a set by hand. */
export const UPLOADS_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

/**
 * Count one upload for this user, or refuse it with `upload_rate_limited` once this minute's
 * allowance is used up. Call it before the expensive work (decoding, converting), so a flood of
 * bad files is limited too. A refused upload is not counted.
 */
export function takeUploadSlot(userId: number, now: Date): void {
  const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  db().transaction(
    (tx) => {
      tx.delete(uploadCounts)
        .where(and(eq(uploadCounts.userId, userId), lt(uploadCounts.windowStart, windowStart)))
        .run();
      const row = tx
        .insert(uploadCounts)
        .values({ userId, windowStart, count: 1 })
        .onConflictDoUpdate({
          target: [uploadCounts.userId, uploadCounts.windowStart],
          set: { count: sql`${uploadCounts.count} + 1` },
        })
        .returning({ count: uploadCounts.count })
        .get();
      if (row.count > UPLOADS_PER_MINUTE) throw new AppError("rate_limited", "upload_rate_limited");
    },
    { behavior: "immediate" },
  );
}
