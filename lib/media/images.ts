/**
 * Turning uploaded bytes into what the library stores, with sharp: decide whether they are an image
 * we keep (sniffed from the bytes, then confirmed by sharp reading them as that very type), and
 * make the stored original and its WebP copies. Every refusal is a result with a message for the
 * person uploading; nothing here writes anywhere.
 *
 * The stored original is re-encoded, not the uploaded bytes kept:
 * - EXIF and XMP are dropped. A phone photo carries the GPS position where it was taken and the
 *   camera's serial number; on a public URL that can expose a source or a photographer.
 * - The EXIF orientation is applied, so the pixels stand the right way up everywhere and the width
 *   and height recorded are the ones readers see.
 * - The bytes served are always ones libvips wrote, so no file crafted to be an image and something
 *   else at once (trailing HTML, a ZIP) is ever served from our domain.
 * The colour profile is kept, and JPEG/WebP are written at quality 90, where the one extra generation
 * of compression is not visible. Animated images keep their first frame.
 */
// Node-only (sharp, the file system); no "server-only" guard, because the demo seed (run by tsx) uses it too.
import sharp, { type Metadata, type Sharp } from "sharp";
import { maxImageBytes, maxImagePixels, mediaMessages, sniffImageType, variantWidthsFor, type ImageType } from "./rules";

export type PreparedImage = {
  ok: true;
  mimeType: ImageType;
  width: number;
  height: number;
  original: Buffer;
  variants: { width: number; bytes: Buffer }[];
};
export type ImageRefusal = { ok: false; message: string };

/** What sharp's metadata calls each type we keep (AVIF is HEIF with AV1 compression). */
function isDecodedAs(type: ImageType, metadata: Metadata): boolean {
  switch (type) {
    case "image/jpeg":
      return metadata.format === "jpeg";
    case "image/png":
      return metadata.format === "png";
    case "image/webp":
      return metadata.format === "webp";
    case "image/avif":
      return metadata.format === "heif" && metadata.compression === "av1";
  }
}

// `failOn: "error"`: a truncated or corrupt file fails, but a camera's harmless quirks (a warning
// from libjpeg about extra bytes) do not refuse a good photograph. The pixel limit is enforced by
// libvips too, in case a header lies.
const decode = (bytes: Uint8Array): Sharp => sharp(bytes, { failOn: "error", limitInputPixels: maxImagePixels }).autoOrient();

function encodeOriginal(type: ImageType, image: Sharp): Sharp {
  const kept = image.keepIccProfile();
  switch (type) {
    case "image/jpeg":
      return kept.jpeg({ quality: 90 });
    case "image/png":
      return kept.png();
    case "image/webp":
      return kept.webp({ quality: 90 });
    case "image/avif":
      // AVIF encoding is slow; effort 2 keeps an upload to seconds on a small server.
      return kept.avif({ quality: 70, effort: 2 });
  }
}

/** Reads and checks `bytes`; never throws for a bad file. */
export async function inspectImage(
  bytes: Uint8Array,
): Promise<{ ok: true; mimeType: ImageType; width: number; height: number } | ImageRefusal> {
  if (bytes.length === 0) return { ok: false, message: mediaMessages.empty };
  if (bytes.length > maxImageBytes) return { ok: false, message: mediaMessages.tooLarge };
  const mimeType = sniffImageType(bytes);
  if (!mimeType) return { ok: false, message: mediaMessages.notAnImage };
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    return { ok: false, message: mediaMessages.unreadable };
  }
  if (!isDecodedAs(mimeType, metadata)) return { ok: false, message: mediaMessages.notAnImage };
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!width || !height) return { ok: false, message: mediaMessages.unreadable };
  if (width * height > maxImagePixels) return { ok: false, message: mediaMessages.tooManyPixels };
  return { ok: true, mimeType, width, height };
}

/**
 * The stored original and its WebP copies (lib/media/rules.ts `variantWidthsFor`), or a refusal.
 * Decoding every pixel is what finds a file that is truncated or corrupt past its header.
 */
export async function prepareImage(bytes: Uint8Array): Promise<PreparedImage | ImageRefusal> {
  const inspected = await inspectImage(bytes);
  if (!inspected.ok) return inspected;
  try {
    const original = await encodeOriginal(inspected.mimeType, decode(bytes)).toBuffer();
    const variants: PreparedImage["variants"] = [];
    // One at a time: each copy decodes the image again, and the server has few cores to share.
    for (const width of variantWidthsFor(inspected.width)) {
      variants.push({ width, bytes: await decode(bytes).resize({ width }).webp({ quality: 80 }).toBuffer() });
    }
    return { ...inspected, original, variants };
  } catch {
    return { ok: false, message: mediaMessages.unreadable };
  }
}
