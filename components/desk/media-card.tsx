import { formatShortDate } from "@/lib/time/format";
import { formatBytes } from "@/lib/media/rules";
import type { LibraryImage } from "@/lib/media/types";
import { extensionFor, originalUrl, thumbnailSource } from "@/lib/media/urls";
import { MediaDetailsForm } from "./media-details-form";

/**
 * One image in the library: its thumbnail (the smallest WebP copy, with its size so nothing shifts
 * as it loads), what it says about itself, and, for whoever may, the form to edit that. The
 * thumbnail's alt is empty because the alt text is printed beside it.
 */
export function MediaCard({ image, timeZone }: { image: LibraryImage; timeZone: string }) {
  const thumbnail = thumbnailSource(image);
  const headingId = `media-${image.id}-name`;
  return (
    <article className="media-card" aria-labelledby={headingId}>
      {/* eslint-disable-next-line @next/next/no-img-element -- the library makes its own sizes (lib/media) */}
      <img className="media-thumb" src={thumbnail.src} width={thumbnail.width} height={thumbnail.height} alt="" loading="lazy" decoding="async" />
      <h3 id={headingId} className="media-name">
        {image.originalName}
      </h3>
      <dl className="media-facts">
        <div>
          <dt>Alt text</dt>
          <dd>{image.alt}</dd>
        </div>
        {image.caption ? (
          <div>
            <dt>Caption</dt>
            <dd>{image.caption}</dd>
          </div>
        ) : null}
        {image.credit ? (
          <div>
            <dt>Credit</dt>
            <dd>{image.credit}</dd>
          </div>
        ) : null}
        <div>
          <dt>Size</dt>
          <dd>
            {image.width} × {image.height} px, {extensionFor(image.mimeType).toUpperCase()}, {formatBytes(image.bytes)}
          </dd>
        </div>
        <div>
          <dt>Uploaded</dt>
          <dd>
            by {image.uploadedBy.name}, <time dateTime={image.createdAt}>{formatShortDate(new Date(image.createdAt), timeZone)}</time>
          </dd>
        </div>
      </dl>
      <p className="media-links">
        <a href={originalUrl(image)}>
          Original<span className="visually-hidden"> of {image.originalName}</span>
        </a>
      </p>
      {image.canEdit ? <MediaDetailsForm image={image} /> : null}
    </article>
  );
}
