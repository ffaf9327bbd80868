/**
 * What readers may see: the one rule. An article is live while it is published and has a live
 * revision (the snapshot taken at publication, the only text readers ever get). Every public read
 * asks it here: `liveWhere` for a Prisma query, `isLive` for an article already loaded, and the
 * raw SQL writes it with `liveSql` (live-sql.ts; article routing takes `liveStatus`). Pure: forms, pages,
 * scripts and the server may all import it.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "./workflow";

/** The one state readers see. */
export const liveStatus = "published" satisfies ArticleStatus;

/** A withdrawn (unpublished) article: readers are told it is gone, not that it never was. */
export const withdrawnStatus = "unpublished" satisfies ArticleStatus;

/** The Prisma `where` for live articles; spread it into every public read. */
export const liveWhere = { status: liveStatus, liveRevisionId: { not: null } } as const satisfies Prisma.ArticleWhereInput;

/** Whether readers may see `article` now. */
export function isLive(article: { status: string; liveRevisionId: string | null }): boolean {
  return article.status === liveStatus && article.liveRevisionId !== null;
}
