/**
 * The media library's rules: which files are images we keep, how large they may be, and which
 * resized copies an upload gets. Pure and client-safe: the upload form reads the limits and
 * messages from here, and lib/media/images.ts applies them on the server with sharp.
 */

/** The image types the library keeps, as sniffed from the bytes (never the name or the header). */
export const imageTypes = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
export type ImageType = (typeof imageTypes)[number];

/** 10 MB: a full-resolution news photograph fits; anything larger should be exported smaller. */
export const maxImageBytes = 10 * 1024 * 1024;

/**
 * 50 megapixels: a 45 MP camera's frame fits. A small file can still declare an enormous canvas
 * (a "decompression bomb"), so this is checked from the header before any pixel is decoded.
 */
export const maxImagePixels = 50_000_000;

/** The widths of the WebP copies made for responsive pages, smallest first. */
export const standardVariantWidths = [480, 960, 1600] as const;

export const mediaMessages = {
  missing: "Choose an image to upload.",
  empty: "This file is empty. Choose an image to upload.",
  notAnImage: "This file is not a JPEG, PNG, WebP or AVIF image.",
  tooLarge: "Images must be 10 MB or smaller.",
  tooManyPixels: "This image has too many pixels: keep it under 50 megapixels (e.g. 8,000 × 6,000).",
  unreadable: "This image could not be read: the file may be damaged or incomplete.",
} as const;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The brands of an ISO-BMFF `ftyp` box (major brand and compatible brands), or none. */
function ftypBrands(bytes: Uint8Array): string[] {
  if (!startsWith(bytes, ascii("ftyp"), 4)) return [];
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(boxSize, bytes.length);
  const brands: string[] = [];
  // Major brand at 8, minor version at 12, compatible brands from 16, four bytes each.
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) {
    brands.push(String.fromCharCode(...bytes.subarray(at, at + 4)));
  }
  return brands;
}

/**
 * The image type the file's first bytes say it is, or null. Magic numbers: JPEG `FF D8 FF`; PNG's
 * eight-byte signature; WebP `RIFF....WEBP`; AVIF an `ftyp` box branded `avif` (still) or `avis`
 * (sequence). This only decides which decoder to trust; sharp then has to read it as that type.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  const brands = ftypBrands(bytes);
  if (brands.includes("avif") || brands.includes("avis")) return "image/avif";
  return null;
}

/**
 * The widths of the WebP copies for an image `width` pixels wide: each standard width smaller than
 * the image, plus one at the image's own width when that is within the largest standard width, so
 * the largest copy is never much smaller than the image (a 1,200 px photo gets 480, 960 and 1200,
 * not a 960 px best). Never upscaled; always at least one copy. A closing copy within 10% of the
 * one before it would add bytes and no sharpness, so it is left out.
 */
export function variantWidthsFor(width: number): number[] {
  const smaller = standardVariantWidths.filter((standard) => standard < width);
  const largest = standardVariantWidths.at(-1)!;
  if (width > largest) return smaller;
  const previous = smaller.at(-1);
  if (previous !== undefined && previous >= width * 0.9) return smaller;
  return [...smaller, width];
}

/** "1.2 MB", "640 KB": how a file size is shown in the desk. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
