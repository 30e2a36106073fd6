// Photos: checking an upload, storing it as responsive WebP files, the media rows, and who
// may see a stored file.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, desc, eq, or, type SQL, sql } from "drizzle-orm";
import sharp, { type Metadata } from "sharp";
import { db } from "@/db/client";
import { lockDownTree, makePrivateDir } from "@/db/private-files";
import { media, stories, storyPhotos } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { outOfEmbargo } from "@/lib/embargo-filter";
import { env } from "@/lib/env";
import { AppError, zodFieldErrors } from "@/lib/errors";
import {
  hasOnlyPaddingAfter,
  imageEnd,
  PHOTO_MIME_TYPES,
  type PhotoType,
  sniffPhotoType,
} from "@/lib/image-bytes";
import { PhotoInfo } from "@/lib/media-input";
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from "@/lib/media-limits";
import { PHOTO_SIZES, type PhotoFile, sizesFor } from "@/lib/media-urls";
import { type Actor, can } from "@/lib/permissions";
import { takeUploadSlot } from "@/lib/upload-limit";

export { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from "@/lib/media-limits";
export { PHOTO_SIZES, type PhotoFile, type PhotoSize, sizesFor } from "@/lib/media-urls";

const SIZE_QUALITY = 80;
const ORIGINAL_QUALITY = 90;
const STORAGE_KEY = /^[0-9a-f]{32}$/;
const DEFAULT_LIMIT = 40;
const MAX_LIMIT = 100;

export type MediaItem = {
  id: number;
  width: number;
  height: number;
  caption: string | null;
  credit: string | null;
  alt: string | null;
  sizes: number[];
  createdAt: number;
};

export type StorePhotoInput = {
  bytes: Uint8Array;
  filename: string;
  caption?: string | null;
  credit?: string | null;
  alt?: string | null;
  /** An image inside an upload already counted (a Word file's pictures): not counted again. */
  insideCountedUpload?: boolean;
};

type MediaRow = typeof media.$inferSelect;

function toItem(row: MediaRow): MediaItem {
  return {
    id: row.id,
    width: row.width,
    height: row.height,
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    sizes: sizesFor(row.width),
    createdAt: row.createdAt.getTime(),
  };
}

function mediaRoot(): string {
  return path.join(env.dataDir, "media");
}

function parseInfo(input: unknown): PhotoInfo {
  const parsed = PhotoInfo.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("invalid_input", "invalid_input", zodFieldErrors(parsed.error));
}

/** Refuse anything that is not a whole JPEG, PNG or WebP, judged by its bytes, never its name. */
async function inspect(bytes: Buffer): Promise<PhotoType> {
  if (bytes.length === 0) throw new AppError("invalid_input", "photo_type");
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError("invalid_input", "photo_too_large");
  const type = sniffPhotoType(bytes);
  if (!type) throw new AppError("invalid_input", "photo_type");
  // A cut-off file, or one carrying a second file behind the image (a polyglot), is refused.
  const end = imageEnd(bytes, type);
  if (end === null || !hasOnlyPaddingAfter(bytes, end)) {
    throw new AppError("invalid_input", "photo_type");
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { failOn: "error" }).metadata();
  } catch {
    throw new AppError("invalid_input", "photo_type");
  }
  if (metadata.format !== type || !metadata.width || !metadata.height) {
    throw new AppError("invalid_input", "photo_type");
  }
  if (metadata.width * metadata.height > MAX_PHOTO_PIXELS) {
    throw new AppError("invalid_input", "photo_too_big_dimensions");
  }
  return type;
}

/**
 * Decode once per output, turn upright by its EXIF orientation, drop every other piece of
 * metadata (sharp writes none unless asked), and write the sizes and the full-size copy.
 */
async function writeRenditions(
  bytes: Buffer,
  dir: string,
): Promise<{ width: number; height: number }> {
  const source = sharp(bytes, { failOn: "error", limitInputPixels: MAX_PHOTO_PIXELS }).autoOrient();
  const original = await source
    .clone()
    .webp({ quality: ORIGINAL_QUALITY })
    .toFile(path.join(dir, "original.webp"));
  for (const size of sizesFor(original.width)) {
    await source
      .clone()
      .resize({ width: size, withoutEnlargement: true })
      .webp({ quality: SIZE_QUALITY })
      .toFile(path.join(dir, `${size}.webp`));
  }
  return { width: original.width, height: original.height };
}

function sharpRefusal(error: unknown): AppError {
  const message = error instanceof Error ? error.message : "";
  if (/pixel limit/i.test(message))
    return new AppError("invalid_input", "photo_too_big_dimensions");
  return new AppError("invalid_input", "photo_type");
}

/**
 * Store an uploaded photo. The files are written under a temporary name and renamed into
 * place, then one transaction adds the media row and its audit row; if that fails, the files
 * go again, so a refused or failed upload leaves nothing behind.
 */
export async function storePhoto(
  viewer: Actor,
  input: StorePhotoInput,
  now: Date,
): Promise<MediaItem> {
  if (!can(viewer, "story:create")) throw new AppError("forbidden");
  const info = parseInfo({ caption: input.caption, credit: input.credit, alt: input.alt });
  if (!input.insideCountedUpload) takeUploadSlot(viewer.id, now);
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const type = await inspect(bytes);

  const storageKey = randomBytes(16).toString("hex");
  const incoming = path.join(mediaRoot(), ".incoming", storageKey);
  const final = path.join(mediaRoot(), storageKey);
  let dimensions: { width: number; height: number };
  try {
    makePrivateDir(incoming);
    dimensions = await writeRenditions(bytes, incoming);
    lockDownTree(incoming);
    fs.renameSync(incoming, final);
  } catch (error) {
    fs.rmSync(incoming, { recursive: true, force: true });
    throw error instanceof AppError ? error : sharpRefusal(error);
  }

  try {
    const row = db().transaction(
      (tx) => {
        const created = tx
          .insert(media)
          .values({
            storageKey,
            mimeType: PHOTO_MIME_TYPES[type],
            sizeBytes: bytes.length,
            width: dimensions.width,
            height: dimensions.height,
            caption: info.caption,
            credit: info.credit,
            alt: info.alt,
            uploadedBy: viewer.id,
            createdAt: now,
          })
          .returning()
          .get();
        recordAudit(tx, {
          actorId: viewer.id,
          action: "media.upload",
          subjectType: "media",
          subjectId: created.id,
          detail: {
            // The name is kept for the record only; it never names a stored file.
            filename: input.filename.slice(0, 200),
            type: PHOTO_MIME_TYPES[type],
            bytes: bytes.length,
            width: dimensions.width,
            height: dimensions.height,
          },
          now,
        });
        return created;
      },
      { behavior: "immediate" },
    );
    return toItem(row);
  } catch (error) {
    fs.rmSync(final, { recursive: true, force: true });
    throw error;
  }
}

function mayEdit(viewer: Actor, row: Pick<MediaRow, "uploadedBy">): boolean {
  return (
    can(viewer, "story:edit-any") || (row.uploadedBy === viewer.id && can(viewer, "story:create"))
  );
}

/** Change a photo's caption, credit and alt text: its uploader, or an editor or admin. */
export function updatePhotoInfo(
  viewer: Actor,
  input: { id: number; caption?: string | null; credit?: string | null; alt?: string | null },
  now: Date,
): MediaItem {
  const info = parseInfo({ caption: input.caption, credit: input.credit, alt: input.alt });
  return db().transaction(
    (tx) => {
      const row = tx.select().from(media).where(eq(media.id, input.id)).get();
      if (!row) throw new AppError("not_found");
      if (!mayEdit(viewer, row)) throw new AppError("forbidden");
      const updated = tx
        .update(media)
        .set({ caption: info.caption, credit: info.credit, alt: info.alt })
        .where(eq(media.id, row.id))
        .returning()
        .get();
      const changed = (["caption", "credit", "alt"] as const).filter((k) => row[k] !== info[k]);
      recordAudit(tx, {
        actorId: viewer.id,
        action: "media.update",
        subjectType: "media",
        subjectId: row.id,
        detail: Object.fromEntries(changed.map((k) => [k, { from: row[k], to: info[k] }])),
        now,
      });
      return toItem(updated);
    },
    { behavior: "immediate" },
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function listRows(
  viewer: Actor,
  options: { q?: string; limit?: number; offset?: number },
): MediaRow[] {
  if (!can(viewer, "story:create")) throw new AppError("forbidden");
  const q = options.q?.trim() ?? "";
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  let where: SQL | undefined;
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    where = or(
      sql`${media.caption} LIKE ${pattern} ESCAPE '\\'`,
      sql`${media.credit} LIKE ${pattern} ESCAPE '\\'`,
      sql`${media.alt} LIKE ${pattern} ESCAPE '\\'`,
    );
  }
  return db()
    .select()
    .from(media)
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(limit)
    .offset(offset)
    .all();
}

/** The library, newest first, optionally searched by caption, credit or alt text. */
export function listMedia(
  viewer: Actor,
  options: { q?: string; limit?: number; offset?: number } = {},
): MediaItem[] {
  return listRows(viewer, options).map(toItem);
}

/** The library for the desk: each photo with whether this viewer may edit its text. */
export function listMediaForDesk(
  viewer: Actor,
  options: { q?: string; limit?: number; offset?: number } = {},
): (MediaItem & { canEdit: boolean })[] {
  return listRows(viewer, options).map((row) => ({
    ...toItem(row),
    canEdit: mayEdit(viewer, row),
  }));
}

/** Parse the `<width>.webp` of a delivery URL; only the known sizes and "original" pass. */
export function parsePhotoFile(name: string): PhotoFile | null {
  if (name === "original.webp") return "original";
  return PHOTO_SIZES.find((size) => name === `${size}.webp`) ?? null;
}

/**
 * Where a stored file lives, or null when there is no such photo or it has no such size.
 * The path is made from the row's own storage key and a known size, never from user input.
 */
export function mediaFilePath(id: number, width: PhotoFile | number): string | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = db()
    .select({ storageKey: media.storageKey, width: media.width })
    .from(media)
    .where(eq(media.id, id))
    .get();
  if (!row || !STORAGE_KEY.test(row.storageKey)) return null;
  let file: string;
  if (width === "original") file = "original.webp";
  else if ((sizesFor(row.width) as number[]).includes(width)) file = `${width}.webp`;
  else return null;
  return path.join(mediaRoot(), row.storageKey, file);
}

/**
 * Whether a published story out of embargo at `now` shows this photo. Only then may anyone,
 * signed in or not, fetch it. story_photos holds every photo block of every body (kept in step by each save), so this is
 * one lookup on its media index, however large the archive.
 */
export function isMediaPublished(id: number, now: Date): boolean {
  const listed = db()
    .select({ id: storyPhotos.id })
    .from(storyPhotos)
    .innerJoin(stories, eq(stories.id, storyPhotos.storyId))
    .where(and(eq(storyPhotos.mediaId, id), eq(stories.status, "published"), outOfEmbargo(now)))
    .limit(1)
    .get();
  return Boolean(listed);
}
