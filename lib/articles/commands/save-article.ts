/**
 * Saves an article's content as a new revision. The save names the version it started from; if
 * someone saved in between, it is refused as a conflict and the caller keeps the user's text.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { readPublicFootprint, refreshPublicPages, type PublicChange } from "@/lib/public-cache";
import type { SaveArticleInput } from "../schemas";
import { canEditText, type ArticleStatus } from "../workflow";
import { writeNextRevision } from "../working-copy";

const conflictMessage = "Someone else saved this article after you opened it. Your text is kept here.";

export async function saveArticle({ input, actor, now }: { input: SaveArticleInput; actor: Actor; now: Date }) {
  let publicChange: PublicChange | null = null;
  const saved = await db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticlesWhere(actor) } });
    if (!article) throw new DeskError("not_found", "That article does not exist.");
    if (!canEditText({ ...article, status: article.status as ArticleStatus }, actor)) {
      throw new DeskError("forbidden", "You may not edit this article in its current state.");
    }
    if (article.version !== input.baseVersion) throw new DeskError("conflict", conflictMessage);
    const section = await tx.section.findUnique({ where: { id: input.sectionId } });
    if (!section) throw new DeskError("invalid_input", "That section does not exist.");

    // Readers keep the live revision's text, but a live article's address, section and kind are
    // the article's own: when a save changes them, its pages are refreshed after the commit.
    const before = article.status === "published" ? await readPublicFootprint(tx, article.id) : null;
    const { kind, sectionId, ...change } = input;
    const { version, slug } = await writeNextRevision(tx, {
      article,
      change,
      placement: { kind, sectionId },
      authorId: actor.id,
      now,
      conflictMessage,
    });
    if (before && (slug !== article.slug || sectionId !== article.sectionId || kind !== article.kind)) {
      publicChange = { articleId: article.id, before, after: await readPublicFootprint(tx, article.id) };
    }
    return { id: article.id, version, slug };
  });
  if (publicChange) await refreshPublicPages(publicChange);
  return saved;
}
