/**
 * The shapes the media library hands to screens. Client-safe: the picker, the desk screen and the
 * article editor import these; lib/media/queries.ts makes them on the server.
 */
import type { StoredImage } from "./urls";

/** An image chosen from the library: enough to show it (lib/media/urls.ts) and describe it. */
export type PickedImage = StoredImage & {
  id: string;
  alt: string;
  caption: string;
  credit: string;
};

/** One image as the library lists it: the picked shape plus where it came from. */
export type LibraryImage = PickedImage & {
  originalName: string;
  bytes: number;
  uploadedBy: { id: string; name: string };
  /** ISO 8601. */
  createdAt: string;
  /** Whether the signed-in user may edit its alt text, caption and credit. */
  canEdit: boolean;
};

/** What GET /api/media answers: one page of the library, newest first. */
export type LibraryPage = {
  items: LibraryImage[];
  q: string;
  page: number;
  pageCount: number;
  total: number;
};

/** Only the PickedImage fields, e.g. before handing a library row to `onChange`. */
export function pickedImageOf(image: PickedImage): PickedImage {
  const { id, storageKey, mimeType, width, height, variantWidths, alt, caption, credit } = image;
  return { id, storageKey, mimeType, width, height, variantWidths, alt, caption, credit };
}
