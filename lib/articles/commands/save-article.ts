/**
 * Saves an article's text as a new revision. The save names the version it started from; if
 * someone saved in between, it is refused as a conflict and the caller keeps the user's text.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { renderBody } from "@/lib/render/body";
import type { SaveArticleInput } from "../schemas";
import { slugFromHeadline, uniqueSlug } from "../slug";
import { canEditText, type ArticleStatus } from "../workflow";

export async function saveArticle({ input, actor, now }: { input: SaveArticleInput; actor: Actor; now: Date }) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticlesWhere(actor) } });
    if (!article) throw new DeskError("not_found", "That article does not exist.");
    if (!canEditText({ ...article, status: article.status as ArticleStatus }, actor)) {
      throw new DeskError("forbidden", "You may not edit this article in its current state.");
    }
    if (article.version !== input.baseVersion) {
      throw new DeskError("conflict", "Someone else saved this article after you opened it. Your text is kept here.");
    }
    const section = await tx.section.findUnique({ where: { id: input.sectionId } });
    if (!section) throw new DeskError("invalid_input", "That section does not exist.");

    // The slug follows the headline only until first publication.
    const slug =
      article.publishedAt || input.headline === article.headline
        ? article.slug
        : await uniqueSlug(slugFromHeadline(input.headline), async (candidate) =>
            Boolean(
              await tx.article.findFirst({ where: { slug: candidate, NOT: { id: article.id } }, select: { id: true } }),
            ),
          );
    const version = article.version + 1;
    // Approval is bound to the exact revision approved: changing it sends the article back to review.
    const backToReview = article.status === "approved";
    const updated = await tx.article.updateMany({
      where: { id: article.id, version: article.version },
      data: {
        version,
        slug,
        headline: input.headline,
        dateline: input.dateline,
        standfirst: input.standfirst,
        body: input.body,
        kind: input.kind,
        sectionId: input.sectionId,
        updatedAt: now,
        ...(backToReview ? { status: "submitted", approvedVersion: null } : {}),
      },
    });
    if (updated.count !== 1) {
      throw new DeskError("conflict", "Someone else saved this article after you opened it. Your text is kept here.");
    }
    await tx.revision.create({
      data: {
        articleId: article.id,
        number: version,
        headline: input.headline,
        dateline: input.dateline,
        standfirst: input.standfirst,
        body: input.body,
        bodyHtml: renderBody(input.body),
        authorId: actor.id,
        createdAt: now,
      },
    });
    if (backToReview) {
      await tx.articleEvent.create({
        data: {
          articleId: article.id,
          actorId: actor.id,
          action: "edited-after-approval",
          fromStatus: "approved",
          toStatus: "submitted",
          note: `Revision ${version} was saved after approval, so the article is back in review.`,
          createdAt: now,
        },
      });
    }
    return { id: article.id, version, slug };
  });
}
