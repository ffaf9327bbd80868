import type { PublicImage } from "@/lib/articles/public-records";

/**
 * An article's featured image with its caption and credit. The media route already serves WebP
 * copies at the widths listed in `srcSet` (lib/media/urls.ts), so a plain <img> picks one; the
 * width and height reserve its space before it loads.
 */
export function FeaturedImage({ image }: { image: PublicImage }) {
  return (
    <figure className="featured-image">
      {/* eslint-disable-next-line @next/next/no-img-element -- the copies are already resized; next/image would resize them again */}
      <img
        src={image.src}
        srcSet={image.srcSet}
        sizes="(min-width: 44rem) 42rem, 100vw"
        width={image.width}
        height={image.height}
        alt={image.alt}
        fetchPriority="high"
      />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption}
          {image.caption && image.credit ? " " : null}
          {image.credit ? <span className="credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
