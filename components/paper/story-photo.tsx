// A story's photo as print sets it: the picture, its caption, and the credit under it.
import { photoSources as sourcesOf } from "@/lib/media-urls";
import type { StoryPhoto } from "@/lib/paper";

/** A story photo's `src` and `srcset`, by the paper's one rule (lib/media-urls.ts). */
export function photoSources(photo: Pick<StoryPhoto, "mediaId" | "width">) {
  return sourcesOf(photo.mediaId, photo.width);
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
