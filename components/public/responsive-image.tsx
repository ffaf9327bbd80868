import type { StoredImage } from "@/lib/media/urls";
import { imageSources } from "@/lib/media/urls";

export type ResponsiveImageProps = {
  image: StoredImage;
  /** Required: an empty string only for an image that is purely decorative. */
  alt: string;
  caption?: string;
  credit?: string;
  /** The width the image is shown at, for the browser to pick a copy; default: the text column. */
  sizes?: string;
  /** For the one image at the top of the page (the LCP element): loaded at once, with high priority. */
  priority?: boolean;
  className?: string;
};

/** The article column is 42rem at most (.article); below that the image spans the window less its margins. */
export const articleImageSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

/**
 * An image from the media library on a public page: every WebP copy in `srcset` so a phone never
 * downloads a desktop image, and its width and height so the page does not shift while it loads.
 * With a caption or a credit it becomes a <figure> with a <figcaption>.
 */
export function ResponsiveImage({ image, alt, caption, credit, sizes = articleImageSizes, priority = false, className }: ResponsiveImageProps) {
  const { src, srcSet, width, height } = imageSources(image);
  const img = (
    // eslint-disable-next-line @next/next/no-img-element -- the library makes its own sizes (lib/media)
    <img
      className={caption || credit ? undefined : className}
      src={src}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      width={width}
      height={height}
      alt={alt}
      loading={priority ? "eager" : "lazy"}
      decoding="async"
      fetchPriority={priority ? "high" : undefined}
    />
  );
  if (!caption && !credit) return img;
  return (
    <figure className={["media-figure", className].filter(Boolean).join(" ")}>
      {img}
      <figcaption>
        {caption ? <span className="media-caption">{caption}</span> : null}
        {caption && credit ? " " : null}
        {credit ? <span className="media-credit">{credit}</span> : null}
      </figcaption>
    </figure>
  );
}
