// Photo delivery URLs and the one widths/srcset rule, for the server, the editor and the paper
// alike (no server-only imports). The media pipeline (lib/media.ts) stores exactly these widths.

/** Responsive widths stored for each photo, smallest first. */
export const PHOTO_SIZES = [320, 640, 1024, 1600] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
export type PhotoFile = PhotoSize | "original";

/** The stored widths for a photo this wide: never wider than it, always at least one. */
export function sizesFor(width: number): PhotoSize[] {
  const fitting = PHOTO_SIZES.filter((size) => size <= width);
  return fitting.length > 0 ? fitting : [PHOTO_SIZES[0]];
}

/** `/media/<id>/<width>.webp`, built from the numeric id only. */
export function photoUrl(mediaId: number, file: PhotoFile): string {
  return `/media/${mediaId}/${file}.webp`;
}

/**
 * `src` and `srcset` of a photo `width` pixels wide: every stored width, and as `src` the 640
 * one (or the largest there is below it) for browsers without srcset.
 */
export function photoSources(mediaId: number, width: number): { src: string; srcSet: string } {
  const sizes = sizesFor(width);
  const fallback = sizes[Math.min(1, sizes.length - 1)] ?? PHOTO_SIZES[0];
  return {
    src: photoUrl(mediaId, fallback),
    srcSet: sizes.map((size) => `${photoUrl(mediaId, size)} ${size}w`).join(", "),
  };
}
