/**
 * How an article's text changes: its working copy and a new revision move together, inside the
 * caller's transaction. Saving and restoring an old revision both come through here, so they keep
 * the same rules: the version goes up by one, the slug follows the headline only until first
 * publication, and the revision's HTML is rendered once, now. What readers see (the live
 * revision) is never touched here.
 */
import "server-only";
import type { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { renderBody } from "@/lib/render/body";
import { slugFromHeadline, uniqueSlug } from "./slug";

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type ArticleText = { headline: string; dateline: string; standfirst: string; body: string };

type WorkingCopy = { id: string; slug: string; headline: string; version: number; status: string; publishedAt: Date | null };

/**
 * Writes `text` as the article's next version and revision. `article` is the row the caller read
 * (and checked) in this transaction; if another save got in first, throws DeskError("conflict")
 * with `conflictMessage` and the transaction writes nothing.
 *
 * Approval is bound to the exact revision approved: new text on an approved article sends it back
 * to review, and the history says why.
 */
export async function writeNextRevision(
  tx: Tx,
  {
    article,
    text,
    placement,
    authorId,
    now,
    conflictMessage,
  }: {
    article: WorkingCopy;
    text: ArticleText;
    /** Where the article sits, when the save moves it too. */
    placement?: { kind: string; sectionId: string };
    authorId: string;
    now: Date;
    conflictMessage: string;
  },
): Promise<{ version: number; slug: string }> {
  const slug = await slugForHeadline(tx, article, text.headline);
  const version = article.version + 1;
  const backToReview = article.status === "approved";
  const updated = await tx.article.updateMany({
    where: { id: article.id, version: article.version },
    data: {
      version,
      slug,
      ...text,
      ...placement,
      updatedAt: now,
      ...(backToReview ? { status: "submitted", approvedVersion: null } : {}),
    },
  });
  if (updated.count !== 1) throw new DeskError("conflict", conflictMessage);
  await tx.revision.create({
    data: { articleId: article.id, number: version, ...text, bodyHtml: renderBody(text.body), authorId, createdAt: now },
  });
  if (backToReview) {
    await tx.articleEvent.create({
      data: {
        articleId: article.id,
        actorId: authorId,
        action: "edited-after-approval",
        fromStatus: "approved",
        toStatus: "submitted",
        note: `Revision ${version} was saved after approval, so the article is back in review.`,
        createdAt: now,
      },
    });
  }
  return { version, slug };
}

/** The slug follows the headline until first publication; after that, links already shared keep working. */
async function slugForHeadline(tx: Tx, article: WorkingCopy, headline: string): Promise<string> {
  if (article.publishedAt || headline === article.headline) return article.slug;
  return uniqueSlug(slugFromHeadline(headline), async (candidate) =>
    Boolean(await tx.article.findFirst({ where: { slug: candidate, NOT: { id: article.id } }, select: { id: true } })),
  );
}
