import { findServableImage } from "@/lib/media/queries";
import { isStorageKey, mediaStorage } from "@/lib/media/storage";
import { extensionFor, variantWidthsOf } from "@/lib/media/urls";

const originalName = /^original\.([a-z0-9]{3,4})$/;
const variantName = /^([1-9][0-9]{1,4})\.webp$/;

/**
 * GET /media/<storageKey>/original.<ext> | /media/<storageKey>/<width>.webp (lib/media/urls.ts)
 * Streams a library file. Only the names the image's row lists are served: the original under the
 * extension of its sniffed type, and copies at the widths it records. Anything else is 404, so no
 * name can reach another path, a temporary file or a key whose upload never finished.
 * A stored file never changes (a new upload gets a new key), so browsers may keep it for a year.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  if (!isStorageKey(key)) return notFound();
  const image = await findServableImage(key);
  if (!image) return notFound();
  const contentType = contentTypeOf(file, image);
  if (!contentType) return notFound();
  const stored = await mediaStorage().get(key, file);
  if (!stored) return notFound();
  return new Response(stored.body, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(stored.size),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The type to serve `file` as, or null when the image has no such file. */
function contentTypeOf(file: string, image: { mimeType: string; variantWidths: string }): string | null {
  const original = originalName.exec(file);
  if (original) return original[1] === extensionFor(image.mimeType) ? image.mimeType : null;
  const variant = variantName.exec(file);
  if (variant && variantWidthsOf(image).includes(Number(variant[1]))) return "image/webp";
  return null;
}

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}
