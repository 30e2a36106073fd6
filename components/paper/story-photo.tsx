// A story's photo as print sets it: the picture, its caption, and the credit under it.
import type { StoryPhoto } from "@/lib/paper";

/**
 * The widths the media route stores and serves, a copy of lib/media.ts PHOTO_SIZES (which is
 * server-only): never wider than the original, always at least the smallest.
 */
export const PHOTO_WIDTHS = [320, 640, 1024, 1600] as const;

export function photoSources(photo: Pick<StoryPhoto, "mediaId" | "width">): {
  src: string;
  srcSet: string;
} {
  const widths = PHOTO_WIDTHS.filter((w) => w <= photo.width);
  const usable = widths.length > 0 ? widths : [PHOTO_WIDTHS[0]];
  const url = (w: number) => `/media/${photo.mediaId}/${w}.webp`;
  return {
    src: url(usable[Math.min(1, usable.length - 1)] ?? PHOTO_WIDTHS[0]),
    srcSet: usable.map((w) => `${url(w)} ${w}w`).join(", "),
  };
}

type Props = {
  photo: StoryPhoto;
  /** Used as the alt text when the photo has neither alt text nor a caption. */
  fallbackAlt: string;
  sizes: string;
  /** The first photo of the page's lead is the largest paint: load it eagerly. */
  priority?: boolean;
  /** A credit to print when the photo has none of its own (a photo story's byline). */
  fallbackCredit?: string;
  className?: string;
};

export function StoryPhotoFigure({
  photo,
  fallbackAlt,
  sizes,
  priority = false,
  fallbackCredit,
  className,
}: Props) {
  const { src, srcSet } = photoSources(photo);
  const credit = photo.credit || fallbackCredit;
  return (
    <figure className={className}>
      {/* biome-ignore lint/performance/noImgElement: the media route serves sized WebP already */}
      <img
        src={src}
        srcSet={srcSet}
        sizes={sizes}
        width={photo.width}
        height={photo.height}
        alt={photo.alt || photo.caption || fallbackAlt}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding="async"
        className="h-auto w-full bg-rule/30"
      />
      {photo.caption || credit ? (
        <figcaption className="mt-1 text-sm leading-relaxed">
          {photo.caption ? <span>{photo.caption}</span> : null}
          {credit ? <span className="block text-right text-muted">{credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
