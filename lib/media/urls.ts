/**
 * Public addresses of media files. Storage keeps, per upload, the original and WebP copies at a few
 * widths; pages ask for the copies through `srcset`, so a phone never downloads a desktop image.
 *
 *   /media/<storageKey>/original.<ext>   the uploaded bytes, as sniffed
 *   /media/<storageKey>/<width>.webp     a resized copy (only widths listed in variantWidths)
 */
export type StoredImage = {
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  /** Comma-separated widths of the WebP copies, smallest first, e.g. "480,960,1600". */
  variantWidths: string;
};

const extensions: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "avif",
};

export function extensionFor(mimeType: string): string {
  const extension = extensions[mimeType];
  if (!extension) throw new Error(`Not an image type the library keeps: ${mimeType}`);
  return extension;
}

export function originalUrl(image: Pick<StoredImage, "storageKey" | "mimeType">): string {
  return `/media/${image.storageKey}/original.${extensionFor(image.mimeType)}`;
}

export function variantWidthsOf(image: Pick<StoredImage, "variantWidths">): number[] {
  return image.variantWidths
    .split(",")
    .map(Number)
    .filter((width) => Number.isInteger(width) && width > 0)
    .sort((a, b) => a - b);
}

export function variantUrl(image: Pick<StoredImage, "storageKey">, width: number): string {
  return `/media/${image.storageKey}/${width}.webp`;
}

/** `src`, `srcSet`, width and height for an <img>: the largest copy as src, every copy in srcset. */
export function imageSources(image: StoredImage): { src: string; srcSet: string | undefined; width: number; height: number } {
  const widths = variantWidthsOf(image);
  if (widths.length === 0) return { src: originalUrl(image), srcSet: undefined, width: image.width, height: image.height };
  return {
    src: variantUrl(image, widths.at(-1)!),
    srcSet: widths.map((width) => `${variantUrl(image, width)} ${width}w`).join(", "),
    width: image.width,
    height: image.height,
  };
}

/** The smallest copy, for thumbnails in the desk: its address and its size in pixels. */
export function thumbnailSource(image: StoredImage): { src: string; width: number; height: number } {
  const smallest = variantWidthsOf(image)[0];
  if (!smallest) return { src: originalUrl(image), width: image.width, height: image.height };
  return { src: variantUrl(image, smallest), width: smallest, height: Math.max(1, Math.round((image.height * smallest) / image.width)) };
}
