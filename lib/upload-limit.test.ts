import { describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { AppError } from "@/lib/errors";
import { en } from "@/lib/i18n/en";
import { zhCN } from "@/lib/i18n/zh-CN";
import { storePhoto } from "@/lib/media";
import { takeUploadSlot, UPLOADS_PER_MINUTE } from "@/lib/upload-limit";

withTempDatabase();

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 8, 0, seconds));

function refusal(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${error.messageKey}` : String(error);
  }
}

describe("uploads per user per minute", () => {
  it("takes the allowance, then refuses until the next minute", async () => {
    const user = await insertUser("reporter");
    for (let i = 0; i < UPLOADS_PER_MINUTE; i += 1) {
      expect(refusal(() => takeUploadSlot(user.id, at(i)))).toBeNull();
    }
    expect(refusal(() => takeUploadSlot(user.id, at(59)))).toBe("rate_limited:upload_rate_limited");
    expect(refusal(() => takeUploadSlot(user.id, at(60)))).toBeNull();
  });

  it("counts each user on their own", async () => {
    const busy = await insertUser("reporter");
    const other = await insertUser("reporter");
    for (let i = 0; i < UPLOADS_PER_MINUTE; i += 1) takeUploadSlot(busy.id, at(1));
    expect(refusal(() => takeUploadSlot(busy.id, at(2)))).not.toBeNull();
    expect(refusal(() => takeUploadSlot(other.id, at(2)))).toBeNull();
  });

  it("is kept in the database, so a new connection (another server) sees the same count", async () => {
    const user = await insertUser("reporter");
    for (let i = 0; i < UPLOADS_PER_MINUTE; i += 1) takeUploadSlot(user.id, at(3));
    closeDatabase();
    expect(refusal(() => takeUploadSlot(user.id, at(4)))).toBe("rate_limited:upload_rate_limited");
  });

  it("refuses a photo past the allowance before decoding it, but not a Word file's pictures", async () => {
    const user = await insertUser("reporter");
    const now = new Date();
    for (let i = 0; i < UPLOADS_PER_MINUTE; i += 1) takeUploadSlot(user.id, now);
    const garbage = new Uint8Array([1, 2, 3]);
    await expect(
      storePhoto(user, { bytes: garbage, filename: "x.jpg" }, now),
    ).rejects.toMatchObject({ code: "rate_limited", messageKey: "upload_rate_limited" });
    // Inside an upload already counted, the same bytes get as far as the photo check.
    await expect(
      storePhoto(user, { bytes: garbage, filename: "x.jpg", insideCountedUpload: true }, now),
    ).rejects.toMatchObject({ messageKey: "photo_type" });
  });

  it("says so in both languages", () => {
    expect(zhCN.errors.upload_rate_limited).toMatch(/一分钟/);
    expect(en.errors.upload_rate_limited).toMatch(/minute/);
  });
});
