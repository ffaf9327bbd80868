/**
 * What the desk reads from the media library: pages of images for the library screen and the
 * picker, shaped for the screen (the uploader's name, never their account).
 */
import "server-only";
import { db } from "@/lib/db";
import { canOn, requirePermission, type Actor } from "@/lib/auth/policy";
import { pageWindow, type PageWindow } from "@/lib/paging";
import { containsText } from "@/lib/database-url";
import type { MediaWhereInput } from "@/lib/generated/prisma/models/Media";
import { mediaPageSize, type MediaQuery } from "./schemas";
import type { LibraryImage } from "./types";

export const librarySelect = {
  id: true,
  storageKey: true,
  mimeType: true,
  width: true,
  height: true,
  variantWidths: true,
  alt: true,
  caption: true,
  credit: true,
  originalName: true,
  bytes: true,
  createdAt: true,
  uploadedBy: { select: { id: true, name: true } },
} as const;

type LibraryRow = {
  id: string;
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  variantWidths: string;
  alt: string;
  caption: string;
  credit: string;
  originalName: string;
  bytes: number;
  createdAt: Date;
  uploadedBy: { id: string; name: string };
};

export function libraryImageOf(row: LibraryRow, actor: Actor): LibraryImage {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    canEdit: canOn(actor, "edit:media:own", { authorId: row.uploadedBy.id }),
  };
}

/**
 * Every word of `q` must appear in the alt text, caption, credit or file name (SQLite's LIKE,
 * behind `contains`, ignores ASCII case; PostgreSQL would need `mode: "insensitive"`).
 */
export function librarySearchWhere(q: string): MediaWhereInput {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  return {
    AND: words.map((word) => ({
      OR: [
        { alt: containsText(word) },
        { caption: containsText(word) },
        { credit: containsText(word) },
        { originalName: containsText(word) },
      ],
    })),
  };
}

/** One page of the library, newest first; the id breaks ties so pages never overlap. */
export async function listLibrary(actor: Actor, query: MediaQuery): Promise<{ items: LibraryImage[]; window: PageWindow }> {
  requirePermission(actor, "browse:media");
  const where = librarySearchWhere(query.q);
  const total = await db.media.count({ where });
  const window = pageWindow(total, query.page, mediaPageSize);
  const rows = await db.media.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: window.skip,
    take: window.take,
    select: librarySelect,
  });
  return { items: rows.map((row) => libraryImageOf(row, actor)), window };
}

/** What the media route needs to serve a key's files, or null for a key with no image. */
export async function findServableImage(storageKey: string) {
  return db.media.findUnique({ where: { storageKey }, select: { storageKey: true, mimeType: true, variantWidths: true } });
}
